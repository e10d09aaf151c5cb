// Unit tests for publishing/article_workflow: the status and date each editor action ends with.
#include "publishing/article_workflow.h"

#include <gtest/gtest.h>

namespace gazette::publishing {
namespace {

using content::ArticleStatus;
using std::chrono::hours;

const content::Timestamp kNow{std::chrono::seconds(1'733'650'000)};

TEST(ArticleWorkflow, ReadsTheEditorsButtonsAndNothingElse) {
  EXPECT_EQ(parse_article_action(""), ArticleAction::save);
  EXPECT_EQ(parse_article_action("save"), ArticleAction::save);
  EXPECT_EQ(parse_article_action("submit"), ArticleAction::submit);
  EXPECT_EQ(parse_article_action("unpublish"), ArticleAction::unpublish);
  EXPECT_EQ(parse_article_action("publish"), ArticleAction::publish);
  EXPECT_EQ(parse_article_action("schedule"), ArticleAction::schedule);
  EXPECT_FALSE(parse_article_action("Publish").has_value());
  EXPECT_FALSE(parse_article_action("delete").has_value());
}

TEST(ArticleWorkflow, PublishingWithADateToComeSchedules) {
  auto later = kNow + hours(2);
  auto result = decide_publication(ArticleAction::publish, std::nullopt, later, kNow);
  EXPECT_EQ(result.status, ArticleStatus::scheduled);
  EXPECT_EQ(result.published_at, later);
  EXPECT_FALSE(result.needs_future_date);
}

TEST(ArticleWorkflow, PublishingWithoutADateGoesLiveNow) {
  auto result = decide_publication(ArticleAction::publish, StoredPublication{}, std::nullopt, kNow);
  EXPECT_EQ(result.status, ArticleStatus::published);
  EXPECT_EQ(result.published_at, kNow);
}

TEST(ArticleWorkflow, SchedulingAsksForADateToCome) {
  EXPECT_TRUE(decide_publication(ArticleAction::schedule, std::nullopt, std::nullopt, kNow)
                  .needs_future_date);
  EXPECT_TRUE(decide_publication(ArticleAction::schedule, std::nullopt, kNow - hours(1), kNow)
                  .needs_future_date);
  auto scheduled = decide_publication(ArticleAction::schedule, std::nullopt, kNow + hours(1), kNow);
  EXPECT_FALSE(scheduled.needs_future_date);
  EXPECT_EQ(scheduled.status, ArticleStatus::scheduled);
}

TEST(ArticleWorkflow, SavingAScheduledArticleWhoseDateHasPassedPublishesIt) {
  StoredPublication stored{ArticleStatus::scheduled, kNow - hours(1)};
  auto result = decide_publication(ArticleAction::save, stored, std::nullopt, kNow);
  EXPECT_EQ(result.status, ArticleStatus::published);
  EXPECT_EQ(result.published_at, kNow - hours(1));
}

TEST(ArticleWorkflow, ALiveArticleAndADraftKeepTheirDate) {
  auto date = kNow - hours(48);
  EXPECT_EQ(
      decide_publication(ArticleAction::save, StoredPublication{ArticleStatus::published, date},
                         std::nullopt, kNow)
          .published_at,
      date);
  auto unpublished =
      decide_publication(ArticleAction::unpublish,
                         StoredPublication{ArticleStatus::published, date}, std::nullopt, kNow);
  EXPECT_EQ(unpublished.status, ArticleStatus::draft);
  EXPECT_EQ(unpublished.published_at, date);
  EXPECT_EQ(decide_publication(ArticleAction::submit, StoredPublication{ArticleStatus::draft, date},
                               std::nullopt, kNow)
                .status,
            ArticleStatus::review);
}

}  // namespace
}  // namespace gazette::publishing
