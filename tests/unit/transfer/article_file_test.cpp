// Unit tests for transfer/article_file: the reference article parses with every field, and each
// refusal names the field and the line an editor must fix.
#include "transfer/article_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gazette::transfer {
namespace {

using namespace std::chrono;

constexpr std::string_view kZone = "Europe/Paris";

std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(GAZETTE_SHARED_FIXTURES) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << relative;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

ArticleFile parsed(std::string_view text) {
  auto result = parse_article_file(text, kZone);
  if (const auto* error = std::get_if<ArticleFileError>(&result)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->reason;
    return {};
  }
  return std::get<ArticleFile>(result);
}

ArticleFileError refused(std::string_view text) {
  auto result = parse_article_file(text, kZone);
  if (!std::holds_alternative<ArticleFileError>(result)) {
    ADD_FAILURE() << "accepted:\n" << text;
    return {};
  }
  return std::get<ArticleFileError>(result);
}

TEST(ArticleFile, ReadsTheReferenceArticleWithAllFields) {
  const ArticleFile file = parsed(read_fixture("seed/article.md"));
  EXPECT_EQ(file.title, "Les Islamistes envoient un message fort à Damas : Offensive en cours");
  EXPECT_EQ(file.slug, "les-islamistes-envoient-un-message-fort-a-damas-offensive-en-cours");
  EXPECT_EQ(file.author, "Sara");
  EXPECT_EQ(file.section, "Actualité");
  EXPECT_EQ(file.categories, std::vector<std::string>{"France"});
  EXPECT_EQ(file.tags, (std::vector<std::string>{"Syrie", "Damas", "Islamistes", "Offensive",
                                                 "Guerre", "France"}));
  EXPECT_EQ(file.image, "banniere-assad-damas.jpg");
  EXPECT_EQ(file.image_caption, "Bannière de Bashar al-Assad à Damas, Syrie");
  ASSERT_TRUE(file.date.has_value());
  EXPECT_EQ(*file.date, sys_days{2024y / December / 8} + 5h);
  EXPECT_EQ(file.language, "fr");
  EXPECT_EQ(file.status, content::ArticleStatus::published);
  EXPECT_EQ(file.body_markdown.rfind("Les nouvelles en provenance de la Syrie", 0), 0u);
  EXPECT_NE(file.body_markdown.find("## État des lieux à Homs"), std::string::npos);
}

TEST(ArticleFile, ReadsOptionalFieldsAndLists) {
  const ArticleFile file = parsed(
      "---\r\n"
      "title: '  Titre  '\r\n"
      "slug: mon-titre\r\n"
      "section: Monde\r\n"
      "categories:\r\n"
      "  - Syrie\r\n"
      "  - Liban\r\n"
      "tags: Guerre\r\n"
      "status: draft\r\n"
      "lead: Le chapeau.\r\n"
      "image_alt: Une bannière\r\n"
      "date: 2024-07-14 12:00\r\n"
      "unknown_key: ignored\r\n"
      "---\r\n"
      "Corps.\r\n");
  EXPECT_EQ(file.title, "Titre");
  EXPECT_EQ(file.slug, "mon-titre");
  EXPECT_EQ(file.categories, (std::vector<std::string>{"Syrie", "Liban"}));
  EXPECT_EQ(file.tags, std::vector<std::string>{"Guerre"});
  EXPECT_EQ(file.status, content::ArticleStatus::draft);
  EXPECT_EQ(file.lead, "Le chapeau.");
  EXPECT_EQ(file.image_alt, "Une bannière");
  EXPECT_EQ(*file.date, sys_days{2024y / July / 14} + 10h);
  EXPECT_EQ(file.author, "");
  EXPECT_EQ(file.body_markdown, "Corps.\r\n");
}

TEST(ArticleFile, LeavesTheDateUnsetWhenAbsent) {
  EXPECT_FALSE(parsed("---\ntitle: T\nsection: S\n---\n").date.has_value());
}

TEST(ArticleFile, MergesCategoryAndCategories) {
  const ArticleFile file =
      parsed("---\ntitle: T\nsection: S\ncategory: France\ncategories: [Syrie, France]\n---\n");
  EXPECT_EQ(file.categories, (std::vector<std::string>{"France", "Syrie"}));
}

TEST(ArticleFile, RefusesAMissingTitle) {
  const auto error = refused("---\nsection: Monde\n---\nCorps\n");
  EXPECT_EQ(error.reason, "title: missing");
  EXPECT_EQ(error.line, 1);
}

TEST(ArticleFile, RefusesABlankTitleAtItsLine) {
  const auto error = refused("---\nsection: Monde\ntitle: '   '\n---\n");
  EXPECT_EQ(error.reason, "title: missing");
  EXPECT_EQ(error.line, 3);
}

TEST(ArticleFile, RefusesAMissingSection) {
  EXPECT_EQ(refused("---\ntitle: T\n---\n").reason, "section: missing");
}

TEST(ArticleFile, RefusesAnImpossibleDateAtItsLine) {
  const auto error = refused("---\ntitle: T\nsection: S\n\ndate: 2024-02-30\n---\n");
  EXPECT_EQ(error.reason, "date: not a valid date (2024-02-30)");
  EXPECT_EQ(error.line, 5);
}

TEST(ArticleFile, RefusesATitleThatIsNotText) {
  const auto error = refused("---\nsection: S\ntitle:\n  a: b\n---\n");
  EXPECT_EQ(error.reason, "title: expected text");
  EXPECT_EQ(error.line, 4);
}

TEST(ArticleFile, RefusesTagsThatAreNotAListOfText) {
  const auto map_tags = refused("---\ntitle: T\nsection: S\ntags: {a: b}\n---\n");
  EXPECT_EQ(map_tags.reason, "tags: expected a list of text");
  EXPECT_EQ(map_tags.line, 4);
  const auto nested = refused("---\ntitle: T\nsection: S\ntags:\n  - Syrie\n  - [a, b]\n---\n");
  EXPECT_EQ(nested.reason, "tags: expected a list of text");
  EXPECT_EQ(nested.line, 6);
}

TEST(ArticleFile, RefusesAnUnknownStatus) {
  const auto error = refused("---\ntitle: T\nsection: S\nstatus: online\n---\n");
  EXPECT_EQ(error.reason.rfind("status: expected", 0), 0u);
  EXPECT_EQ(error.line, 4);
}

TEST(ArticleFile, ReadsPinnedAsTrueOrFalseAndLeavesItUnsetWhenAbsent) {
  EXPECT_EQ(parsed("---\ntitle: T\nsection: S\npinned: true\n---\n").pinned, true);
  EXPECT_EQ(parsed("---\ntitle: T\nsection: S\npinned: false\n---\n").pinned, false);
  EXPECT_FALSE(parsed("---\ntitle: T\nsection: S\n---\n").pinned.has_value());
  EXPECT_FALSE(parsed("---\ntitle: T\nsection: S\npinned:\n---\n").pinned.has_value());
}

TEST(ArticleFile, RefusesAPinnedThatIsNotTrueOrFalseAtItsLine) {
  for (const char* value : {"oui", "1", "[true]", "{a: b}"}) {
    const auto error =
        refused(std::string("---\ntitle: T\nsection: S\n\npinned: ") + value + "\n---\n");
    EXPECT_EQ(error.reason, "pinned: expected true or false") << value;
    EXPECT_EQ(error.line, 5) << value;
  }
}

TEST(ArticleFile, RefusesASlugThatIsNotASlug) {
  const auto error = refused("---\ntitle: T\nsection: S\nslug: Mon Titre\n---\n");
  EXPECT_EQ(error.reason.rfind("slug: ", 0), 0u);
  EXPECT_EQ(error.line, 4);
}

TEST(ArticleFile, RefusesInvalidUtf8AtItsLine) {
  const auto error = refused("---\ntitle: T\nsection: S\n---\nPremier\nCaf\xC3\n");
  EXPECT_EQ(error.reason, "file: invalid UTF-8");
  EXPECT_EQ(error.line, 6);
}

TEST(ArticleFile, RefusesControlCharactersAtTheirLineAsTheEditorDoes) {
  // A title is one line: a YAML escape cannot slip a control character or a line break in.
  const auto bell = refused("---\nsection: S\ntitle: \"Alerte\\a\"\n---\n");
  EXPECT_EQ(bell.reason, "title: contains a control character (expected one line of text)");
  EXPECT_EQ(bell.line, 3);
  EXPECT_EQ(refused("---\nsection: S\ntitle: \"Deux\\nlignes\"\n---\n").line, 3);
  const auto tag = refused("---\ntitle: T\nsection: S\ntags:\n  - Syrie\n  - \"\\x1b[31m\"\n---\n");
  EXPECT_EQ(tag.reason, "tags: contains a control character (expected one line of text)");
  EXPECT_EQ(tag.line, 6);
  // A lead may have its line breaks and tabs, and nothing else.
  EXPECT_EQ(parsed("---\ntitle: T\nsection: S\nlead: |\n  Un\n  \tdeux\n---\n").lead, "Un\n\tdeux");
  const auto lead = refused("---\ntitle: T\nsection: S\nlead: \"Un\\0deux\"\n---\n");
  EXPECT_EQ(lead.reason, "lead: contains a control character other than a line break or a tab");
  // The body: the line of the first one (a form feed), after the front matter's lines.
  const auto body = refused("---\ntitle: T\nsection: S\n---\n\nUn\r\n\tdeux\nTrois\fquatre\n");
  EXPECT_EQ(body.reason, "body: contains a control character other than a line break or a tab");
  EXPECT_EQ(body.line, 8);
}

TEST(ArticleFile, RefusesFrontMatterNotClosed) {
  const auto error = refused("---\ntitle: T\nsection: S\n\nCorps\n");
  EXPECT_EQ(error.reason, "front matter: not closed by ---");
  EXPECT_EQ(error.line, 1);
}

TEST(ArticleFile, RefusesAFileWithoutFrontMatter) {
  const auto error = refused("# Titre\n\nCorps\n");
  EXPECT_EQ(error.reason.rfind("front matter: ", 0), 0u);
  EXPECT_EQ(error.line, 1);
}

TEST(ArticleFile, ReportsYamlErrorsAtTheirFileLine) {
  const auto error = refused("---\ntitle: T\nsection: S\ntags: [Syrie, Damas\n---\nCorps\n");
  EXPECT_EQ(error.reason.rfind("front matter: YAML error: ", 0), 0u) << error.reason;
  EXPECT_EQ(error.line, 4);
}

TEST(ArticleFile, ReportsAMisindentedKeyAtItsLine) {
  const auto error = refused("---\ntitle: T\n  bad: x\nsection: S\n---\n");
  EXPECT_EQ(error.reason.rfind("front matter: YAML error: ", 0), 0u) << error.reason;
  EXPECT_EQ(error.line, 3);
}

TEST(ArticleFile, SkipsAByteOrderMark) {
  EXPECT_EQ(parsed("\xEF\xBB\xBF---\ntitle: T\nsection: S\n---\n").title, "T");
}

}  // namespace
}  // namespace gazette::transfer

namespace gazette::transfer {
namespace {

TEST(ArticleFile, ReadsTheKindOfChangeAndItsNote) {
  const std::string head = "---\ntitle: T\nsection: S\n";
  EXPECT_EQ(parsed(head + "---\n\nB.\n").change, content::ChangeKind::typo);
  auto file = parsed(head + "change: retraction\nchange_note: « Faits non établis »\n---\n\nB.\n");
  EXPECT_EQ(file.change, content::ChangeKind::retraction);
  EXPECT_EQ(file.change_note, "« Faits non établis »");
  auto unknown = refused(head + "change: erratum\nchange_note: N\n---\n\nB.\n");
  EXPECT_EQ(unknown.line, 4);
  EXPECT_EQ(unknown.reason.rfind("change: expected typo, update", 0), 0u) << unknown.reason;
  auto no_note = refused(head + "change: update\n---\n\nB.\n");
  EXPECT_EQ(no_note.line, 4);
  EXPECT_EQ(no_note.reason.rfind("change_note: missing", 0), 0u) << no_note.reason;
  auto too_long = refused(head + "change: update\nchange_note: " +
                          std::string(content::kMaxChangeNoteBytes + 1, 'x') + "\n---\n\nB.\n");
  EXPECT_EQ(too_long.line, 5);
}

}  // namespace
}  // namespace gazette::transfer

namespace gazette::transfer {
namespace {

TEST(ArticleFile, ReadsTheKindOfPieceAndTheSponsor) {
  const std::string head = "---\ntitle: T\nsection: S\n";
  EXPECT_EQ(parsed(head + "---\n\nB.\n").kind, content::ArticleKind::news);
  EXPECT_EQ(parsed(head + "kind: fact-check\n---\n\nB.\n").kind, content::ArticleKind::fact_check);
  auto sponsored = parsed(head + "kind: sponsored\nsponsor: « Maison & Fils »\n---\n\nB.\n");
  EXPECT_EQ(sponsored.kind, content::ArticleKind::sponsored);
  EXPECT_EQ(sponsored.sponsor, "« Maison & Fils »");

  auto unknown = refused(head + "author: A\nkind: editorial\n---\n\nB.\n");
  EXPECT_EQ(unknown.line, 5);
  EXPECT_EQ(unknown.reason.rfind("kind: expected news, analysis", 0), 0u) << unknown.reason;
  auto no_sponsor = refused(head + "kind: sponsored\n---\n\nB.\n");
  EXPECT_EQ(no_sponsor.line, 4);
  EXPECT_EQ(no_sponsor.reason.rfind("sponsor: missing", 0), 0u) << no_sponsor.reason;
  auto stray = refused(head + "kind: opinion\nsponsor: X\n---\n\nB.\n");
  EXPECT_EQ(stray.line, 5);
  EXPECT_EQ(stray.reason.rfind("sponsor: only sponsored content", 0), 0u) << stray.reason;
  auto too_long = refused(head + "kind: sponsored\nsponsor: " +
                          std::string(content::kMaxSponsorBytes + 1, 'x') + "\n---\n\nB.\n");
  EXPECT_EQ(too_long.line, 5);
}

}  // namespace
}  // namespace gazette::transfer
