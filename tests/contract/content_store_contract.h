// The contract of store::Store (articles as readers see them, settings, media reads): what a
// save returns, listings newest first a page at a time, what readers never see, Unicode kept
// byte for byte, and writes that are all or nothing — whatever the backend.
#pragma once

#include <thread>

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class ContentStoreContract : public ContractTest<BackendType> {
 protected:
  content::SavedArticle save(const content::ArticleDraft& draft) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, draft, kNow);
    });
  }
  std::vector<std::string> titles(const content::ArticlePage& page) {
    std::vector<std::string> titles;
    for (const auto& article : page.articles) titles.push_back(article.title);
    return titles;
  }
};
TYPED_TEST_SUITE_P(ContentStoreContract);

TYPED_TEST_P(ContentStoreContract, ANewArticleIsCreatedAndSaysWhereItAppears) {
  auto draft = article_draft("offensive-damas", "Offensive sur Damas");
  draft.categories = {{"conflits", "Conflits"}};
  draft.tags = {{"syrie", "Syrie"}, {"damas", "Damas"}};
  auto saved = this->save(draft);

  EXPECT_TRUE(saved.created);
  EXPECT_GT(saved.id.value, 0);
  EXPECT_EQ(saved.section_slug, "monde");
  EXPECT_EQ(saved.slug, "offensive-damas");
  EXPECT_FALSE(saved.before.has_value());
  EXPECT_TRUE(saved.after.visible);
  EXPECT_EQ(saved.after.author_slug, "sara-dupont");
  EXPECT_EQ(saved.after.category_slugs, std::vector<std::string>{"conflits"});
  EXPECT_EQ(saved.after.tag_slugs, (std::vector<std::string>{"syrie", "damas"}));

  auto article = this->backend().content().find_published_article("monde", "offensive-damas");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->summary.id, saved.id);
  EXPECT_EQ(article->summary.title, "Offensive sur Damas");
  EXPECT_EQ(article->summary.author.name, "Sara Dupont");
  EXPECT_EQ(article->summary.section.name, "Monde");
  EXPECT_EQ(article->summary.published_at, kNow);
  EXPECT_EQ(article->body_html, "<p>Corps de Offensive sur Damas</p>");
  ASSERT_EQ(article->tags.size(), 2u);  // in the order the writer gave them
  EXPECT_EQ(article->tags[0].slug, "syrie");
  EXPECT_EQ(article->tags[1].slug, "damas");
  EXPECT_TRUE(this->backend().content().find_section("monde").has_value());
  EXPECT_EQ(this->backend().content().find_author("sara-dupont")->name, "Sara Dupont");
  EXPECT_EQ(this->backend().content().find_tag("syrie")->name, "Syrie");
  EXPECT_EQ(this->backend().content().find_category("conflits")->name, "Conflits");
}

TYPED_TEST_P(ContentStoreContract, SavingTheSameSlugUpdatesTheArticleAndSaysWhereItWas) {
  auto first = article_draft("offensive-damas", "Offensive sur Damas");
  first.tags = {{"syrie", "Syrie"}};
  auto created = this->save(first);
  auto second = article_draft("offensive-damas", "Offensive sur Damas, suite");
  second.tags = {{"damas", "Damas"}};
  auto updated = this->save(second);

  EXPECT_FALSE(updated.created);
  EXPECT_EQ(updated.id, created.id);
  ASSERT_TRUE(updated.before.has_value());
  EXPECT_EQ(updated.before->tag_slugs, std::vector<std::string>{"syrie"});
  EXPECT_EQ(updated.after.tag_slugs, std::vector<std::string>{"damas"});
  auto article = this->backend().content().find_published_article("monde", "offensive-damas");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->summary.title, "Offensive sur Damas, suite");
  ASSERT_EQ(article->tags.size(), 1u);
  EXPECT_EQ(article->tags[0].slug, "damas");
}

TYPED_TEST_P(ContentStoreContract, ListingsAreNewestFirstAPageAtATime) {
  for (int day = 1; day <= 5; ++day)
    this->save(article_draft("jour-" + std::to_string(day), "Jour " + std::to_string(day),
                             kNow + day * std::chrono::days(1)));
  auto& content = this->backend().content();
  store::ArticleFilter all;

  auto first = content.published_articles(all, {.offset = 0, .limit = 2}, std::nullopt);
  EXPECT_EQ(this->titles(first), (std::vector<std::string>{"Jour 5", "Jour 4"}));
  EXPECT_TRUE(first.has_more);
  auto last = content.published_articles(all, {.offset = 4, .limit = 2}, std::nullopt);
  EXPECT_EQ(this->titles(last), std::vector<std::string>{"Jour 1"});
  EXPECT_FALSE(last.has_more);
  auto exact = content.published_articles(all, {.offset = 3, .limit = 2}, std::nullopt);
  EXPECT_EQ(this->titles(exact), (std::vector<std::string>{"Jour 2", "Jour 1"}));
  EXPECT_FALSE(exact.has_more);

  auto day5 = content.find_published_article("monde", "jour-5");
  auto except = content.published_articles(all, {.offset = 0, .limit = 1}, day5->summary.id);
  EXPECT_EQ(this->titles(except), std::vector<std::string>{"Jour 4"});
}

TYPED_TEST_P(ContentStoreContract, ArticlesPublishedAtTheSameMomentKeepAStableOrder) {
  for (int i = 1; i <= 4; ++i) this->save(article_draft("meme-" + std::to_string(i), "Même"));
  auto& content = this->backend().content();
  std::vector<std::int64_t> paged;
  for (int offset = 0; offset < 4; ++offset)
    paged.push_back(content.published_articles({}, {.offset = offset, .limit = 1}, std::nullopt)
                        .articles.at(0)
                        .id.value);
  std::vector<std::int64_t> whole;
  for (const auto& article :
       content.published_articles({}, {.offset = 0, .limit = 10}, std::nullopt).articles)
    whole.push_back(article.id.value);
  // Pages never repeat nor skip an article; the newest id comes first among equals.
  EXPECT_EQ(paged, whole);
  EXPECT_TRUE(std::is_sorted(whole.rbegin(), whole.rend()));
}

TYPED_TEST_P(ContentStoreContract, ListingsFilterBySectionTagAuthorAndCategory) {
  auto syria = article_draft("syrie", "Syrie");
  syria.tags = {{"syrie", "Syrie"}};
  syria.categories = {{"conflits", "Conflits"}};
  this->save(syria);
  auto culture = article_draft("expo", "Expo");
  culture.section = {"culture", "Culture"};
  culture.author = {"zoe", "Zoé"};
  this->save(culture);
  auto& content = this->backend().content();
  auto listed = [&](store::ArticleFilter::Kind kind, std::string slug) {
    return this->titles(content.published_articles({kind, std::move(slug)}, {}, std::nullopt));
  };
  using Kind = store::ArticleFilter::Kind;
  EXPECT_EQ(listed(Kind::section, "culture"), std::vector<std::string>{"Expo"});
  EXPECT_EQ(listed(Kind::tag, "syrie"), std::vector<std::string>{"Syrie"});
  EXPECT_EQ(listed(Kind::category, "conflits"), std::vector<std::string>{"Syrie"});
  EXPECT_EQ(listed(Kind::author, "zoe"), std::vector<std::string>{"Expo"});
  EXPECT_TRUE(listed(Kind::tag, "inconnu").empty());
  EXPECT_EQ(content.sections().size(), 2u);
}

TYPED_TEST_P(ContentStoreContract, CoAuthorsSignInOrderAndListTheArticleOnTheirPages) {
  auto draft = article_draft("offensive", "Offensive");
  draft.coauthors = std::vector<content::Term>{{"karim-haddad", "Karim Haddad"},
                                               {"lea-martin", "Léa Martin"}};
  auto saved = this->save(draft);
  EXPECT_EQ(saved.after.coauthor_slugs, (std::vector<std::string>{"karim-haddad", "lea-martin"}));
  auto& content = this->backend().content();
  auto article = content.find_published_article("monde", "offensive");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->summary.author.slug, "sara-dupont");
  ASSERT_EQ(article->summary.coauthors.size(), 2u);  // guests created, in byline order
  EXPECT_EQ(article->summary.coauthors[0].name, "Karim Haddad");
  EXPECT_EQ(article->summary.coauthors[1].name, "Léa Martin");
  using Kind = store::ArticleFilter::Kind;
  for (const auto* slug : {"sara-dupont", "karim-haddad", "lea-martin"}) {
    EXPECT_EQ(this->titles(content.published_articles({Kind::author, slug}, {}, std::nullopt)),
              std::vector<std::string>{"Offensive"})
        << slug;
  }
  EXPECT_EQ(content.published_authors().size(), 3u);

  // Saved again without saying who co-signs: kept. Saying none: removed.
  auto again = article_draft("offensive", "Offensive");
  auto kept = this->save(again);
  EXPECT_EQ(kept.after.coauthor_slugs.size(), 2u);
  again.coauthors = std::vector<content::Term>{};
  auto removed = this->save(again);
  EXPECT_EQ(removed.before->coauthor_slugs.size(), 2u);  // their pages drop it too
  EXPECT_TRUE(removed.after.coauthor_slugs.empty());
  EXPECT_TRUE(
      content.published_articles({Kind::author, "karim-haddad"}, {}, std::nullopt).articles.empty());

  // A listing's summaries carry each byline whole, in its own order (here neither the authors'
  // creation order nor the alphabet's).
  auto reversed = article_draft("riposte", "Riposte");
  reversed.coauthors =
      std::vector<content::Term>{{"lea-martin", "Léa Martin"}, {"karim-haddad", "Karim Haddad"}};
  this->save(reversed);
  auto listed = content.published_articles({Kind::author, "karim-haddad"}, {}, std::nullopt);
  ASSERT_EQ(listed.articles.size(), 1u);
  EXPECT_EQ(listed.articles[0].author.slug, "sara-dupont");
  std::vector<std::string> byline;
  for (const auto& coauthor : listed.articles[0].coauthors)
    byline.push_back(coauthor.slug + " " + coauthor.name);
  EXPECT_EQ(byline,
            (std::vector<std::string>{"lea-martin Léa Martin", "karim-haddad Karim Haddad"}));
  for (const auto& summary : content.published_articles({}, {}, std::nullopt).articles)
    if (summary.slug == "offensive") EXPECT_TRUE(summary.coauthors.empty());
}

TYPED_TEST_P(ContentStoreContract, ReadersNeverSeeDraftsOrArticlesDatedInTheFuture) {
  auto draft = article_draft("brouillon", "Brouillon");
  draft.status = content::ArticleStatus::draft;
  auto saved_draft = this->save(draft);
  EXPECT_FALSE(saved_draft.after.visible);
  auto future = this->save(article_draft("demain", "Demain", kFarFuture));
  EXPECT_FALSE(future.after.visible);

  auto& content = this->backend().content();
  EXPECT_FALSE(content.find_published_article("monde", "brouillon").has_value());
  EXPECT_FALSE(content.find_published_article("monde", "demain").has_value());
  EXPECT_TRUE(content.published_articles({}, {}, std::nullopt).articles.empty());
}

TYPED_TEST_P(ContentStoreContract, AccentsAndEmojiComeBackByteForByte) {
  auto draft = article_draft("noel", kFrenchTitle);
  draft.section = {"societe", "Société"};
  draft.author = {"zoe", "Zoé Ødegård 📰"};
  draft.tags = {{"fetes", "Fêtes 🎉"}};
  draft.body_html = "<p>Crème brûlée, « œuvre » 👩‍🍳</p>";
  this->save(draft);
  auto article = this->backend().content().find_published_article("societe", "noel");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->summary.title, kFrenchTitle);
  EXPECT_EQ(article->summary.section.name, "Société");
  EXPECT_EQ(article->summary.author.name, "Zoé Ødegård 📰");
  EXPECT_EQ(article->tags.at(0).name, "Fêtes 🎉");
  EXPECT_EQ(article->body_html, "<p>Crème brûlée, « œuvre » 👩‍🍳</p>");
}

TYPED_TEST_P(ContentStoreContract, SettingsStartAtTheDefaultsAndKeepWhatWasSaved) {
  auto& content = this->backend().content();
  content::SiteSettings settings;
  EXPECT_EQ(content.settings().title, settings.title);
  EXPECT_TRUE(content.settings().publisher.policy(content::Policy::ethics).empty());
  settings.title = "La Gazette de l’Est ✨";
  settings.publisher.name = "Société éditrice de l’Est";
  settings.publisher.address = "1 rue de la Paix\n67000 Strasbourg";
  settings.publisher.policy(content::Policy::corrections) = "Nous corrigeons **vite**.";
  settings.language = "en";
  settings.url = "https://www.example.fr";
  settings.feed_content = content::FeedContent::full;
  this->committed([&](store::WriteTransaction& write) { content.save_settings(write, settings); });
  auto read = this->backend().another_process()->content().settings();
  EXPECT_EQ(read.title, "La Gazette de l’Est ✨");
  EXPECT_EQ(read.language, "en");
  EXPECT_EQ(read.url, "https://www.example.fr");
  EXPECT_EQ(read.feed_content, content::FeedContent::full);
  EXPECT_EQ(read.publisher.name, "Société éditrice de l’Est");
  EXPECT_EQ(read.publisher.address, "1 rue de la Paix\n67000 Strasbourg");
  EXPECT_EQ(read.publisher.policy(content::Policy::corrections), "Nous corrigeons **vite**.");
  EXPECT_TRUE(read.publisher.policy(content::Policy::masthead).empty());
}

TYPED_TEST_P(ContentStoreContract, AnArticleImageIsKeptWithItsVariantsAndServedAsStored) {
  auto draft = article_draft("photo", "Photo");
  draft.image = image("abc-photo.jpg", "abc", 1600, "original");
  draft.image_variants = {image("abc-photo-800.jpg", "abc800", 800, "moyenne"),
                          image("abc-photo-400.jpg", "abc400", 400, "petite")};
  draft.image_alt = "Une rue de Damas";
  draft.pinned = true;
  this->save(draft);
  auto& content = this->backend().content();
  auto article = content.find_published_article("monde", "photo");
  ASSERT_TRUE(article && article->summary.image);
  EXPECT_EQ(article->summary.image->name, "abc-photo.jpg");
  EXPECT_EQ(article->summary.image_alt, "Une rue de Damas");
  ASSERT_EQ(article->summary.image->variants.size(), 2u);  // narrowest first
  EXPECT_EQ(article->summary.image->variants[0].width, 400);
  EXPECT_EQ(article->summary.image->variants[1].width, 800);
  auto file = content.find_media("abc-photo-400.jpg");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->bytes, image("", "", 0, "petite").bytes);
  EXPECT_EQ(content.pinned_articles(5).size(), 1u);
  EXPECT_FALSE(content.find_media("absente.jpg").has_value());
}

TYPED_TEST_P(ContentStoreContract, AWriteRolledBackLeavesNothing) {
  {
    auto write = this->backend().database().begin_write();
    this->backend().content().save_article(*write, article_draft("annule", "Annulé"), kNow);
  }  // destroyed uncommitted
  EXPECT_FALSE(this->backend().content().find_published_article("monde", "annule").has_value());
  EXPECT_FALSE(this->backend().content().find_section("monde").has_value());
}

TYPED_TEST_P(ContentStoreContract, AReaderDuringAWriteSeesTheDatabaseAsItWasBefore) {
  this->save(article_draft("avant", "Avant"));
  auto reader = this->backend().another_process();
  auto write = this->backend().database().begin_write();
  this->backend().content().save_article(*write, article_draft("pendant", "Pendant"), kNow);
  // Readers, in this process or another, are neither blocked nor shown the uncommitted write.
  EXPECT_TRUE(this->backend().content().find_published_article("monde", "avant").has_value());
  EXPECT_FALSE(this->backend().content().find_published_article("monde", "pendant").has_value());
  EXPECT_FALSE(reader->content().find_published_article("monde", "pendant").has_value());
  write->commit();
  EXPECT_TRUE(reader->content().find_published_article("monde", "pendant").has_value());
}

TYPED_TEST_P(ContentStoreContract, TwoWritersSavingTheSameSlugCreateItOnce) {
  auto other = this->backend().another_process();
  content::SavedArticle here, there;
  std::thread first([&] {
    here = this->committed_in(this->backend(), [&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, article_draft("meme", "Ici"), kNow);
    });
  });
  std::thread second([&] {
    there = this->committed_in(*other, [&](store::WriteTransaction& write) {
      return other->content().save_article(write, article_draft("meme", "Là"), kNow);
    });
  });
  first.join();
  second.join();
  // The writes ran one after the other: one created the article, the other updated it.
  EXPECT_EQ(here.id, there.id);
  EXPECT_NE(here.created, there.created);
  auto listed = this->backend().content().published_articles({}, {}, std::nullopt);
  EXPECT_EQ(listed.articles.size(), 1u);
}

TYPED_TEST_P(ContentStoreContract, ListingsKeepWithinPublicationAndUpdateDates) {
  for (int day = 1; day <= 3; ++day) {
    auto draft = article_draft("jour-" + std::to_string(day), "Jour " + std::to_string(day),
                               kNow + day * std::chrono::days(1));
    draft.updated_at = kNow + (10 - day) * std::chrono::days(1);  // the oldest updated last
    draft.tags = {{"syrie", "Syrie"}};
    this->save(draft);
  }
  auto& content = this->backend().content();
  auto within = [&](std::optional<int> from, std::optional<int> before, std::optional<int> since) {
    store::ArticleFilter filter{store::ArticleFilter::Kind::tag, "syrie"};
    auto day = [](int n) { return kNow + n * std::chrono::days(1); };
    if (from) filter.published_from = day(*from);
    if (before) filter.published_before = day(*before);
    if (since) filter.updated_since = day(*since);
    return this->titles(content.published_articles(filter, {}, std::nullopt));
  };
  EXPECT_EQ(within(2, {}, {}), (std::vector<std::string>{"Jour 3", "Jour 2"}));  // inclusive
  EXPECT_EQ(within({}, 2, {}), std::vector<std::string>{"Jour 1"});              // exclusive
  EXPECT_EQ(within(2, 3, {}), std::vector<std::string>{"Jour 2"});
  EXPECT_EQ(within({}, {}, 8), (std::vector<std::string>{"Jour 2", "Jour 1"}));
  EXPECT_EQ(within(2, {}, 8), std::vector<std::string>{"Jour 2"});
  EXPECT_TRUE(within({}, {}, 100).empty());
}

TYPED_TEST_P(ContentStoreContract, PublishedTagsAndAuthorsLeaveOutThoseOfDraftsOnly) {
  auto published = article_draft("public", "Public");
  published.tags = {{"syrie", "Syrie"}};
  this->save(published);
  auto draft = article_draft("brouillon", "Brouillon");
  draft.status = content::ArticleStatus::draft;
  draft.author = {"cachee", "Cachée"};
  draft.tags = {{"secret", "Secret"}, {"syrie", "Syrie"}};
  this->save(draft);
  auto future = article_draft("demain", "Demain", kFarFuture);
  future.author = {"futur", "Futur"};
  future.tags = {{"avenir", "Avenir"}};
  this->save(future);

  auto& content = this->backend().content();
  auto tags = content.published_tags();
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].slug, "syrie");
  EXPECT_EQ(tags[0].name, "Syrie");
  auto authors = content.published_authors();
  ASSERT_EQ(authors.size(), 1u);
  EXPECT_EQ(authors[0].slug, "sara-dupont");
  EXPECT_EQ(authors[0].name, "Sara Dupont");
}

REGISTER_TYPED_TEST_SUITE_P(
    ContentStoreContract, ANewArticleIsCreatedAndSaysWhereItAppears,
    SavingTheSameSlugUpdatesTheArticleAndSaysWhereItWas, ListingsAreNewestFirstAPageAtATime,
    ArticlesPublishedAtTheSameMomentKeepAStableOrder, ListingsFilterBySectionTagAuthorAndCategory,
    CoAuthorsSignInOrderAndListTheArticleOnTheirPages,
    ReadersNeverSeeDraftsOrArticlesDatedInTheFuture, AccentsAndEmojiComeBackByteForByte,
    SettingsStartAtTheDefaultsAndKeepWhatWasSaved,
    AnArticleImageIsKeptWithItsVariantsAndServedAsStored, AWriteRolledBackLeavesNothing,
    AReaderDuringAWriteSeesTheDatabaseAsItWasBefore, TwoWritersSavingTheSameSlugCreateItOnce,
    ListingsKeepWithinPublicationAndUpdateDates, PublishedTagsAndAuthorsLeaveOutThoseOfDraftsOnly);

}  // namespace gazette::contract
