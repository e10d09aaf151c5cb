// Unit tests for render/sanitizer: what imported HTML may keep, and every way script or a
// foreign scheme could slip through.
#include "render/sanitizer.h"

#include <gtest/gtest.h>

namespace gazette::render {
namespace {

TEST(Sanitizer, KeepsTextStructureLinksAndImages) {
  EXPECT_EQ(sanitize_html(
                "<p>Un <strong>mot</strong> <a href=\"https://a.fr/x\" title=\"t\">lien</a></p>"),
            "<p>Un <strong>mot</strong> <a href=\"https://a.fr/x\" title=\"t\">lien</a></p>");
  EXPECT_EQ(
      sanitize_html("<figure><img src=\"/m/a.jpg\" alt=\"A\"><figcaption>C</figcaption></figure>"),
      "<figure><img src=\"/m/a.jpg\" alt=\"A\"><figcaption>C</figcaption></figure>");
  EXPECT_EQ(sanitize_html("<a href=\"mailto:a@b.fr\">m</a>"), "<a href=\"mailto:a@b.fr\">m</a>");
}

TEST(Sanitizer, DropsScriptsHandlersAndForeignSchemes) {
  EXPECT_EQ(sanitize_html("<script>alert(1)</script>ok"), "ok");
  EXPECT_EQ(sanitize_html("<p onclick=\"x()\" style=\"color:red\" class=\"c\">t</p>"), "<p>t</p>");
  EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"java&#09;script:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"&#106;avascript:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<a href=\" JAVASCRIPT:alert(1)\">x</a>"), "<a>x</a>");
  EXPECT_EQ(sanitize_html("<img src=\"data:image/png;base64,AAAA\" onerror=\"x()\">"), "<img>");
  EXPECT_EQ(sanitize_html("<iframe src=\"https://evil.example\"></iframe><style>p{}</style>"), "");
  EXPECT_EQ(sanitize_html("<svg><script>alert(1)</script></svg>"), "");
  EXPECT_EQ(sanitize_html("<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->"), "<p>a</p>");
}

// Found by fuzz/sanitizer: an attribute named by a NUL byte was written with an empty name, and
// its value became attributes in a browser: `<p =" onmouseover=alert(1) ">`.
TEST(Sanitizer, DropsAttributesWithoutAName) {
  using namespace std::literals;
  EXPECT_EQ(sanitize_html("<p \0=\" onmouseover=alert(1) \">t</p>"sv), "<p>t</p>");
  EXPECT_EQ(sanitize_html("<a \0=\" onclick=x() \" href=\"/x\">t</a>"sv), "<a href=\"/x\">t</a>");
}

TEST(Sanitizer, UnwrapsUnknownElementsAndEscapesText) {
  EXPECT_EQ(sanitize_html("<font color=red>rouge</font> &lt;b&gt; 1 < 2"),
            "rouge &lt;b&gt; 1 &lt; 2");
  EXPECT_EQ(sanitize_html("<h1>Titre</h1>"), "<h2>Titre</h2>");
  EXPECT_EQ(sanitize_html("<a href='x\"onmouseover=\"y'>z</a>"),
            "<a href=\"x&quot;onmouseover=&quot;y\">z</a>");
  EXPECT_EQ(sanitize_html("<p>non fermé"), "<p>non fermé</p>");
}

}  // namespace
}  // namespace gazette::render
