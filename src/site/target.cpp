// Request target parsing for the reader site's router.
#include "site/target.h"

#include "http/percent_encoding.h"

#include <charconv>

namespace gazette::site {

namespace {
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

std::string query_parameter(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return http::percent_decode(pair.substr(name.size() + 1), true);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return "";
}

}  // namespace gazette::site
