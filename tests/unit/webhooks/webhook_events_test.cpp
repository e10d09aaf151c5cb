// Which domain events webhooks are told of, and what their deliveries say.
#include "webhooks/webhook_events.h"

#include <gtest/gtest.h>

namespace gazette::webhooks {
namespace {

content::ArticlePlacement placement(bool visible) {
  return {.section_slug = "actualite", .slug = "offensive", .visible = visible};
}

std::vector<std::string> names(const content::Event& event) {
  std::vector<std::string> found;
  for (const auto& occurrence : occurrences_of(event)) found.push_back(occurrence.event);
  return found;
}

using Names = std::vector<std::string>;

TEST(WebhookEvents, AnArticleIsPublishedUpdatedAndUnpublishedAsReadersSeeIt) {
  content::ArticleId id{7};
  EXPECT_EQ(names(content::ArticleChanged{id, std::nullopt, placement(true)}),
            Names{"article.published"});
  EXPECT_EQ(names(content::ArticleChanged{id, placement(false), placement(true)}),
            Names{"article.published"});
  EXPECT_EQ(names(content::ArticleChanged{id, placement(true), placement(true)}),
            Names{"article.updated"});
  EXPECT_EQ(names(content::ArticleChanged{id, placement(true), placement(false)}),
            Names{"article.unpublished"});
  EXPECT_EQ(names(content::ArticleChanged{id, placement(true), std::nullopt}),
            Names{"article.unpublished"});
  // A draft saved, a draft deleted: readers saw nothing, nobody is told.
  EXPECT_TRUE(names(content::ArticleChanged{id, placement(false), placement(false)}).empty());
  EXPECT_TRUE(names(content::ArticleChanged{id, std::nullopt, placement(false)}).empty());

  auto published = occurrences_of(content::ArticleChanged{id, std::nullopt, placement(true)});
  EXPECT_EQ(published[0].data["article"]["id"], 7);
  EXPECT_EQ(published[0].data["article"]["path"], "/actualite/offensive/");
  EXPECT_EQ(published[0].data["article"]["api"], "/api/v1/articles/actualite/offensive");
}

TEST(WebhookEvents, EachApprovedCommentAndEachPostedLiveEntryIsOneEvent) {
  content::CommentChanged comments{content::ArticleId{7}, "actualite", "offensive",
                                   {content::CommentId{3}, content::CommentId{4}}};
  auto approved = occurrences_of(comments);
  ASSERT_EQ(approved.size(), 2u);
  EXPECT_EQ(approved[0].event, "comment.approved");
  EXPECT_EQ(approved[1].data["comment"]["id"], 4);
  EXPECT_EQ(approved[1].data["article"]["path"], "/actualite/offensive/");
  // A comment hidden or deleted approves nothing.
  EXPECT_TRUE(
      names(content::CommentChanged{content::ArticleId{7}, "actualite", "offensive"}).empty());

  content::LiveChanged posted{content::LiveChanged::Kind::posted, content::ArticleId{7}, 12,
                              "actualite", "offensive"};
  auto entry = occurrences_of(posted);
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0].event, "live.entry_posted");
  EXPECT_EQ(entry[0].data["entry"]["id"], 12);
  for (auto kind : {content::LiveChanged::Kind::edited, content::LiveChanged::Kind::deleted,
                    content::LiveChanged::Kind::started, content::LiveChanged::Kind::ended}) {
    posted.kind = kind;
    EXPECT_TRUE(names(posted).empty());
  }
  EXPECT_TRUE(names(content::SettingsChanged{}).empty());
  for (auto name : kEventNames) EXPECT_TRUE(is_event_name(name));
  EXPECT_FALSE(is_event_name("article.deleted"));
}

}  // namespace
}  // namespace gazette::webhooks
