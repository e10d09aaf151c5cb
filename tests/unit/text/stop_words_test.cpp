// Stop words: French and English function words, as folded words, and words too short to say
// what a text is about.
#include "text/stop_words.h"

#include <gtest/gtest.h>

#include "text/words.h"

namespace gazette::text {
namespace {

TEST(StopWords, FrenchAndEnglishFunctionWords) {
  for (const char* word : {"dans", "avec", "pour", "etait", "apres", "the", "which", "would"})
    EXPECT_TRUE(is_stop_word(word)) << word;
  for (const char* word : {"damas", "syrie", "offensive", "election", "gouvernement", "the2"})
    EXPECT_FALSE(is_stop_word(word)) << word;
}

TEST(StopWords, AreFoldedWords) {
  EXPECT_FALSE(is_stop_word("était"));
  EXPECT_TRUE(is_stop_word(fold_word("Était")));
  EXPECT_TRUE(is_stop_word(fold_word("Après")));
}

TEST(StopWords, SubjectWordsAreLongEnoughAndNoStopWord) {
  EXPECT_FALSE(is_subject_word("la"));
  EXPECT_FALSE(is_subject_word("de"));
  EXPECT_FALSE(is_subject_word("les"));
  EXPECT_FALSE(is_subject_word(""));
  EXPECT_TRUE(is_subject_word("syrie"));
  EXPECT_TRUE(is_subject_word("onu"));
}

}  // namespace
}  // namespace gazette::text
