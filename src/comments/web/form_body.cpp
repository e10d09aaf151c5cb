// urlencoded form bodies (see form_body.h).
#include "comments/web/form_body.h"

namespace gazette::comments::web {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string, std::less<>> parse_form_body(std::string_view body) {
  std::map<std::string, std::string, std::less<>> fields;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = decode(pair.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    fields[std::move(name)] = std::move(value);
  }
  return fields;
}

bool is_urlencoded_form(std::string_view content_type) {
  constexpr std::string_view kType = "application/x-www-form-urlencoded";
  if (content_type.size() < kType.size()) return false;
  for (std::size_t i = 0; i < kType.size(); ++i) {
    char c = content_type[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kType[i]) return false;
  }
  return content_type.size() == kType.size() || content_type[kType.size()] == ';' ||
         content_type[kType.size()] == ' ';
}

}  // namespace gazette::comments::web
