// Conditional requests: HTTP dates both ways, entity tag lists, then dates.
#include "http/conditional.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(HttpDates, FormatAndParseImfFixdate) {
  auto instant = Seconds(std::chrono::seconds(1733634000));  // 2024-12-08 05:00 UTC
  EXPECT_EQ(format_http_date(instant), "Sun, 08 Dec 2024 05:00:00 GMT");
  EXPECT_EQ(parse_http_date("Sun, 08 Dec 2024 05:00:00 GMT"), instant);
  EXPECT_EQ(parse_http_date("yesterday"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 31 Feb 2024 05:00:00 GMT"), std::nullopt);
}

TEST(ConditionalRequests, MatchEntityTagsThenDates) {
  auto modified = Seconds(std::chrono::seconds(1733634000));
  auto is_abc = [](std::string_view tag) { return tag == "\"abc\""; };
  EXPECT_TRUE(is_not_modified("\"abc\"", "", is_abc, modified));
  EXPECT_TRUE(is_not_modified("\"x\", W/\"abc\"", "", is_abc, modified));
  EXPECT_TRUE(is_not_modified("*", "", is_abc, modified));
  // If-None-Match decides when present, whatever If-Modified-Since says.
  EXPECT_FALSE(is_not_modified("\"x\"", "Fri, 01 Jan 2100 00:00:00 GMT", is_abc, modified));
  EXPECT_TRUE(is_not_modified("", "Sun, 08 Dec 2024 05:00:00 GMT", is_abc, modified));
  EXPECT_FALSE(is_not_modified("", "Sun, 08 Dec 2024 04:59:59 GMT", is_abc, modified));
  EXPECT_FALSE(is_not_modified("", "yesterday", is_abc, modified));
}

}  // namespace
}  // namespace gazette::http
