// read_plain_request: a strict reader of bodiless GET and HEAD heads (see plain_request.h).
#include "http/plain_request.h"

#include <algorithm>
#include <array>

#include "http/cookies.h"
#include "http/request_parser.h"

namespace gazette::http {

namespace {

constexpr std::string_view kCrlf = "\r\n";

// RFC 9110's tchar, the characters of a field name (Beast's token table).
constexpr auto kTokenChars = [] {
  std::array<bool, 256> table{};
  for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
  for (unsigned char c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = true;
  for (unsigned char c : std::string_view("!#$%&'*+-.^_`|~")) table[c] = true;
  return table;
}();

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (unsigned char c : text) {
    if (!kTokenChars[c]) return false;
  }
  return true;
}

// A field value's characters as Beast reads them: visible ASCII, obs-text, space and tab. CR,
// LF (a line ending alone), NUL and the other controls are not.
constexpr auto kFieldValueChars = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = (c >= 0x20 || c == '\t') && c != 0x7f;
  return table;
}();

bool is_field_value(std::string_view text) {
  for (unsigned char c : text) {
    if (!kFieldValueChars[c]) return false;
  }
  return true;
}

// An origin-form target: a path and maybe a query, in visible ASCII. (Beast also takes
// obs-text and other forms; those go to it.)
bool is_origin_form(std::string_view target) {
  if (target.empty() || target.front() != '/') return false;
  for (unsigned char c : target) {
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

std::string_view trim_blanks(std::string_view text) {
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The fields the cache reads, plus those that change how the request is framed or kept.
enum class Known {
  other,
  host,
  accept_encoding,
  if_none_match,
  if_modified_since,
  cookie,
  authorization,
  connection,
  refused
};

// A name and what it is. Beast reads the `refused` ones itself (a body's length, an upgrade…):
// a request that has one is its to read.
struct KnownName {
  std::string_view name;
  Known field;
};

constexpr std::array kKnownNames = {
    KnownName{"host", Known::host},
    KnownName{"accept-encoding", Known::accept_encoding},
    KnownName{"if-none-match", Known::if_none_match},
    KnownName{"if-modified-since", Known::if_modified_since},
    KnownName{"cookie", Known::cookie},
    KnownName{"authorization", Known::authorization},
    KnownName{"connection", Known::connection},
    KnownName{"content-length", Known::refused},
    KnownName{"transfer-encoding", Known::refused},
    KnownName{"proxy-connection", Known::refused},
    KnownName{"upgrade", Known::refused},
    KnownName{"expect", Known::refused},
    KnownName{"te", Known::refused},
    KnownName{"trailer", Known::refused},
};

// The known names by length: a field's name is compared with those of its length only (every
// request has several fields, and most are none of these).
constexpr std::size_t kLongestKnownName = 17;
constexpr auto kKnownByLength = [] {
  std::array<std::array<const KnownName*, 2>, kLongestKnownName + 1> by_length{};
  for (const auto& known : kKnownNames) {
    auto& slots = by_length[known.name.size()];
    // Fails the build (no throw in a constant expression) if a third name of a length comes.
    if (slots[1]) throw "more than two known names of one length";
    (slots[0] ? slots[1] : slots[0]) = &known;
  }
  return by_length;
}();

Known known_field(std::string_view name) {
  if (name.size() > kLongestKnownName) return Known::other;
  for (const auto* known : kKnownByLength[name.size()]) {
    if (known && equals_ignoring_case(name, known->name)) return known->field;
  }
  return Known::other;
}

// Reads `line` (no CRLF) into `head`; false when it is not a field this reader is sure of.
bool read_field(std::string_view line, RequestHead& head, unsigned& seen) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  auto name = line.substr(0, colon);
  auto raw_value = line.substr(colon + 1);
  if (!is_token(name) || !is_field_value(raw_value)) return false;
  auto value = trim_blanks(raw_value);
  auto field = known_field(name);
  if (field == Known::refused) return false;
  if (field == Known::other) return true;
  // A repeated field the cache reads: Beast's first-of-many and our reading could differ on
  // which one counts. Rare; left to Beast.
  auto bit = 1u << static_cast<unsigned>(field);
  if (seen & bit) return false;
  seen |= bit;
  switch (field) {
    case Known::host:
      head.host = value;
      break;
    case Known::accept_encoding:
      head.accept_encoding = value;
      break;
    case Known::if_none_match:
      head.if_none_match = value;
      break;
    case Known::if_modified_since:
      head.if_modified_since = value;
      break;
    case Known::cookie:
      if (cookie_in(value, kSessionCookie)) head.has_session_cookie = true;
      break;
    case Known::authorization:
      head.has_authorization = true;
      break;
    case Known::connection:
      // One token, as browsers send it; a list is Beast's to read.
      if (equals_ignoring_case(value, "close"))
        head.keep_alive = false;
      else if (equals_ignoring_case(value, "keep-alive"))
        head.keep_alive = true;
      else
        return false;
      break;
    default:
      break;
  }
  return true;
}

}  // namespace

std::optional<PlainRequest> read_plain_request(std::string_view bytes) {
  auto blank_line = bytes.find("\r\n\r\n");
  if (blank_line == std::string_view::npos) return std::nullopt;
  PlainRequest request;
  request.length = blank_line + 4;
  if (request.length > kHeaderLimit) return std::nullopt;
  // Each line of the head followed by its CRLF, the blank line's aside.
  auto lines = bytes.substr(0, blank_line + 2);
  auto& head = request.head;

  // The request line: GET or HEAD, one space, the target, one space, HTTP/1.1 or HTTP/1.0.
  auto line_end = lines.find(kCrlf);
  auto line = lines.substr(0, line_end);
  lines.remove_prefix(line_end + kCrlf.size());
  if (line.starts_with("GET ")) {
    head.method = beast_http::verb::get;
    line.remove_prefix(4);
  } else if (line.starts_with("HEAD ")) {
    head.method = beast_http::verb::head;
    line.remove_prefix(5);
  } else {
    return std::nullopt;
  }
  auto space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  head.target = line.substr(0, space);
  auto version = line.substr(space + 1);
  if (!is_origin_form(head.target)) return std::nullopt;
  if (version == "HTTP/1.1")
    head.version = 11;
  else if (version == "HTTP/1.0")
    head.version = 10;
  else
    return std::nullopt;
  // HTTP/1.1 keeps the connection unless told to close it; HTTP/1.0 closes it unless told not to.
  head.keep_alive = head.version == 11;

  unsigned seen = 0;
  while (!lines.empty()) {
    line_end = lines.find(kCrlf);
    if (!read_field(lines.substr(0, line_end), head, seen)) return std::nullopt;
    lines.remove_prefix(line_end + kCrlf.size());
  }
  return request;
}

bool may_begin_plain_request(std::string_view bytes) {
  if (bytes.size() >= kHeaderLimit || bytes.find("\r\n\r\n") != std::string_view::npos)
    return false;
  for (std::string_view method : {"GET ", "HEAD "}) {
    auto common = std::min(bytes.size(), method.size());
    if (bytes.substr(0, common) == method.substr(0, common)) return true;
  }
  return false;
}

}  // namespace gazette::http
