// Reading cookies (see cookies.h).
#include "http/cookies.h"

namespace gazette::http {

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string_view> cookie_in(std::string_view header, std::string_view name) {
  std::string_view rest = header;
  while (!rest.empty()) {
    auto semicolon = rest.find(';');
    auto pair = trim_spaces(rest.substr(0, semicolon));
    auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name)
      return pair.substr(equals + 1);
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  return std::nullopt;
}

std::string cookie_value(const Request& request, std::string_view name) {
  auto [first, last] = request.equal_range(beast_http::field::cookie);
  for (auto header = first; header != last; ++header)
    if (auto value = cookie_in(header->value(), name)) return std::string(*value);
  return "";
}

}  // namespace gazette::http
