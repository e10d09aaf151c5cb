// Unit tests for render/text: UTF-8 validity, HTML escaping, trimming.
#include "render/text.h"

#include <gtest/gtest.h>

namespace gazette::render {
namespace {

TEST(Utf8, AcceptsFrenchTextAndEmoji) {
  EXPECT_EQ(find_invalid_utf8("État des lieux à Damas : « Assad est parti » 🇸🇾"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8(""), std::nullopt);
}

TEST(Utf8, PointsAtTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xFFzz"), 3u);
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);  // continuation without a lead byte
}

TEST(Utf8, RejectsOverlongEncodings) {
  EXPECT_EQ(find_invalid_utf8("a\xC0\xAF"), 1u);         // '/' in two bytes
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // '/' in three bytes
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\xAF"), 0u);  // '/' in four bytes
}

TEST(Utf8, RejectsSurrogatesAndCodePointsAboveUnicode) {
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);                // U+D800
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);            // U+110000
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF is fine
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_EQ(find_invalid_utf8("caf\xC3"), 3u);
  EXPECT_EQ(find_invalid_utf8("\xE2\x82"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xC3"
                              "A"),
            0u);
}

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escape_html(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(escape_html("Actualité"), "Actualité");
}

TEST(Trim, RemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim("  \t Damas \r\n"), "Damas");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("a b"), "a b");
}

}  // namespace
}  // namespace gazette::render
