// The local path rule (see local_path.h).
#include "http/local_path.h"

#include <stdexcept>

namespace gazette::http {

namespace {

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986: unreserved, sub-delims, and the ":@/?#" that paths, queries and fragments use.
bool is_uri_character(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':  // unreserved
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':  // sub-delims
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
    case '?':
    case '#':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<LocalPath> LocalPath::parse(std::string_view text) {
  if (text.empty() || text.size() > kMaxLocalPathBytes || text.front() != '/') return std::nullopt;
  if (text.size() > 1 && text[1] == '/') return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !is_hex_digit(text[i + 1]) || !is_hex_digit(text[i + 2]))
        return std::nullopt;
      i += 2;
    } else if (!is_uri_character(c)) {
      return std::nullopt;
    }
  }
  return LocalPath(text);
}

LocalPath LocalPath::checked(std::string_view text) {
  auto path = parse(text);
  // The text itself stays out of the message: it may hold the very bytes the rule refuses.
  if (!path) throw std::logic_error("a redirect to something that is not a local path");
  return *path;
}

}  // namespace gazette::http
