// Request target parsing for the reader site's router.
#include "site/target.h"

#include <charconv>

namespace gazette::site {

namespace {
// Slugs are derived from titles and cut well below this; longer segments are not ours.
constexpr std::size_t kMaxSlugLength = 200;
// No listing is this long; a larger number is a typo or a probe.
constexpr long kMaxPageNumber = 1'000'000;
}  // namespace

Target parse_target(std::string_view target) {
  Target result;
  auto question = target.find('?');
  result.path = target.substr(0, question);
  if (question != std::string_view::npos) result.query = target.substr(question + 1);
  result.trailing_slash = result.path.size() > 1 && result.path.ends_with('/');
  std::string_view rest = result.path;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    auto segment = rest.substr(0, slash);
    if (!segment.empty()) result.segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return result;
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::optional<long> page_number(std::string_view query) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    if (pair.starts_with("page=")) {
      auto digits = pair.substr(5);
      long value = 0;
      auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (error != std::errc() || end != digits.data() + digits.size() || value < 1 ||
          value > kMaxPageNumber)
        return std::nullopt;
      return value;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return 1;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string query_parameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      auto raw = pair.substr(name.size() + 1);
      std::string value;
      value.reserve(raw.size());
      for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '+') {
          value += ' ';
        } else if (raw[i] == '%' && i + 2 < raw.size() + 0 && hex_value(raw[i + 1]) >= 0 &&
                   hex_value(raw[i + 2]) >= 0) {
          value += static_cast<char>(hex_value(raw[i + 1]) * 16 + hex_value(raw[i + 2]));
          i += 2;
        } else {
          value += raw[i];
        }
      }
      return value;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return "";
}

std::string query_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace gazette::site
