// A word's index terms: its French stem, and its English stem beside it when that differs.
#include "text/index_stemmer.h"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(IndexStemmer, FrenchStemFirstEnglishStemWhenItDiffers) {
  Stemmer french(StemLanguage::french), english(StemLanguage::english);
  IndexStemmer index;
  int with_two_terms = 0, with_one_term = 0;
  for (const char* word : {"offensives", "running", "damas", "gouvernement", "etat", "syrie",
                           "elections", "the", "de"}) {
    auto expected_french = french.stem(word), expected_english = english.stem(word);
    auto terms = index.terms(word);
    ASSERT_FALSE(terms.empty()) << word;
    EXPECT_EQ(terms[0], expected_french) << word;
    if (expected_english == expected_french) {
      EXPECT_EQ(terms.size(), 1u) << word;
      ++with_one_term;
    } else {
      EXPECT_EQ(terms, (std::vector<std::string>{expected_french, expected_english})) << word;
      ++with_two_terms;
    }
  }
  // The list holds both kinds, or the test proves half of the rule.
  EXPECT_GT(with_one_term, 0);
  EXPECT_GT(with_two_terms, 0);
}

TEST(IndexStemmer, InflectionsShareTheirTerms) {
  IndexStemmer index;
  EXPECT_EQ(index.terms("offensives"), index.terms("offensive"));
  EXPECT_EQ(index.terms("elections"), index.terms("election"));
  EXPECT_NE(index.terms("damas"), index.terms("homs"));
}

TEST(IndexStemmer, TheEnglishStemIsColocatedAndEmitCanStop) {
  IndexStemmer index;
  std::vector<bool> colocated;
  EXPECT_TRUE(index.stems("running", [&](const std::string&, bool alternative) {
    colocated.push_back(alternative);
    return true;
  }));
  EXPECT_EQ(colocated, (std::vector<bool>{false, true}));
  int emitted = 0;
  EXPECT_FALSE(index.stems("running", [&](const std::string&, bool) {
    ++emitted;
    return false;
  }));
  EXPECT_EQ(emitted, 1);
}

}  // namespace
}  // namespace gazette::text
