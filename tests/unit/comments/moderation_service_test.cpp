// ModerationService on a real SQLite database: each action, in bulk too, and what it announces.
#include "comment_site.h"

namespace gazette::comments {
namespace {

using content::CommentStatus;

TEST_F(CommentSite, BulkActionsChangeEveryCommentNamed) {
  auto a = posted(form("A")).id;
  auto b = posted(form("B", "b@example.fr")).id;
  EXPECT_EQ(moderation_.approve({a, b, content::CommentId{999}}, now_), 2u);
  EXPECT_EQ(announced_.size(), 1u);  // one article page changed, announced once
  EXPECT_EQ(moderation_.mark_spam({a}, now_), 1u);
  EXPECT_EQ(moderation_.find(a)->spam_reason, "marked as spam by a moderator");
  EXPECT_EQ(moderation_.trash({b}, now_), 1u);
  EXPECT_EQ(moderation_.hold({a}, now_), 1u);
  EXPECT_EQ(moderation_.find(a)->spam_reason, "");
  auto counts = moderation_.counts();
  EXPECT_EQ(counts[CommentStatus::pending], 1);
  EXPECT_EQ(counts[CommentStatus::trash], 1);
}

TEST_F(CommentSite, HoldingAPendingCommentAnnouncesNothing) {
  auto a = posted(form("A")).id;
  moderation_.mark_spam({a}, now_);
  EXPECT_TRUE(announced_.empty());
}

TEST_F(CommentSite, DeletingMovesRepliesUp) {
  auto parent = posted(form("Parent")).id;
  moderation_.approve({parent}, now_);
  auto reply = form("Réponse", "paul@example.fr");
  reply.parent_id = std::to_string(parent.value);
  auto child = posted(reply).id;
  EXPECT_EQ(moderation_.remove({parent}), 1u);
  EXPECT_FALSE(moderation_.find(parent));
  EXPECT_EQ(moderation_.find(child)->parent, std::nullopt);
}

TEST_F(CommentSite, ErasingAnAddressDeletesEverythingItWrote) {
  auto a = posted(form("Un", "Marie@Example.fr")).id;
  moderation_.approve({a}, now_);
  posted(form("Deux", "marie@example.fr"));
  auto other = posted(form("Trois", "paul@example.fr")).id;
  EXPECT_EQ(moderation_.erase_author("MARIE@example.fr"), 2u);
  auto left = moderation_.list({});
  ASSERT_EQ(left.total, 1);
  EXPECT_EQ(left.entries[0].comment.id, other);
  // The approval, the known commenter's second comment published at once, then the erasure.
  EXPECT_EQ(announced_.size(), 3u);
}

TEST_F(CommentSite, EditsAreCheckedLikeAReadersForm) {
  auto id = posted(form("Texte")).id;
  auto bad = moderation_.edit(id, "Marie", "javascript:alert(1)", "Texte", now_);
  ASSERT_TRUE(std::holds_alternative<std::vector<FieldError>>(bad));
  auto good = moderation_.edit(id, "Marie C.", "marie.fr", "Texte corrigé", now_);
  ASSERT_TRUE(std::holds_alternative<content::Comment>(good));
  EXPECT_EQ(std::get<content::Comment>(good).author_url, "https://marie.fr");
  EXPECT_TRUE(std::holds_alternative<NoSuchComment>(
      moderation_.edit(content::CommentId{999}, "x", "", "y", now_)));
}

TEST_F(CommentSite, AStaffReplyIsPublishedAndApprovesItsParent) {
  auto parent = posted(form("Question")).id;
  auto result =
      moderation_.reply(parent, {"La rédaction", "redaction@example.fr"}, "Réponse", now_);
  ASSERT_TRUE(std::holds_alternative<content::Comment>(result));
  const auto& reply = std::get<content::Comment>(result);
  EXPECT_TRUE(reply.by_staff);
  EXPECT_EQ(reply.status, CommentStatus::approved);
  EXPECT_EQ(moderation_.find(parent)->status, CommentStatus::approved);
  EXPECT_FALSE(announced_.empty());
}

TEST_F(CommentSite, SettingsOutOfRangeAreRefusedAndNothingIsSaved) {
  auto settings = moderation_.settings();
  settings.max_links = -1;
  auto error = moderation_.save_settings(settings);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->setting, "max_links");
  EXPECT_EQ(moderation_.settings().max_links, content::CommentSettings{}.max_links);
  settings.max_links = 5;
  settings.blocked_words = {"casino", "viagra"};
  EXPECT_FALSE(moderation_.save_settings(settings));
  EXPECT_EQ(moderation_.settings().max_links, 5);
  EXPECT_EQ(moderation_.settings().blocked_words, settings.blocked_words);
}

TEST_F(CommentSite, TheSiteKeyIsKeptAcrossRestarts) {
  auto kept = [&](const std::string& candidate) {
    return write_path_.run([&](store::WriteTransaction& write) {
      return comments_store_.keep_comment_secret(write, candidate);
    });
  };
  EXPECT_EQ(kept(SiteKey::generate_hex()), kept(SiteKey::generate_hex()));
}

}  // namespace
}  // namespace gazette::comments
