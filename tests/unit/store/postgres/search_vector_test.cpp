// The PostgreSQL index's terms and snippets, made without a server: a document's tsvector holds
// each word folded under its stems at one position, weighted by part; a query's tsquery quotes
// every term and joins a phrase's words with <->; a reader's text never becomes syntax.
#include "store/postgres/search_vector.h"

#include <gtest/gtest.h>

#include "store/postgres/search_snippet.h"

namespace gazette::store::postgres {
namespace {

TEST(SearchVector, WordsAreFoldedStemmedAndWeightedByPart) {
  text::IndexStemmer stemmer;
  SearchDocument document;
  document.title = "État";
  document.keywords = "Syrie";
  document.lead = "";
  document.body = "états";
  auto vector = document_vector(stemmer, document);
  EXPECT_EQ(vector.length, 3);
  // « État » (title, position 1) and « états » (body, after the gaps between parts) share a stem.
  EXPECT_NE(vector.literal.find("'etat':1A,"), std::string::npos) << vector.literal;
  EXPECT_NE(vector.literal.find("D"), std::string::npos) << vector.literal;
  EXPECT_NE(vector.literal.find(":3B"), std::string::npos) << vector.literal;
}

TEST(SearchVector, AQueryQuotesEveryTermAndKeepsPhrasesInOrder) {
  text::IndexStemmer stemmer;
  auto query = query_terms(stemmer, {{"Tour", "de", "France"}, {"Noël"}});
  EXPECT_EQ(query.literal.find('&') != std::string::npos, true);
  EXPECT_NE(query.literal.find("<->"), std::string::npos) << query.literal;
  EXPECT_NE(query.literal.find("'noel'"), std::string::npos) << query.literal;
  ASSERT_EQ(query.groups.size(), 2u);
  EXPECT_EQ(query.groups[0].size(), 3u);
  // Syntax is no word: nothing to find.
  EXPECT_TRUE(query_terms(stemmer, {{"\"", "&", "!", "*"}, {}}).literal.empty());
  EXPECT_EQ(quoted_lexeme("l'or\\"), "'l\\'or\\\\'");
}

TEST(SearchSnippet, MarksTheMatchedWordsAroundTheFirstMatch) {
  text::IndexStemmer stemmer;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "mot" + std::to_string(i) + " ";
  text += "les Offensives reprennent";
  auto snippet = search_snippet(stemmer, text, {{stemmer.terms("offensive")}});
  EXPECT_TRUE(snippet.matched);
  std::string marked = std::string(1, kMatchBegin) + "Offensives" + kMatchEnd;
  EXPECT_NE(snippet.text.find(marked), std::string::npos) << snippet.text;
  EXPECT_EQ(snippet.text.rfind("…", 0), 0u);  // it starts inside the text
  EXPECT_FALSE(search_snippet(stemmer, "rien ici", {{stemmer.terms("offensive")}}).matched);
}

TEST(SearchSnippet, MarksAPhraseAsOneAndNotItsWordsAlone) {
  text::IndexStemmer stemmer;
  auto snippet = search_snippet(
      stemmer, "Les forces gouvernementales reculent ; les forces de sécurité aussi.",
      {{stemmer.terms("forces"), stemmer.terms("gouvernementales")}});
  EXPECT_EQ(snippet.text, std::string("Les ") + kMatchBegin + "forces gouvernementales" +
                              kMatchEnd + " reculent ; les forces de sécurité aussi.");
}

TEST(SearchSnippet, StartsAtTheSentenceOfAMatchRatherThanAtAMatchThatStartsOne) {
  // As FTS5's snippet(): the heading's match starts its sentence, the later one is inside its
  // sentence, whose window gets the bonus.
  text::IndexStemmer stemmer;
  std::string text = "Premier paragraphe sans rien.\nOffensive au nord\n";
  for (int i = 0; i < 30; ++i) text += "mot" + std::to_string(i) + " ";
  text += ". Les rebelles ont lancé leur offensive hier soir.";
  auto snippet = search_snippet(stemmer, text, {{stemmer.terms("offensive")}});
  EXPECT_EQ(
      snippet.text.rfind(
          std::string("…Les rebelles ont lancé leur ") + kMatchBegin + "offensive" + kMatchEnd, 0),
      0u)
      << snippet.text;
}

}  // namespace
}  // namespace gazette::store::postgres
