// The contract of store::DiscoveryStore: the search index takes documents and finds every
// phrase (case and accents folded, title above body, the newer first among equals), knows what
// it is behind on, keeps related lists, and answers feeds and sitemaps a page at a time.
#pragma once

#include <set>

#include "contract_support.h"
#include "text/index_stemmer.h"

namespace gazette::contract {

inline constexpr int kContractAnalyzer = 1;

template <class BackendType>
class DiscoveryStoreContract : public ContractTest<BackendType> {
 protected:
  content::ArticleId publish(const std::string& slug, const std::string& title,
                             content::Timestamp when = kNow) {
    auto draft = article_draft(slug, title, when);
    draft.tags = {{"syrie", "Syrie"}};
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, draft, kNow).id;
    });
  }
  /// Indexes `id` with these parts, as discovery's indexer would.
  void index(content::ArticleId id, const std::string& title, const std::string& body,
             content::Timestamp updated_at = kNow) {
    store::SearchDocument document{.id = id,
                                   .updated_at = updated_at,
                                   .title = title,
                                   .lead = "",
                                   .body = body,
                                   .keywords = "Syrie Monde"};
    this->committed([&](store::WriteTransaction& write) {
      this->backend().discovery().write_search_documents(write, {document}, {}, kContractAnalyzer);
    });
  }
  /// Indexes `id` with a lead as well.
  void index_with_lead(content::ArticleId id, const std::string& title, const std::string& lead,
                       const std::string& body) {
    store::SearchDocument document{.id = id,
                                   .updated_at = kNow,
                                   .title = title,
                                   .lead = lead,
                                   .body = body,
                                   .keywords = "Monde"};
    this->committed([&](store::WriteTransaction& write) {
      this->backend().discovery().write_search_documents(write, {document}, {}, kContractAnalyzer);
    });
  }
  std::vector<std::int64_t> found(std::vector<std::vector<std::string>> phrases,
                                  store::PageRequest page = {}) {
    std::vector<std::int64_t> ids;
    for (const auto& hit : this->backend().discovery().search({std::move(phrases), page}).hits)
      ids.push_back(hit.article.id.value);
    return ids;
  }
};
TYPED_TEST_SUITE_P(DiscoveryStoreContract);

TYPED_TEST_P(DiscoveryStoreContract, SearchFoldsCaseAndAccentsAndRanksTitlesFirst) {
  auto in_body = this->publish("corps", "Marché de Noël", kNow + kMinute);
  auto in_title = this->publish("titre", "Noël à Damas", kNow);
  this->index(in_body, "Marché de Noël", "Les chalets ouvrent à Damas");
  this->index(in_title, "Noël à DAMAS", "Une fête sous les bombes");
  for (int i = 0; i < 4; ++i) {  // a corpus where "damas" is a rare word
    auto other = this->publish("autre-" + std::to_string(i), "Autre");
    this->index(other, "Élections à Lyon", "Les bureaux de vote ferment à vingt heures");
  }
  EXPECT_EQ(this->found({{"damas"}}), (std::vector<std::int64_t>{in_title.value, in_body.value}));
  EXPECT_EQ(this->found({{"noel"}, {"marche"}}), std::vector<std::int64_t>{in_body.value});
  EXPECT_TRUE(this->found({{"alep"}}).empty());

  auto results = this->backend().discovery().search({{{"damas"}}, {}});
  EXPECT_EQ(results.total, 2);
  ASSERT_EQ(results.hits.size(), 2u);
  EXPECT_EQ(results.hits[0].article.title, "Noël à Damas");
  // The snippet comes from the body, the matched word between the marks.
  std::string marked = std::string(1, store::kMatchBegin) + "Damas" + store::kMatchEnd;
  EXPECT_NE(results.hits[1].snippet.find(marked), std::string::npos) << results.hits[1].snippet;
}

TYPED_TEST_P(DiscoveryStoreContract, APhraseMatchesItsWordsInOrderOnly) {
  auto id = this->publish("tour", "Tour de France");
  this->index(id, "Tour de France", "Le peloton arrive à Paris");
  EXPECT_EQ(this->found({{"tour", "de", "france"}}), std::vector<std::int64_t>{id.value});
  EXPECT_TRUE(this->found({{"france", "de", "tour"}}).empty());
  EXPECT_TRUE(this->found({{"\"", "or", "*"}}).empty());  // words, never query syntax
}

TYPED_TEST_P(DiscoveryStoreContract, EqualMatchesComeNewestFirstAPageAtATime) {
  std::vector<std::int64_t> newest_first;
  for (int i = 1; i <= 5; ++i) {
    auto id = this->publish("crise-" + std::to_string(i), "Crise", kNow + i * kMinute);
    this->index(id, "Crise", "Crise");
    newest_first.insert(newest_first.begin(), id.value);
  }
  EXPECT_EQ(this->found({{"crise"}}, {.offset = 0, .limit = 2}),
            (std::vector<std::int64_t>{newest_first[0], newest_first[1]}));
  EXPECT_EQ(this->found({{"crise"}}, {.offset = 4, .limit = 2}),
            std::vector<std::int64_t>{newest_first[4]});
  EXPECT_EQ(this->backend().discovery().search({{{"crise"}}, {.offset = 0, .limit = 2}}).total, 5);
}

TYPED_TEST_P(DiscoveryStoreContract, TheIndexKnowsWhatItIsBehindOn) {
  auto& discovery = this->backend().discovery();
  auto indexed = this->publish("indexe", "Indexé");
  auto waiting = this->publish("en-attente", "En attente");
  auto sources = discovery.index_sources({indexed, waiting});
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].keywords.empty(), false);
  this->index(indexed, "Indexé", "Texte");
  EXPECT_EQ(discovery.indexed_documents(), 1);
  auto backlog = discovery.search_backlog(kContractAnalyzer);
  EXPECT_EQ(backlog.outdated, std::vector<content::ArticleId>{waiting});
  EXPECT_TRUE(backlog.removed.empty());
  // Another analyzer means every document is outdated.
  EXPECT_EQ(discovery.search_backlog(kContractAnalyzer + 1).outdated.size(), 2u);

  auto document = discovery.search_document(indexed);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ(document->title, "Indexé");
  this->committed([&](store::WriteTransaction& write) {
    discovery.write_search_documents(write, {}, {indexed}, kContractAnalyzer);
  });
  EXPECT_FALSE(discovery.search_document(indexed).has_value());
  EXPECT_EQ(discovery.articles_with_term(content::TermChanged::Kind::tag, "syrie").size(), 2u);
}

TYPED_TEST_P(DiscoveryStoreContract, RelatedListsAreKeptBestFirstAndVisibleOnly) {
  auto& discovery = this->backend().discovery();
  auto a = this->publish("a", "A");
  auto b = this->publish("b", "B");
  auto c = this->publish("c", "C");
  auto hidden = this->publish("futur", "Futur", kFarFuture);
  for (auto id : {a, b, c, hidden}) this->index(id, "Syrie", "Damas");
  EXPECT_EQ(discovery.articles_without_related(10).size(), 4u);
  this->committed([&](store::WriteTransaction& write) {
    discovery.save_related(write, {{a, {{hidden, 0.9}, {c, 0.8}, {b, 0.5}}}});
  });
  std::vector<std::string> titles;
  for (const auto& summary : discovery.related_articles(a, 10)) titles.push_back(summary.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"C", "B"}));
  EXPECT_EQ(discovery.articles_listing(c, 10), std::vector<content::ArticleId>{a});
  EXPECT_EQ(discovery.articles_without_related(10).size(), 3u);
}

TYPED_TEST_P(DiscoveryStoreContract, SitemapsAndFeedsReadVisibleArticlesOnly) {
  auto& discovery = this->backend().discovery();
  auto first = this->publish("premier", "Premier", kNow);
  this->publish("second", "Second", kNow + kMinute);
  this->publish("futur", "Futur", kFarFuture);
  EXPECT_EQ(discovery.sitemap_article_count(), 2);
  auto page = discovery.sitemap_articles({.offset = 0, .limit = 1});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].slug, "premier");  // oldest first
  EXPECT_EQ(discovery.sitemap_articles({.offset = 1, .limit = 5}).size(), 1u);
  auto recent = discovery.articles_published_since(kNow + kMinute, 10);
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0].slug, "second");
  auto details = discovery.feed_details({first});
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(details[0].body_html, "<p>Corps de Premier</p>");
  ASSERT_EQ(details[0].tags.size(), 1u);
  EXPECT_EQ(details[0].tags[0].slug, "syrie");
}

TYPED_TEST_P(DiscoveryStoreContract, AWordFindsItsFrenchAndEnglishInflections) {
  auto french = this->publish("offensive", "Offensive");
  auto english = this->publish("markets", "Markets");
  this->index(french, "L'offensive reprend", "Les offensives se succèdent au nord");
  this->index(english, "Markets rallied", "Shares were rallying in Asia");
  EXPECT_EQ(this->found({{"offensif"}}), std::vector<std::int64_t>{french.value});
  EXPECT_EQ(this->found({{"OFFENSIVES"}}), std::vector<std::int64_t>{french.value});
  EXPECT_EQ(this->found({{"rally"}}), std::vector<std::int64_t>{english.value});
  EXPECT_EQ(this->found({{"market"}}), std::vector<std::int64_t>{english.value});
  // A phrase of inflected words, in order.
  EXPECT_EQ(this->found({{"offensive", "reprennent"}}), std::vector<std::int64_t>{});
  EXPECT_EQ(this->found({{"l", "offensives", "reprend"}}), std::vector<std::int64_t>{french.value});
}

TYPED_TEST_P(DiscoveryStoreContract, TheLeadWeighsMoreThanTheBodyWhateverTheDate) {
  auto in_lead = this->publish("chapo", "Chapô", kNow);
  auto in_body = this->publish("corps", "Corps", kNow + kMinute);  // newer
  this->index_with_lead(in_lead, "Vendanges", "Alep sous la neige", "Un hiver rude");
  this->index_with_lead(in_body, "Vendanges", "Un hiver rude", "Alep sous la neige");
  for (int i = 0; i < 4; ++i) {  // "alep" is a rare word
    auto other = this->publish("autre-" + std::to_string(i), "Autre");
    this->index_with_lead(other, "Lyon", "Élections", "Les bureaux ferment");
  }
  EXPECT_EQ(this->found({{"alep"}}), (std::vector<std::int64_t>{in_lead.value, in_body.value}));
  // The lead's match is marked in its snippet when the body has none.
  auto results = this->backend().discovery().search({{{"alep"}}, {}});
  ASSERT_EQ(results.hits.size(), 2u);
  std::string marked = std::string(1, store::kMatchBegin) + "Alep" + store::kMatchEnd;
  EXPECT_NE(results.hits[0].snippet.find(marked), std::string::npos) << results.hits[0].snippet;
}

TYPED_TEST_P(DiscoveryStoreContract, RelatedCandidatesShareTheArticlesWords) {
  auto& discovery = this->backend().discovery();
  std::vector<content::ArticleId> syria;
  for (int i = 0; i < 3; ++i) {
    syria.push_back(this->publish("syrie-" + std::to_string(i), "Syrie"));
    this->index(syria.back(), "Offensive sur Damas",
                "Les rebelles syriens lancent une offensive vers Damas et Alep");
  }
  for (int i = 0; i < 5; ++i) {
    auto other = this->publish("lyon-" + std::to_string(i), "Lyon");
    this->index(other, "Élections à Lyon", "Les bureaux de vote ferment à vingt heures");
  }
  std::vector<std::string> words = {"damas", "offensive", "rebelles", "lyon"};
  auto candidates = discovery.related_candidates(syria[0], words, 3, 5);
  std::vector<content::ArticleId> ids;
  for (const auto& candidate : candidates) ids.push_back(candidate.id);
  ASSERT_EQ(ids.size(), 2u);  // the other Syria articles, never the article itself
  EXPECT_EQ(std::set<content::ArticleId>(ids.begin(), ids.end()),
            (std::set<content::ArticleId>{syria[1], syria[2]}));
  EXPECT_GT(candidates[0].content_score, 0);
  EXPECT_EQ(candidates[0].shared_words, 0b0111u);  // damas, offensive, rebelles
  EXPECT_EQ(candidates[0].shared_tags, 1);         // « Syrie »
  EXPECT_EQ(discovery.indexed_documents(), 8);
  text::IndexStemmer stemmer;
  auto frequencies = discovery.document_frequencies(stemmer.terms("damas"));
  ASSERT_FALSE(frequencies.empty());
  EXPECT_EQ(frequencies[0], 3);
}

REGISTER_TYPED_TEST_SUITE_P(DiscoveryStoreContract, SearchFoldsCaseAndAccentsAndRanksTitlesFirst,
                            APhraseMatchesItsWordsInOrderOnly,
                            EqualMatchesComeNewestFirstAPageAtATime, TheIndexKnowsWhatItIsBehindOn,
                            RelatedListsAreKeptBestFirstAndVisibleOnly,
                            SitemapsAndFeedsReadVisibleArticlesOnly,
                            AWordFindsItsFrenchAndEnglishInflections,
                            TheLeadWeighsMoreThanTheBodyWhateverTheDate,
                            RelatedCandidatesShareTheArticlesWords);

}  // namespace gazette::contract
