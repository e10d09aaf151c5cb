// Reading readers' queries: phrases from quotes, no syntax passed through, any bytes accepted.
#include "discovery/search_query.h"

#include <gtest/gtest.h>

namespace gazette::discovery {
namespace {

using Phrases = std::vector<std::vector<std::string>>;

TEST(SearchQuery, WordsAreFoldedAndEachMustMatch) {
  EXPECT_EQ(parse_search_query("État  Syrie").phrases, (Phrases{{"etat"}, {"syrie"}}));
}

TEST(SearchQuery, QuotesMakePhrasesFrenchOnesToo) {
  EXPECT_EQ(parse_search_query("\"forces gouvernementales\" homs").phrases,
            (Phrases{{"forces", "gouvernementales"}, {"homs"}}));
  EXPECT_EQ(parse_search_query("« état des lieux »").phrases, (Phrases{{"etat", "des", "lieux"}}));
}

TEST(SearchQuery, AnUnbalancedQuoteIsIgnored) {
  EXPECT_EQ(parse_search_query("\"damas homs").phrases, (Phrases{{"damas"}, {"homs"}}));
  EXPECT_EQ(parse_search_query("alep \"damas homs").phrases,
            (Phrases{{"alep"}, {"damas"}, {"homs"}}));
}

TEST(SearchQuery, JoinedWordsAreAPhrase) {
  EXPECT_EQ(parse_search_query("l’État Saint-Lucien").phrases,
            (Phrases{{"l", "etat"}, {"saint", "lucien"}}));
}

TEST(SearchQuery, OperatorsAndColumnFiltersAreNotSyntax) {
  EXPECT_EQ(parse_search_query("damas AND homs OR NOT NEAR(alep idlib)").phrases,
            (Phrases{{"damas"}, {"homs"}, {"alep"}, {"idlib"}}));
  EXPECT_EQ(parse_search_query("title:damas dam* ^homs -alep").phrases,
            (Phrases{{"title"}, {"damas"}, {"dam"}, {"homs"}, {"alep"}}));
  EXPECT_TRUE(parse_search_query("* ( ) \" : ^ -").phrases.empty());
}

// Found by fuzz/search_query: a run of combining marks alone folded to an empty "word", so a
// query of nothing searchable was searched (and an empty term reached the index).
TEST(SearchQuery, CombiningMarksAloneAreNoWord) {
  EXPECT_TRUE(parse_search_query("\u0613").phrases.empty());
  EXPECT_EQ(parse_search_query("damas \u0301\u0613 homs").phrases, (Phrases{{"damas"}, {"homs"}}));
}

TEST(SearchQuery, LongQueriesAreCut) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "mot" + std::to_string(i) + " ";
  auto query = parse_search_query(text);
  EXPECT_EQ(query.phrases.size(), kMaxPhrases);
  EXPECT_LE(query.display.size(), kMaxQueryBytes);
}

TEST(SearchQuery, DisplayIsPrintableUtf8) {
  auto query = parse_search_query(std::string("  da\0mas\x01 \xFF ok  ", 17));
  EXPECT_EQ(query.display, "damas \xEF\xBF\xBD ok");
  EXPECT_EQ(query.phrases, (Phrases{{"da"}, {"mas"}, {"ok"}}));
}

}  // namespace
}  // namespace gazette::discovery
