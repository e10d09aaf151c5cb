// Reading a posted HTML form: application/x-www-form-urlencoded bodies into fields.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gazette::comments::web {

/// The fields of `body` by name (the last of a repeated name wins). '+' is a space and %XX a
/// byte; a malformed escape is kept as written. Values are bytes: callers check UTF-8.
std::map<std::string, std::string, std::less<>> parse_form_body(std::string_view body);

/// Whether `content_type` is a urlencoded form ("application/x-www-form-urlencoded; charset=…").
bool is_urlencoded_form(std::string_view content_type);

}  // namespace gazette::comments::web
