// Dates with ICU: long dates in the site's language, ISO 8601 with the zone's offset, and the
// strict parsing of dates written in front matter.
#include "render/dates.h"

#include <charconv>
#include <cstdio>
#include <mutex>
#include <stdexcept>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace gazette::render {

namespace {

// Four-digit years only: ISO 8601 without the expanded form, and no year 0 ambiguity.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;
// Real UTC offsets range from -12:00 to +14:00.
constexpr int kMaxOffsetMinutes = 14 * 60;
constexpr UDate kMillisPerSecond = 1000.0;

std::unique_ptr<icu::TimeZone> make_time_zone(std::string_view name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
  if (!zone) return nullptr;
  // ICU answers an unknown name with "Etc/Unknown" rather than an error.
  icu::UnicodeString id;
  icu::UnicodeString unknown;
  zone->getID(id);
  icu::TimeZone::getUnknown().getID(unknown);
  if (id == unknown) return nullptr;
  return zone;
}

UDate to_udate(Timestamp instant) {
  return static_cast<UDate>(instant.time_since_epoch().count()) * kMillisPerSecond;
}

// "+01:00", "-05:30", or "Z" when `utc_is_z` and the offset is zero.
std::string format_offset(int offset_seconds, bool utc_is_z) {
  if (offset_seconds == 0 && utc_is_z) return "Z";
  const char sign = offset_seconds < 0 ? '-' : '+';
  const int minutes = std::abs(offset_seconds) / 60;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, minutes / 60, minutes % 60);
  return buffer;
}

// "2024-12-08T06:00:00" for the wall-clock time `instant` shows at `offset_seconds`.
std::string format_wall_time(Timestamp instant, int offset_seconds) {
  const auto local = instant + std::chrono::seconds(offset_seconds);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()));
  return buffer;
}

// Reads exactly `width` ASCII digits at `pos`, advancing it.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool read_char(std::string_view text, std::size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

// The fields of a written date, before time zones are applied.
struct WrittenDate {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::optional<int> offset_seconds;  // absent: local to the site's time zone
};

std::variant<WrittenDate, DateError> read_written_date(std::string_view text) {
  const DateError invalid{"not a valid date"};
  WrittenDate out;
  std::size_t pos = 0;
  const auto year = read_digits(text, pos, 4);
  if (!year || !read_char(text, pos, '-')) return invalid;
  const auto month = read_digits(text, pos, 2);
  if (!month || !read_char(text, pos, '-')) return invalid;
  const auto day = read_digits(text, pos, 2);
  if (!day) return invalid;
  out.year = *year;
  out.month = *month;
  out.day = *day;

  if (pos < text.size()) {
    if (!read_char(text, pos, 'T') && !read_char(text, pos, ' ')) return invalid;
    const auto hour = read_digits(text, pos, 2);
    if (!hour || !read_char(text, pos, ':')) return invalid;
    const auto minute = read_digits(text, pos, 2);
    if (!minute) return invalid;
    out.hour = *hour;
    out.minute = *minute;
    if (read_char(text, pos, ':')) {
      const auto second = read_digits(text, pos, 2);
      if (!second) return invalid;
      out.second = *second;
    }
    if (read_char(text, pos, 'Z')) {
      out.offset_seconds = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const int sign = text[pos] == '-' ? -1 : 1;
      ++pos;
      const auto offset_hours = read_digits(text, pos, 2);
      read_char(text, pos, ':');  // both +01:00 and +0100 are ISO 8601
      const auto offset_minutes = read_digits(text, pos, 2);
      if (!offset_hours || !offset_minutes || *offset_minutes > 59) return invalid;
      const int minutes = *offset_hours * 60 + *offset_minutes;
      if (minutes > kMaxOffsetMinutes) return invalid;
      out.offset_seconds = sign * minutes * 60;
    }
  }
  if (pos != text.size()) return invalid;

  if (out.year < kMinYear || out.year > kMaxYear)
    return DateError{"not a valid date: the year must be 1000 to 9999"};
  const std::chrono::year_month_day date{std::chrono::year{out.year},
                                         std::chrono::month{unsigned(out.month)},
                                         std::chrono::day{unsigned(out.day)}};
  if (!date.ok()) return invalid;
  // 24:00 and leap second 60 are legal ISO 8601 but no editor means them; refuse, don't guess.
  if (out.hour > 23 || out.minute > 59 || out.second > 59) return DateError{"not a valid time"};
  return out;
}

// The instant a wall-clock time shows in `zone`. ICU resolves DST gaps and overlaps the way
// people expect: a skipped 02:30 is read as 03:30, a repeated 02:30 as the first one.
std::variant<Timestamp, DateError> local_to_instant(const WrittenDate& written,
                                                    const icu::TimeZone& zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(zone, status);
  if (U_FAILURE(status)) return DateError{"not a valid date (calendar unavailable)"};
  calendar.clear();
  calendar.set(written.year, written.month - 1, written.day, written.hour, written.minute,
               written.second);
  const UDate millis = calendar.getTime(status);
  if (U_FAILURE(status)) return DateError{"not a valid date"};
  return Timestamp{std::chrono::seconds{static_cast<std::int64_t>(millis / kMillisPerSecond)}};
}

}  // namespace

struct DateFormatter::Impl {
  std::unique_ptr<icu::TimeZone> zone;
  // ICU format objects are not thread-safe for concurrent format() calls; one lock per formatter
  // is cheap next to the formatting itself.
  std::mutex format_mutex;
  std::unique_ptr<icu::DateFormat> long_format;
};

DateFormatter::DateFormatter(std::string language, std::string time_zone)
    : impl_(std::make_unique<Impl>()) {
  impl_->zone = make_time_zone(time_zone);
  if (!impl_->zone) throw std::invalid_argument("DateFormatter: unknown time zone " + time_zone);
  impl_->long_format.reset(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(language.c_str())));
  if (!impl_->long_format) throw std::runtime_error("DateFormatter: no ICU date format");
  impl_->long_format->setTimeZone(*impl_->zone);
}

DateFormatter::~DateFormatter() = default;

std::string DateFormatter::long_date(Timestamp instant) const {
  icu::UnicodeString formatted;
  {
    std::lock_guard lock(impl_->format_mutex);
    impl_->long_format->format(to_udate(instant), formatted);
  }
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

std::string DateFormatter::iso8601(Timestamp instant) const {
  int32_t raw_offset = 0;
  int32_t dst_offset = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(to_udate(instant), false, raw_offset, dst_offset, status);
  if (U_FAILURE(status)) return iso8601_utc(instant);
  const int offset_seconds = (raw_offset + dst_offset) / 1000;
  return format_wall_time(instant, offset_seconds) + format_offset(offset_seconds, false);
}

std::variant<Timestamp, DateError> parse_date(std::string_view text, std::string_view time_zone) {
  auto written = read_written_date(text);
  if (auto* error = std::get_if<DateError>(&written)) return *error;
  const auto& date = std::get<WrittenDate>(written);

  if (date.offset_seconds) {
    const auto day = std::chrono::sys_days{std::chrono::year_month_day{
        std::chrono::year{date.year}, std::chrono::month{unsigned(date.month)},
        std::chrono::day{unsigned(date.day)}}};
    const auto wall = day + std::chrono::hours{date.hour} + std::chrono::minutes{date.minute} +
                      std::chrono::seconds{date.second};
    return Timestamp{wall - std::chrono::seconds{*date.offset_seconds}};
  }
  const auto zone = make_time_zone(time_zone);
  if (!zone) return DateError{"unknown time zone " + std::string(time_zone)};
  return local_to_instant(date, *zone);
}

std::string iso8601_utc(Timestamp instant) {
  return format_wall_time(instant, 0) + format_offset(0, true);
}

}  // namespace gazette::render
