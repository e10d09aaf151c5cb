// Snippets become HTML safely: the text escaped, only our own <mark> elements, always balanced.
#include "discovery/search.h"

#include <gtest/gtest.h>

namespace gazette::discovery {
namespace {

std::string marked(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '[') c = store::kMatchBegin;
    if (c == ']') c = store::kMatchEnd;
  }
  return out;
}

TEST(Snippet, MarksMatchesAndEscapesText) {
  EXPECT_EQ(snippet_html(marked("…l’[offensive] sur <Damas> & \"Homs\"…")),
            "…l’<mark>offensive</mark> sur &lt;Damas&gt; &amp; &quot;Homs&quot;…");
}

TEST(Snippet, TextCannotForgeMarkup) {
  EXPECT_EQ(snippet_html(marked("</mark><script>[x]")),
            "&lt;/mark&gt;&lt;script&gt;<mark>x</mark>");
}

TEST(Snippet, MarksAreAlwaysBalanced) {
  EXPECT_EQ(snippet_html(marked("a]b[c")), "ab<mark>c</mark>");
  EXPECT_EQ(snippet_html(marked("[[a]]")), "<mark>a</mark>");
}

TEST(Snippet, DropsControlCharactersAndInvalidUtf8) {
  EXPECT_EQ(snippet_html(std::string("a\0b\x01"
                                     "c\xFF",
                                     6)),
            "abc\xEF\xBF\xBD");
}

}  // namespace
}  // namespace gazette::discovery
