// Unit tests for render/dates: long dates in French and English, ISO 8601 with offsets across
// daylight saving time, and strict parsing of written dates.
#include "render/dates.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace gazette::render {
namespace {

using namespace std::chrono;

// 2024-12-08T05:00:00Z, the reference article's date.
constexpr Timestamp kDecember8 = sys_days{2024y / December / 8} + 5h;
// 2024-07-14T10:00:00Z, in Paris summer time.
constexpr Timestamp kJuly14 = sys_days{2024y / July / 14} + 10h;

Timestamp parsed(std::string_view text, std::string_view zone = "Europe/Paris") {
  auto result = parse_date(text, zone);
  EXPECT_TRUE(std::holds_alternative<Timestamp>(result)) << text;
  return std::holds_alternative<Timestamp>(result) ? std::get<Timestamp>(result) : Timestamp{};
}

std::string parse_error(std::string_view text) {
  auto result = parse_date(text, "Europe/Paris");
  EXPECT_TRUE(std::holds_alternative<DateError>(result)) << text;
  return std::holds_alternative<DateError>(result) ? std::get<DateError>(result).reason : "";
}

TEST(DateFormatter, WritesLongDatesInFrench) {
  const DateFormatter french("fr", "Europe/Paris");
  EXPECT_EQ(french.long_date(kDecember8), "8 décembre 2024");
}

TEST(DateFormatter, WritesLongDatesInEnglish) {
  const DateFormatter english("en", "Europe/Paris");
  EXPECT_EQ(english.long_date(kDecember8), "December 8, 2024");
}

TEST(DateFormatter, UsesItsTimeZoneForTheDay) {
  // 23:30 UTC on the 7th is already the 8th in Paris, still the 7th in New York.
  const Timestamp late = sys_days{2024y / December / 7} + 23h + 30min;
  EXPECT_EQ(DateFormatter("fr", "Europe/Paris").long_date(late), "8 décembre 2024");
  EXPECT_EQ(DateFormatter("en", "America/New_York").long_date(late), "December 7, 2024");
}

TEST(DateFormatter, WritesIso8601WithTheZoneOffset) {
  const DateFormatter paris("fr", "Europe/Paris");
  EXPECT_EQ(paris.iso8601(kDecember8), "2024-12-08T06:00:00+01:00");
}

TEST(DateFormatter, FollowsDaylightSavingTime) {
  const DateFormatter paris("fr", "Europe/Paris");
  EXPECT_EQ(paris.iso8601(kJuly14), "2024-07-14T12:00:00+02:00");
  EXPECT_EQ(DateFormatter("en", "America/New_York").iso8601(kJuly14), "2024-07-14T06:00:00-04:00");
  EXPECT_EQ(DateFormatter("en", "Asia/Kolkata").iso8601(kJuly14), "2024-07-14T15:30:00+05:30");
}

TEST(DateFormatter, RefusesAnUnknownTimeZone) {
  EXPECT_THROW(DateFormatter("fr", "Europe/Atlantis"), std::invalid_argument);
}

TEST(DateFormatter, IsSafeFromManyThreads) {
  const DateFormatter french("fr", "Europe/Paris");
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < 50; ++n) results[i] = french.long_date(kDecember8);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, "8 décembre 2024");
}

TEST(Iso8601Utc, WritesZ) {
  EXPECT_EQ(iso8601_utc(kDecember8), "2024-12-08T05:00:00Z");
}

TEST(ParseDate, ReadsAnOffset) {
  EXPECT_EQ(parsed("2024-12-08T06:00:00+01:00"), kDecember8);
  EXPECT_EQ(parsed("2024-12-08T00:00:00-05:00"), kDecember8);
  EXPECT_EQ(parsed("2024-12-08T05:00:00Z"), kDecember8);
}

TEST(ParseDate, ReadsLocalTimeInTheSiteTimeZone) {
  EXPECT_EQ(parsed("2024-12-08 06:00"), kDecember8);
  EXPECT_EQ(parsed("2024-12-08T06:00:00"), kDecember8);
  EXPECT_EQ(parsed("2024-07-14 12:00"), kJuly14);  // summer: +02:00
  EXPECT_EQ(parsed("2024-12-08 00:00", "America/New_York"), kDecember8);
}

TEST(ParseDate, ReadsADateAloneAsLocalMidnight) {
  EXPECT_EQ(parsed("2024-12-08"), sys_days{2024y / December / 7} + 23h);
  EXPECT_EQ(parsed("2024-07-14"), sys_days{2024y / July / 13} + 22h);
}

TEST(ParseDate, RejectsImpossibleDates) {
  EXPECT_EQ(parse_error("2024-02-30"), "not a valid date");
  EXPECT_EQ(parse_error("2023-02-29"), "not a valid date");
  EXPECT_EQ(parse_error("2024-13-01"), "not a valid date");
  EXPECT_EQ(parse_error("2024-00-10"), "not a valid date");
  EXPECT_EQ(parse_error("2024-12-00"), "not a valid date");
  EXPECT_TRUE(std::holds_alternative<Timestamp>(parse_date("2024-02-29", "Europe/Paris")));
}

TEST(ParseDate, RejectsImpossibleTimes) {
  EXPECT_EQ(parse_error("2024-12-08 25:00"), "not a valid time");
  EXPECT_EQ(parse_error("2024-12-08T10:60:00Z"), "not a valid time");
  EXPECT_EQ(parse_error("2024-12-08T10:00:61Z"), "not a valid time");
}

TEST(ParseDate, RejectsGarbage) {
  for (const char* text : {"", "hier", "8 décembre 2024", "2024-12-8", "2024/12/08",
                           "2024-12-08T06", "2024-12-08T06:00:00+1", "2024-12-08T06:00:00+25:00",
                           "2024-12-08 06:00 extra", "12024-12-08"}) {
    EXPECT_EQ(parse_error(text), "not a valid date") << text;
  }
}

TEST(ParseDate, AcceptsOnlyFourDigitYearsFrom1000) {
  EXPECT_NE(parse_error("0999-12-31").find("1000"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<Timestamp>(parse_date("9999-12-31", "UTC")));
}

TEST(ParseDate, RejectsAnUnknownTimeZoneForLocalTimes) {
  auto result = parse_date("2024-12-08", "Mars/Olympus");
  ASSERT_TRUE(std::holds_alternative<DateError>(result));
  EXPECT_NE(std::get<DateError>(result).reason.find("time zone"), std::string::npos);
}

}  // namespace
}  // namespace gazette::render
