// Dates as readers and feeds see them: « 8 décembre 2024 » in the site's language and time zone,
// and ISO 8601 for machines. Parsing of dates written by people (front matter) is here too.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::render {

using Timestamp = std::chrono::sys_seconds;

/// Formats instants in one language and time zone. Thread-safe; build one per site setting.
class DateFormatter {
 public:
  /// `language` is "fr" or "en" (any ICU locale works); `time_zone` an IANA name. Throws
  /// std::invalid_argument for a time zone ICU does not know: that is a configuration bug.
  DateFormatter(std::string language, std::string time_zone);
  ~DateFormatter();
  DateFormatter(const DateFormatter&) = delete;
  DateFormatter& operator=(const DateFormatter&) = delete;

  /// « 8 décembre 2024 » (fr), "December 8, 2024" (en), in the formatter's time zone.
  std::string long_date(Timestamp instant) const;
  /// "2024-12-08T06:00:00+01:00": the instant with the time zone's offset, for <time datetime>.
  std::string iso8601(Timestamp instant) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A date a person wrote that could not be read, and why ("not a valid date").
struct DateError {
  std::string reason;
};

/// Reads "2024-12-08T06:00:00+01:00", "2024-12-08T06:00:00Z", "2024-12-08 06:00" or
/// "2024-12-08". Without an offset the time is local to `time_zone`; a date alone means
/// midnight there. Impossible dates (2024-02-30, 25:00) are errors, not normalised.
std::variant<Timestamp, DateError> parse_date(std::string_view text, std::string_view time_zone);

/// "2024-12-08T05:00:00Z": the instant in UTC, for HTTP-independent machine formats.
std::string iso8601_utc(Timestamp instant);

}  // namespace gazette::render
