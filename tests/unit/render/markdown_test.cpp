// Unit tests for render/markdown: GFM rendering, raw HTML never passing, heading ids, lead.
#include "render/markdown.h"

#include <gtest/gtest.h>

namespace gazette::render {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Markdown, RendersParagraphsAndEmphasis) {
  EXPECT_EQ(markdown_to_html("Des *combattants* **islamistes**"),
            "<p>Des <em>combattants</em> <strong>islamistes</strong></p>\n");
}

TEST(Markdown, GivesHeadingsIdsFromTheirSlugs) {
  EXPECT_EQ(markdown_to_html("## Offensive islamiste à Damas"),
            "<h2 id=\"offensive-islamiste-a-damas\">Offensive islamiste à Damas</h2>\n");
  EXPECT_TRUE(contains(markdown_to_html("### État des lieux à Homs"),
                       "<h3 id=\"etat-des-lieux-a-homs\">État des lieux à Homs</h3>"));
}

TEST(Markdown, MakesHeadingIdsUniqueWithinTheDocument) {
  const std::string html = markdown_to_html("## Homs\n\ntext\n\n## Homs\n\n## Homs\n");
  EXPECT_TRUE(contains(html, "<h2 id=\"homs\">"));
  EXPECT_TRUE(contains(html, "<h2 id=\"homs-2\">"));
  EXPECT_TRUE(contains(html, "<h2 id=\"homs-3\">"));
}

TEST(Markdown, KeepsHeadingTextEscapedAndFormatted) {
  const std::string html = markdown_to_html("## Tom & *Jerry* <b>x</b>");
  EXPECT_TRUE(contains(html, "<h2 id=\"tom-jerry-x\">Tom &amp; <em>Jerry</em>")) << html;
  EXPECT_FALSE(contains(html, "<b>"));
}

TEST(Markdown, GivesAnIdToHeadingsWithoutLetters) {
  EXPECT_TRUE(contains(markdown_to_html("## ???"), "<h2 id=\"section\">"));
}

TEST(Markdown, OmitsRawHtml) {
  const std::string html =
      markdown_to_html("<div class=\"x\">bloc</div>\n\nTexte <span>en</span> ligne");
  EXPECT_FALSE(contains(html, "<div"));
  EXPECT_FALSE(contains(html, "<span"));
  EXPECT_TRUE(contains(html, "raw HTML omitted"));
}

TEST(Markdown, NeverPassesScriptTags) {
  for (const char* source :
       {"<script>alert(1)</script>", "Texte <script>alert(1)</script>",
        "## Titre <script>alert(1)</script>", "> <script>alert(1)</script>",
        "| a |\n|---|\n| <script>alert(1)</script> |", "<SCRIPT src=x></SCRIPT>"}) {
    const std::string html = markdown_to_html(source);
    EXPECT_FALSE(contains(html, "<script")) << source << " → " << html;
    EXPECT_FALSE(contains(html, "<SCRIPT")) << source << " → " << html;
  }
}

TEST(Markdown, DropsJavascriptLinks) {
  const std::string html = markdown_to_html("[clic](javascript:alert(1))");
  EXPECT_FALSE(contains(html, "javascript:"));
}

TEST(Markdown, RendersTables) {
  const std::string html = markdown_to_html("| Ville | Statut |\n|---|---|\n| Homs | libre |\n");
  EXPECT_TRUE(contains(html, "<table>"));
  EXPECT_TRUE(contains(html, "<th>Ville</th>"));
  EXPECT_TRUE(contains(html, "<td>Homs</td>"));
}

TEST(Markdown, RendersStrikethroughAndAutolinks) {
  EXPECT_TRUE(contains(markdown_to_html("~~faux~~"), "<del>faux</del>"));
  EXPECT_TRUE(contains(markdown_to_html("Voir https://example.org"),
                       "<a href=\"https://example.org\">https://example.org</a>"));
}

TEST(Markdown, KeepsTypographicQuotesAsWritten) {
  EXPECT_EQ(markdown_to_html("« l’ère » \"x\" -- y"),
            "<p>« l’ère » &quot;x&quot; -- y</p>\n");
}

TEST(RenderArticle, TakesTheFirstParagraphAsLead) {
  const auto article =
      render_article("Les nouvelles *alarmantes*\nde Syrie.\n\n## Offensive\n\nSuite.", true);
  EXPECT_EQ(article.lead, "Les nouvelles alarmantes de Syrie.");
  EXPECT_FALSE(contains(article.body_html, "nouvelles"));
  EXPECT_TRUE(contains(article.body_html, "<h2 id=\"offensive\">Offensive</h2>"));
  EXPECT_TRUE(contains(article.body_html, "<p>Suite.</p>"));
}

TEST(RenderArticle, KeepsTheFirstParagraphWhenNotAskedForALead) {
  const auto article = render_article("Premier.\n\nSecond.", false);
  EXPECT_EQ(article.lead, "");
  EXPECT_EQ(article.body_html, "<p>Premier.</p>\n<p>Second.</p>\n");
}

TEST(RenderArticle, TakesNoLeadWhenTheBodyOpensWithAHeading) {
  const auto article = render_article("## Titre\n\nTexte.", true);
  EXPECT_EQ(article.lead, "");
  EXPECT_TRUE(contains(article.body_html, "<p>Texte.</p>"));
}

TEST(RenderArticle, LeadCarriesNoMarkup) {
  const auto article =
      render_article("Texte <script>alert(1)</script> & [lien](https://x.org)", true);
  EXPECT_EQ(article.lead, "Texte alert(1) & lien");
  EXPECT_EQ(article.body_html, "");
}

}  // namespace
}  // namespace gazette::render
