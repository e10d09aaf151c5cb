// The role × capability table and the article rules, role by role.
#include "auth/capabilities.h"

#include <gtest/gtest.h>

namespace gazette::auth {
namespace {

using content::ArticleStatus;
using content::Role;

content::User user_with(Role role) {
  return {{1}, "x@test.example", "X", role, "x"};
}
const ArticleFacts kOwnDraft{"x", ArticleStatus::draft};
const ArticleFacts kOwnPublished{"x", ArticleStatus::published};
const ArticleFacts kOthersDraft{"y", ArticleStatus::draft};
const ArticleFacts kOthersScheduled{"y", ArticleStatus::scheduled};

TEST(Capabilities, AContributorWritesAndSubmitsOnly) {
  auto user = user_with(Role::contributor);
  EXPECT_TRUE(can_move(user, kOwnDraft, ArticleStatus::review));
  EXPECT_FALSE(can_move(user, kOwnDraft, ArticleStatus::published));
  EXPECT_FALSE(can_move(user, kOwnDraft, ArticleStatus::scheduled));
  EXPECT_FALSE(can_change(user, kOwnPublished));
  EXPECT_FALSE(can_open(user, kOthersDraft));
  EXPECT_FALSE(can(user.role, Capability::delete_articles));
}

TEST(Capabilities, AnAuthorPublishesTheirOwn) {
  auto user = user_with(Role::author);
  EXPECT_TRUE(can_move(user, kOwnDraft, ArticleStatus::published));
  EXPECT_TRUE(can_move(user, kOwnPublished, ArticleStatus::draft));
  EXPECT_FALSE(can_open(user, kOthersDraft));
  EXPECT_FALSE(can(user.role, Capability::manage_terms));
}

TEST(Capabilities, AnEditorPublishesAndEditsEveryonesButManagesNoAccounts) {
  auto user = user_with(Role::editor);
  EXPECT_TRUE(can_move(user, kOthersDraft, ArticleStatus::published));
  EXPECT_TRUE(can_move(user, kOthersScheduled, ArticleStatus::draft));
  EXPECT_TRUE(can(user.role, Capability::moderate_comments));
  EXPECT_FALSE(can(user.role, Capability::manage_users));
  EXPECT_FALSE(can(user.role, Capability::manage_sections));
  EXPECT_FALSE(can(user.role, Capability::manage_settings));
}

TEST(Capabilities, AnAdminMayDoEverything) {
  auto user = user_with(Role::admin);
  for (auto capability :
       {Capability::write_articles, Capability::publish_own, Capability::edit_others,
        Capability::publish_others, Capability::delete_articles, Capability::pin_articles,
        Capability::manage_terms, Capability::moderate_comments, Capability::manage_sections,
        Capability::manage_users, Capability::manage_settings})
    EXPECT_TRUE(can(user.role, capability));
}

TEST(Capabilities, OnlyEditorsAndAdminsPinArticlesToTheHomePage) {
  EXPECT_FALSE(can(Role::contributor, Capability::pin_articles));
  EXPECT_FALSE(can(Role::author, Capability::pin_articles));
  EXPECT_TRUE(can(Role::editor, Capability::pin_articles));
  EXPECT_TRUE(can(Role::admin, Capability::pin_articles));
}

TEST(Capabilities, OnlyEditorsAndAdminsSeeTheNewsletterAndSendBreakingNews) {
  for (auto capability : {Capability::see_newsletter, Capability::send_breaking}) {
    EXPECT_FALSE(can(Role::contributor, capability));
    EXPECT_FALSE(can(Role::author, capability));
    EXPECT_TRUE(can(Role::editor, capability));
    EXPECT_TRUE(can(Role::admin, capability));
  }
}

TEST(Capabilities, AnAccountWithoutBylineOwnsNothing) {
  content::User user{{1}, "x@test.example", "X", Role::author, ""};
  EXPECT_FALSE(owns(user, {"", ArticleStatus::draft}));
}

}  // namespace
}  // namespace gazette::auth
