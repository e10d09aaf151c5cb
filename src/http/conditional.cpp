// HTTP dates and conditional requests (see conditional.h).
#include "http/conditional.h"

#include <algorithm>
#include <cstdio>

namespace gazette::http {

namespace {
constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}
}  // namespace

std::string format_http_date(Seconds instant) {
  auto day = std::chrono::floor<std::chrono::days>(instant);
  std::chrono::year_month_day date{day};
  std::chrono::hh_mm_ss time{instant - day};
  std::chrono::weekday weekday{day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02ld:%02ld:%02ld GMT",
                kDays[weekday.c_encoding()].data(), static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1].data(),
                static_cast<int>(date.year()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return buffer;
}

std::optional<Seconds> parse_http_date(std::string_view text) {
  std::string copy(text);
  char month[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(copy.c_str(), "%*3s, %2d %3s %4d %2d:%2d:%2d GMT", &day, month, &year, &hour,
                  &minute, &second) != 6)
    return std::nullopt;
  auto found = std::find(std::begin(kMonths), std::end(kMonths), std::string_view(month));
  if (found == std::end(kMonths) || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year{year},
                                   std::chrono::month{static_cast<unsigned>(found - kMonths) + 1},
                                   std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return Seconds(std::chrono::sys_days(date).time_since_epoch() + std::chrono::hours(hour) +
                 std::chrono::minutes(minute) + std::chrono::seconds(second));
}

bool is_not_modified(std::string_view if_none_match, std::string_view if_modified_since,
                     const std::function<bool(std::string_view)>& is_current, Seconds modified) {
  if (!if_none_match.empty()) {
    while (!if_none_match.empty()) {
      auto comma = if_none_match.find(',');
      auto tag = trim_spaces(if_none_match.substr(0, comma));
      if (tag.starts_with("W/")) tag.remove_prefix(2);
      if (tag == "*" || is_current(tag)) return true;
      if (comma == std::string_view::npos) break;
      if_none_match.remove_prefix(comma + 1);
    }
    return false;
  }
  if (if_modified_since.empty()) return false;
  auto since = parse_http_date(if_modified_since);
  return since && modified <= *since;
}

}  // namespace gazette::http
