// normalise_email (see email_address.h).
#include "newsletters/email_address.h"

namespace gazette::newsletters {

namespace {

bool is_local_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' ||
         c == '-';
}

bool is_domain_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

}  // namespace

std::optional<std::string> normalise_email(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > kMaxEmailBytes) return std::nullopt;
  std::string email;
  for (char c : text) email += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos)
    return std::nullopt;
  auto local = std::string_view(email).substr(0, at);
  auto domain = std::string_view(email).substr(at + 1);
  for (char c : local)
    if (!is_local_character(c)) return std::nullopt;
  // A domain with a dot, neither first nor last, and no empty label.
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos || local.front() == '.' ||
      local.back() == '.')
    return std::nullopt;
  for (char c : domain)
    if (!is_domain_character(c)) return std::nullopt;
  return email;
}

}  // namespace gazette::newsletters
