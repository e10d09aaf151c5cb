// French typesetting (render/typography.h): the narrow no-break space before « : ; ! ? » and
// inside « », only where the writer put a space, and never in code, tags or attributes.
#include "render/typography.h"

#include <gtest/gtest.h>

namespace gazette::render {
namespace {

TEST(FrenchTypography, TheSpaceBeforeEachHighMarkBecomesNarrowAndNoBreak) {
  EXPECT_EQ(french_typography("Damas : Offensive"), "Damas\u202F: Offensive");
  EXPECT_EQ(french_typography("Et après ; rien"), "Et après\u202F; rien");
  EXPECT_EQ(french_typography("Enfin !"), "Enfin\u202F!");
  EXPECT_EQ(french_typography("Pourquoi ?"), "Pourquoi\u202F?");
  EXPECT_EQ(french_typography("Vraiment ?!"), "Vraiment\u202F?!");
  // A no-break space typed or stored before (U+00A0) becomes the narrow one.
  EXPECT_EQ(french_typography("Damas\u00A0: Offensive"), "Damas\u202F: Offensive");
  EXPECT_EQ(french_typography("Damas\u202F: Offensive"), "Damas\u202F: Offensive");
}

TEST(FrenchTypography, GuillemetsHoldTheirWords) {
  EXPECT_EQ(french_typography("« la fin de l’ère »"), "«\u202Fla fin de l’ère\u202F»");
  EXPECT_EQ(french_typography("«\u00A0déjà\u00A0»"), "«\u202Fdéjà\u202F»");
}

TEST(FrenchTypography, AddsNoSpaceWhereTheWriterPutNone) {
  for (std::string_view unchanged :
       {"12:30", "https://exemple.fr/?q=1", "Note: rien", "«déjà»", "a;b", "Quoi?", ""})
    EXPECT_EQ(french_typography(unchanged), unchanged);
}

TEST(FrenchTypographyHtml, SetsTextButNotTagsAttributesOrCode) {
  EXPECT_EQ(french_typography_html("<p>Damas : <em>offensive</em> !</p>"),
            "<p>Damas\u202F: <em>offensive</em>\u202F!</p>");
  // An attribute's value is not text, whatever it holds.
  EXPECT_EQ(french_typography_html("<a href=\"/recherche?q=x :y\" title=\"a ; b\">lien ?</a>"),
            "<a href=\"/recherche?q=x :y\" title=\"a ; b\">lien\u202F?</a>");
  EXPECT_EQ(french_typography_html("<p>Code <code>a ? b : c</code> ?</p>"),
            "<p>Code <code>a ? b : c</code>\u202F?</p>");
  EXPECT_EQ(french_typography_html("<pre><code>x = y ? 1 : 2;\n</code></pre><p>Fin !</p>"),
            "<pre><code>x = y ? 1 : 2;\n</code></pre><p>Fin\u202F!</p>");
  EXPECT_EQ(french_typography_html("<figure><img src=\"/media/a.jpg\" alt=\"Quoi ?\">"
                                   "<figcaption>« Alep » : la ville</figcaption></figure>"),
            "<figure><img src=\"/media/a.jpg\" alt=\"Quoi ?\">"
            "<figcaption>«\u202FAlep\u202F»\u202F: la ville</figcaption></figure>");
}

TEST(FrenchTypographyHtml, ABrokenTagEndsTheTextWithoutLosingIt) {
  EXPECT_EQ(french_typography_html("Fin ! <p"), "Fin\u202F! <p");
  EXPECT_EQ(french_typography_html("<code>a ? b"), "<code>a ? b");
}

TEST(FrenchTypography, OnlyFrenchSitesSetTextTheFrenchWay) {
  EXPECT_TRUE(is_french("fr"));
  EXPECT_TRUE(is_french("fr-CA"));
  EXPECT_FALSE(is_french("en"));
  EXPECT_FALSE(is_french("frisian"));
}

}  // namespace
}  // namespace gazette::render
