// Events as change-log text: each kind comes back as it was written, Unicode included, and an
// entry this version cannot read stands for "every page may have changed", never an error.
#include "content/event_codec.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

ArticlePlacement placement(std::string slug, bool visible) {
  return {"actualite", std::move(slug), "sara", {"karim"}, {"monde", "proche-orient"}, {"syrie"},
          visible};
}

TEST(EventCodec, EveryEventComesBackAsItWasWritten) {
  const Event events[] = {
      ArticleChanged{ArticleId{12}, std::nullopt, placement("damas", true)},
      ArticleChanged{ArticleId{12}, placement("damas", true), placement("alep", false)},
      ArticleChanged{ArticleId{12}, placement("damas", false), std::nullopt},
      SettingsChanged{},
      TermChanged{TermChanged::Kind::tag, "syrie", {ArticleId{1}, ArticleId{2}}},
      TermChanged{TermChanged::Kind::author, "élodie-ça"},
      CommentChanged{ArticleId{7}, "actualite", "damas"},
      RelatedChanged{{ArticleId{3}, ArticleId{4}, ArticleId{5}}},
      LiveChanged{LiveChanged::Kind::posted, ArticleId{9}, 41, "monde", "offensive-en-cours"},
      LiveChanged{LiveChanged::Kind::ended, ArticleId{9}, 0, "monde", "offensive-en-cours"},
  };
  for (const auto& event : events) {
    auto text = encode_event(event);
    EXPECT_EQ(text.find('\n'), std::string::npos) << text;
    auto decoded = decode_event(text);
    EXPECT_EQ(decoded.index(), event.index()) << text;
    EXPECT_EQ(encode_event(decoded), text);
  }
}

TEST(EventCodec, AnArticleChangeKeepsBothPlacements) {
  auto decoded = decode_event(encode_event(
      ArticleChanged{ArticleId{12}, placement("damas", true), placement("alep", false)}));
  const auto& changed = std::get<ArticleChanged>(decoded);
  EXPECT_EQ(changed.id, ArticleId{12});
  ASSERT_TRUE(changed.before && changed.after);
  EXPECT_EQ(changed.before->slug, "damas");
  EXPECT_TRUE(changed.before->visible);
  EXPECT_EQ(changed.after->slug, "alep");
  EXPECT_FALSE(changed.after->visible);
  EXPECT_EQ(changed.after->category_slugs, (std::vector<std::string>{"monde", "proche-orient"}));
  EXPECT_EQ(changed.after->tag_slugs, (std::vector<std::string>{"syrie"}));
  EXPECT_EQ(changed.after->coauthor_slugs, std::vector<std::string>{"karim"});
}

TEST(EventCodec, AChangeWrittenBeforeCoBylinesHasNoCoAuthors) {
  // As a process of the previous version wrote it in the change log.
  auto decoded = decode_event(
      R"({"event":"article_changed","id":12,"before":null,"after":{"section":"actualite",)"
      R"("slug":"damas","author":"sara","categories":[],"tags":[],"visible":true}})");
  ASSERT_TRUE(std::holds_alternative<ArticleChanged>(decoded));
  const auto& after = std::get<ArticleChanged>(decoded).after;
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->author_slug, "sara");
  EXPECT_TRUE(after->coauthor_slugs.empty());
}

TEST(EventCodec, WhatItCannotReadMeansEveryPageMayHaveChanged) {
  for (std::string_view text :
       {"", "*", "article:12 list:home", "{", "[]", "null", "{}", R"({"event":"tea_changed"})",
        R"({"event":"article_changed","id":"douze","before":null,"after":null})",
        R"({"event":"term_changed","kind":"planet","slug":"mars","detached":[]})",
        R"({"event":"related_changed","articles":[1,"x"]})", "\xff\xfe"}) {
    EXPECT_TRUE(std::holds_alternative<SettingsChanged>(decode_event(text))) << text;
  }
}

}  // namespace
}  // namespace gazette::content
