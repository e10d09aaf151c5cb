// The contract of store::WxrImportStore: an import writes a whole site in the caller's write
// (all or nothing), a second import of the same source changes nothing, old paths redirect
// (percent-escapes in either case), and an export reads it all back in id order.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

inline const std::string kWordPressSite = "https://ancien.example.fr";

template <class BackendType>
class WxrImportStoreContract : public ContractTest<BackendType> {
 protected:
  store::ImportedArticle imported(const std::string& key, const std::string& slug,
                                  const std::string& title) {
    store::ImportedArticle article;
    article.key = key;
    article.slug = slug;
    article.title = title;
    article.body_markdown = "<p>" + title + "</p>";
    article.body_html = "<p>" + title + "</p>";
    article.status = content::ArticleStatus::published;
    article.published_at = kNow;
    article.updated_at = kNow;
    article.author_slug = "jean";
    article.section = {"archives", "Archives"};
    article.categories = {{"politique", "Politique"}};
    article.tags = {{"elections", "Élections"}};
    article.old_paths = {"/2019/05/" + slug + "/", "/?p=" + key.substr(3)};
    store::ImportedComment first;
    first.wp_id = 10;
    first.author_name = "Zoé";
    first.author_email = "zoe@example.fr";
    first.body = "Bravo 👏";
    first.status = content::CommentStatus::approved;
    first.created_at = kNow;
    store::ImportedComment reply = first;
    reply.wp_id = 11;
    reply.wp_parent = 10;
    reply.body = "Merci !";
    reply.created_at = kNow + kMinute;
    article.comments = {first, reply};
    return article;
  }

  /// One whole import of the two articles of the site, committed.
  store::WxrImportResult import_site() {
    return this->committed([&](store::WriteTransaction& write) {
      auto writer = this->backend().wxr_import().begin_import(write, kWordPressSite, kNow);
      write_site(*writer);
      return writer->result();
    });
  }

  void write_site(store::WxrImportWriter& writer) {
    writer.add_author({"jean", "Jean Éluard"});
    writer.add_category({"politique", "Politique", ""});
    writer.add_category({"municipales", "Municipales", "politique"});
    writer.add_tag({"elections", "Élections"});
    writer.add_article(imported("id:1", "resultats", "Résultats du 1er tour"));
    writer.add_article(imported("id:2", "second-tour", "Second tour « serré » 🗳️"));
    writer.add_redirect({"/author/jean/", "/author/jean/"});  // to itself: no redirect
    writer.add_redirect({"/category/politique/", "/category/politique/nouveau/"});
  }
};
TYPED_TEST_SUITE_P(WxrImportStoreContract);

TYPED_TEST_P(WxrImportStoreContract, AnImportWritesTheWholeSiteAndCountsIt) {
  auto result = this->import_site();
  EXPECT_EQ(result.articles_created, 2);
  EXPECT_EQ(result.articles_already_imported, 0);
  EXPECT_EQ(result.comments_created, 4);
  EXPECT_EQ(result.authors_created, 1);
  EXPECT_EQ(result.categories_created, 2);
  EXPECT_EQ(result.tags_created, 1);
  EXPECT_EQ(result.redirects_created, 5);

  auto article = this->backend().content().find_published_article("archives", "second-tour");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->summary.title, "Second tour « serré » 🗳️");
  EXPECT_EQ(article->summary.author.name, "Jean Éluard");
  auto comments = this->backend().comments().approved_comments(article->summary.id);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].body, "Bravo 👏");
  EXPECT_EQ(comments[1].parent, comments[0].id);
}

TYPED_TEST_P(WxrImportStoreContract, ASecondImportOfTheSameSourceChangesNothing) {
  this->import_site();
  auto again = this->import_site();
  EXPECT_EQ(again.articles_created, 0);
  EXPECT_EQ(again.articles_already_imported, 2);
  EXPECT_EQ(again.comments_created, 0);
  EXPECT_EQ(again.authors_created, 0);
  EXPECT_EQ(again.categories_created, 0);
  EXPECT_EQ(again.tags_created, 0);
  EXPECT_EQ(again.redirects_created, 0);
  EXPECT_EQ(this->backend().editorial().list_articles({}).total, 2);
}

TYPED_TEST_P(WxrImportStoreContract, AnImportRolledBackLeavesTheDatabaseAsItWas) {
  {
    auto write = this->backend().database().begin_write();
    auto writer = this->backend().wxr_import().begin_import(*write, kWordPressSite, kNow);
    this->write_site(*writer);
    // Its questions see what it wrote.
    EXPECT_TRUE(writer->imported("id:1"));
    EXPECT_TRUE(writer->article_slug_taken("resultats"));
    EXPECT_FALSE(writer->imported("id:3"));
  }  // a file found unreadable at its end: never committed
  EXPECT_EQ(this->backend().editorial().list_articles({}).total, 0);
  EXPECT_FALSE(this->backend().wxr_import().find_redirect("/?p=1").has_value());
  EXPECT_TRUE(this->backend().terms().authors().empty());
  // The next import starts from nothing.
  EXPECT_EQ(this->import_site().articles_created, 2);
}

TYPED_TEST_P(WxrImportStoreContract, OldPathsRedirectWhateverTheCaseOfTheirEscapes) {
  this->committed([&](store::WriteTransaction& write) {
    auto writer = this->backend().wxr_import().begin_import(write, kWordPressSite, kNow);
    writer->add_author({"jean", "Jean"});
    auto article = this->imported("id:7", "ete", "Été");
    article.old_paths = {"/2019/07/%c3%a9t%c3%a9/"};
    writer->add_article(article);
    writer->add_redirect({"/2019/07/%c3%a9t%c3%a9/", "/ailleurs/"});  // the first one stays
  });
  auto& imports = this->backend().wxr_import();
  EXPECT_EQ(imports.find_redirect("/2019/07/%C3%A9T%C3%A9/"), std::nullopt);  // T is not %74
  EXPECT_EQ(imports.find_redirect("/2019/07/%C3%A9t%C3%A9/"), "/archives/ete/");
  EXPECT_EQ(imports.find_redirect("/2019/07/été/"), "/archives/ete/");
  EXPECT_FALSE(imports.find_redirect("/inconnu/").has_value());
  // Escapes of bytes no text holds (not UTF-8, NUL) find nothing, and fail nothing.
  EXPECT_FALSE(imports.find_redirect("/%ff%fe/%00/").has_value());
}

TYPED_TEST_P(WxrImportStoreContract, AnExportReadsTheSiteBackInIdOrder) {
  this->import_site();
  std::optional<store::SiteExport> site;
  std::vector<store::ExportedArticle> articles;
  this->backend().wxr_import().export_site(
      [&](const store::SiteExport& read) { site = read; },
      [&](const store::ExportedArticle& article) { articles.push_back(article); });
  ASSERT_TRUE(site.has_value());
  ASSERT_EQ(site->authors.size(), 1u);
  EXPECT_EQ(site->authors[0].name, "Jean Éluard");
  ASSERT_EQ(site->categories.size(), 2u);
  EXPECT_EQ(site->categories[1].parent_slug, "politique");
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_LT(articles[0].id, articles[1].id);
  EXPECT_EQ(articles[1].title, "Second tour « serré » 🗳️");
  ASSERT_EQ(articles[1].comments.size(), 2u);
  EXPECT_EQ(articles[1].comments[0].body, "Bravo 👏");
  EXPECT_EQ(articles[1].tags.at(0).name, "Élections");
}

REGISTER_TYPED_TEST_SUITE_P(WxrImportStoreContract, AnImportWritesTheWholeSiteAndCountsIt,
                            ASecondImportOfTheSameSourceChangesNothing,
                            AnImportRolledBackLeavesTheDatabaseAsItWas,
                            OldPathsRedirectWhateverTheCaseOfTheirEscapes,
                            AnExportReadsTheSiteBackInIdOrder);

}  // namespace gazette::contract
