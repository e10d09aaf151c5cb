// Dependencies as the change log writes them: each kind read back as written, and text this
// version cannot read recognised as such.
#include "content/dependency_text.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(DependencyText, ReadsBackEveryKindAsWritten) {
  using namespace dependency;
  using Term = TermChanged::Kind;
  std::vector<Dependency> all{article_shown(ArticleId{12}),
                              comments_shown(ArticleId{3}),
                              related_shown(ArticleId{7}),
                              term_shown(Term::section, "actualite"),
                              term_shown(Term::tag, "syrie"),
                              term_shown(Term::category, "analyse"),
                              term_shown(Term::author, "sara"),
                              section_navigation(),
                              documents(),
                              home_list(),
                              section_list("actualite"),
                              tag_list("syrie"),
                              author_list("sara"),
                              category_list("analyse")};
  auto text = format_dependencies(all);
  EXPECT_EQ(text.substr(0, 34), "article:12 comments:3 related:7 te");
  EXPECT_EQ(parse_dependencies(text), all);
  // The spelling older versions wrote and still read.
  EXPECT_EQ(to_text(tag_list("syrie")), "list:tag:syrie");
  EXPECT_EQ(to_text(term_shown(Term::author, "sara")), "term:author:sara");
}

TEST(DependencyText, ToleratesExtraSpacesAndRefusesUnknownWords) {
  EXPECT_EQ(
      parse_dependencies("article:1  list:home "),
      (std::vector<Dependency>{dependency::article_shown(ArticleId{1}), dependency::home_list()}));
  EXPECT_EQ(parse_dependencies(""), std::vector<Dependency>{});
  EXPECT_EQ(parse_dependencies("article:1 something-new:2"), std::nullopt);
  EXPECT_EQ(parse_dependencies("article:x"), std::nullopt);
  EXPECT_EQ(parse_dependencies("list:tag:"), std::nullopt);
}

}  // namespace
}  // namespace gazette::content
