// urlencoded form bodies (see form_body.h).
#include "comments/web/form_body.h"

#include "http/percent_encoding.h"

namespace gazette::comments::web {

std::map<std::string, std::string, std::less<>> parse_form_body(std::string_view body) {
  std::map<std::string, std::string, std::less<>> fields;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = http::percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::string()
                                              : http::percent_decode(pair.substr(eq + 1), true);
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
