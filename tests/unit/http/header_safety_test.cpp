// The header value rule: bounded, no control character but the tab.
#include "http/header_safety.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(HeaderSafety, RefusesControlCharactersAndOversizedValues) {
  using namespace std::string_literals;
  EXPECT_TRUE(is_safe_header_value("text/html; charset=utf-8"));
  EXPECT_TRUE(is_safe_header_value("a\tb"));
  EXPECT_TRUE(is_safe_header_value(std::string(kMaxHeaderValueBytes, 'a')));
  EXPECT_FALSE(is_safe_header_value(std::string(kMaxHeaderValueBytes + 1, 'a')));
  for (const auto& value : {"a\r\nSet-Cookie: x=y"s, "a\nb"s, "a\rb"s, "a\0b"s, "a\x7f"s})
    EXPECT_FALSE(is_safe_header_value(value));
}

TEST(HeaderSafety, NamesTheFirstHeaderBreakingTheRule) {
  Response response{Status::ok, 11};
  response.set(beast_http::field::content_type, "text/plain");
  EXPECT_EQ(first_unsafe_header(response), std::nullopt);
  response.set("X-Echo", "a\r\nSet-Cookie: x=y");
  EXPECT_EQ(first_unsafe_header(response), "X-Echo");
}

}  // namespace
}  // namespace gazette::http
