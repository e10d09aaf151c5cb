// The header value rule (see header_safety.h).
#include "http/header_safety.h"

namespace gazette::http {

bool is_safe_header_value(std::string_view value) {
  if (value.size() > kMaxHeaderValueBytes) return false;
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}

std::optional<std::string_view> first_unsafe_header(const Response& response) {
  for (const auto& field : response) {
    if (!is_safe_header_value(field.value())) return field.name_string();
  }
  return std::nullopt;
}

}  // namespace gazette::http
