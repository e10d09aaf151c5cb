// Snowball stemming: a word's inflections share a stem, in the site's language.
#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(Stemmer, FrenchInflectionsShareAStem) {
  Stemmer french(StemLanguage::french);
  EXPECT_EQ(french.stem("offensives"), french.stem("offensive"));
  EXPECT_EQ(french.stem("gouvernementales"), french.stem("gouvernemental"));
  EXPECT_EQ(french.stem("etats"), french.stem("etat"));
  EXPECT_NE(french.stem("damas"), french.stem("homs"));
}

TEST(Stemmer, EnglishIsChosenByTheSiteLanguage) {
  EXPECT_EQ(stem_language_for("en"), StemLanguage::english);
  EXPECT_EQ(stem_language_for("fr"), StemLanguage::french);
  Stemmer english(StemLanguage::english);
  EXPECT_EQ(english.stem("running"), english.stem("runs"));
}

}  // namespace
}  // namespace gazette::text
