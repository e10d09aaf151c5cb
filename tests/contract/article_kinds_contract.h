// The contract of kinds of piece (content/article_kinds.h) on every backend: an article keeps
// its kind and sponsor on its row, read with the article (published or in the newsroom); a
// kind's articles are listed (/types/{kind}/); a save that names no kind leaves it as it is
// (a writer that does not know of kinds changes none), and revisions keep both.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class ArticleKindsContract : public ContractTest<BackendType> {
 protected:
  content::SavedArticle save(const std::string& slug, std::optional<content::ArticleKind> kind,
                             const std::string& sponsor = "") {
    auto draft = article_draft(slug, "Titre " + slug);
    draft.kind = kind;
    draft.sponsor = sponsor;
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, draft, kNow);
    });
  }
  std::vector<std::string> listed(std::string_view kind) {
    auto page = this->backend().content().published_articles(
        {store::ArticleFilter::Kind::article_kind, std::string(kind)}, {0, 20}, std::nullopt);
    std::vector<std::string> slugs;
    for (const auto& article : page.articles) slugs.push_back(article.slug);
    return slugs;
  }
};
TYPED_TEST_SUITE_P(ArticleKindsContract);

TYPED_TEST_P(ArticleKindsContract, AnArticleIsReadWithItsKindAndSponsor) {
  auto news = this->save("nouvelle", std::nullopt);
  auto analysis = this->save("analyse", content::ArticleKind::analysis);
  auto sponsored = this->save("sponsorise", content::ArticleKind::sponsored, "Acme & <Cie>");
  auto& content = this->backend().content();
  EXPECT_EQ(content.find_published_article("monde", "nouvelle")->summary.kind, content::ArticleKind::news);
  EXPECT_EQ(content.find_published_article("monde", "analyse")->summary.kind,
            content::ArticleKind::analysis);
  auto read = content.find_published_article("monde", "sponsorise").value();
  EXPECT_EQ(read.summary.kind, content::ArticleKind::sponsored);
  EXPECT_EQ(read.sponsor, "Acme & <Cie>");
  // Listings carry it too: cards show the label.
  for (const auto& summary : content.published_articles({}, {}, std::nullopt).articles) {
    if (summary.slug == "analyse") EXPECT_EQ(summary.kind, content::ArticleKind::analysis);
    if (summary.slug == "nouvelle") EXPECT_EQ(summary.kind, content::ArticleKind::news);
  }
  auto editable = this->backend().editorial().find_article(sponsored.id).value();
  EXPECT_EQ(editable.article.summary.kind, content::ArticleKind::sponsored);
  EXPECT_EQ(editable.article.sponsor, "Acme & <Cie>");
  EXPECT_EQ(this->backend().editorial().find_article(news.id)->article.summary.kind,
            content::ArticleKind::news);
  (void)analysis;
}

TYPED_TEST_P(ArticleKindsContract, AKindsArticlesAreListedNewestFirst) {
  this->save("analyse-1", content::ArticleKind::analysis);
  this->save("tribune", content::ArticleKind::opinion);
  this->save("analyse-2", content::ArticleKind::fact_check);
  this->save("nouvelle", std::nullopt);
  EXPECT_EQ(this->listed("analysis"), std::vector<std::string>{"analyse-1"});
  EXPECT_EQ(this->listed("fact-check"), std::vector<std::string>{"analyse-2"});
  EXPECT_EQ(this->listed("news"), std::vector<std::string>{"nouvelle"});
  EXPECT_TRUE(this->listed("review").empty());
}

TYPED_TEST_P(ArticleKindsContract, ASaveNamingNoKindKeepsItAndRevisionsRecordIt) {
  auto saved = this->save("sponsorise", content::ArticleKind::sponsored, "Acme");
  // Republished without a kind (a writer that does not know of kinds): kept.
  this->save("sponsorise", std::nullopt, "ignored");
  auto& editorial = this->backend().editorial();
  EXPECT_EQ(editorial.find_article(saved.id)->article.summary.kind, content::ArticleKind::sponsored);
  EXPECT_EQ(editorial.find_article(saved.id)->article.sponsor, "Acme");

  auto user = this->committed([&](store::WriteTransaction& write) {
    return *this->backend().accounts().create_user(
        write, {"zoe@example.fr", "Zoé", content::Role::editor, "hash", {"zoe", "Zoé"}}, kNow);
  });
  auto edit_with = [&](std::optional<content::ArticleKind> kind, const std::string& sponsor) {
    auto found = editorial.find_article(saved.id).value();
    content::ArticleEdit edit;
    edit.id = saved.id;
    edit.expected_version = found.version;
    edit.slug = "sponsorise";
    edit.title = "Sponsorisé";
    edit.status = content::ArticleStatus::published;
    edit.published_at = kNow;
    edit.updated_at = kNow;
    edit.author_slug = kAuthor.slug;
    edit.section_slug = kSection.slug;
    edit.saved_by = user.id;
    edit.saved_by_name = user.name;
    edit.kind = kind;
    edit.sponsor = sponsor;
    auto result = this->committed(
        [&](store::WriteTransaction& write) { return editorial.save_edit(write, edit, kNow); });
    EXPECT_TRUE(std::holds_alternative<content::SavedArticle>(result));
  };
  edit_with(std::nullopt, "");
  EXPECT_EQ(editorial.find_article(saved.id)->article.sponsor, "Acme");
  auto revisions = editorial.revisions(saved.id);  // newest first
  ASSERT_FALSE(revisions.empty());
  auto kept = editorial.find_revision(saved.id, revisions[0].id).value();
  EXPECT_EQ(kept.kind, content::ArticleKind::sponsored);
  EXPECT_EQ(kept.sponsor, "Acme");

  edit_with(content::ArticleKind::review, "");
  auto now = editorial.find_article(saved.id)->article;
  EXPECT_EQ(now.summary.kind, content::ArticleKind::review);
  EXPECT_EQ(now.sponsor, "");
  auto latest = editorial.find_revision(saved.id, editorial.revisions(saved.id)[0].id).value();
  EXPECT_EQ(latest.kind, content::ArticleKind::review);
  EXPECT_EQ(latest.sponsor, "");
}

REGISTER_TYPED_TEST_SUITE_P(ArticleKindsContract, AnArticleIsReadWithItsKindAndSponsor,
                            AKindsArticlesAreListedNewestFirst,
                            ASaveNamingNoKindKeepsItAndRevisionsRecordIt);

}  // namespace gazette::contract
