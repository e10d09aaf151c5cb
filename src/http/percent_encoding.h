// Percent-encoding (RFC 3986) of URL parts: query strings and urlencoded form bodies, for every
// handler that reads or writes them.
#pragma once

#include <string>
#include <string_view>

namespace gazette::http {

/// "%C3%A9t%C3%A9+x" → "été x" (with `plus_is_space`, as in forms and query strings). A
/// malformed escape is kept as written; the result is bytes, which callers check for UTF-8.
std::string percent_decode(std::string_view text, bool plus_is_space);

/// `text` with every byte but the unreserved ones (letters, digits, - _ . ~) written %XX, for
/// a query string value.
std::string percent_encode(std::string_view text);

}  // namespace gazette::http
