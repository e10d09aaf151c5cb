// Words as search sees them: split and folded the same way for texts and queries.
#include "text/words.h"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](const Word& word) {
    words.push_back(word.folded);
    return true;
  });
  return words;
}

TEST(Words, FoldCaseAccentsAndLigatures) {
  EXPECT_EQ(folded_words("État ÉTAT etat"), (std::vector<std::string>{"etat", "etat", "etat"}));
  EXPECT_EQ(folded_words("Œuvre cœur Ægée"),
            (std::vector<std::string>{"oeuvre", "coeur", "aegee"}));
  EXPECT_EQ(folded_words("Straße"), (std::vector<std::string>{"strasse"}));
  // A decomposed é (e + U+0301) is the same word as a composed one.
  EXPECT_EQ(folded_words("e\xCC\x81tat"), (std::vector<std::string>{"etat"}));
}

TEST(Words, SplitAtApostrophesHyphensAndPunctuation) {
  EXPECT_EQ(folded_words("l’État, Saint-Lucien (2024) : aujourd'hui !"),
            (std::vector<std::string>{"l", "etat", "saint", "lucien", "2024", "aujourd", "hui"}));
}

TEST(Words, GiveByteOffsetsIntoTheOriginalText) {
  std::string text = "« Élysée »";
  std::vector<std::string> originals;
  for_each_word(text, [&](const Word& word) {
    originals.push_back(text.substr(word.begin, word.end - word.begin));
    return true;
  });
  EXPECT_EQ(originals, std::vector<std::string>{"Élysée"});
}

TEST(Words, TreatAnyBytesAsSeparatorsSafely) {
  EXPECT_EQ(folded_words(std::string("da\0mas\x01homs\xFF\xFEidlib", 19)),
            (std::vector<std::string>{"da", "mas", "homs", "idlib"}));
  EXPECT_TRUE(folded_words("\xE2\x80").empty());
  EXPECT_TRUE(folded_words(std::string(kMaxWordBytes + 1, 'a')).empty());
}

// Highlighting finds words by their spans alone; they must be the words of for_each_word, or
// the marks of a snippet land on the wrong words.
TEST(Words, SpansAreThoseOfTheWords) {
  std::string text = "L’État, " + std::string(kMaxWordBytes + 1, 'z') +
                     " \xCC\x81 Œuvre e\xCC\x81tat \xE2\x80 fin";
  std::vector<std::pair<std::size_t, std::size_t>> words, spans;
  for_each_word(text, [&](const Word& word) {
    words.emplace_back(word.begin, word.end);
    return true;
  });
  for_each_word_span(text, [&](std::size_t begin, std::size_t end) {
    spans.emplace_back(begin, end);
    return true;
  });
  EXPECT_EQ(spans, words);
  EXPECT_EQ(words.size(), 5u);  // l, etat, oeuvre, etat, fin
}

}  // namespace
}  // namespace gazette::text
