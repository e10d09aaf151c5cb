// CommentService on a real SQLite database: the moderation rules and each spam defence.
#include "comment_site.h"

namespace gazette::comments {
namespace {

using content::CommentStatus;

TEST_F(CommentSite, AFirstTimeCommenterIsHeldThenKnown) {
  auto first = posted(form("Premier"));
  EXPECT_EQ(first.status, CommentStatus::pending);
  EXPECT_TRUE(announced_.empty());  // nothing readers see changed
  moderation_.approve({first.id}, now_);
  EXPECT_EQ(announced_, std::vector<std::string>{"damas"});
  EXPECT_EQ(posted(form("Second")).status, CommentStatus::approved);
  EXPECT_EQ(announced_.size(), 2u);
}

TEST_F(CommentSite, HoldAllHoldsEvenKnownCommenters) {
  moderation_.approve({posted(form("Premier")).id}, now_);
  change_settings([](auto& s) { s.moderation = content::ModerationRule::hold_all; });
  EXPECT_EQ(posted(form("Second")).status, CommentStatus::pending);
}

TEST_F(CommentSite, PublishRulePublishesAtOnce) {
  change_settings([](auto& s) { s.moderation = content::ModerationRule::publish; });
  EXPECT_EQ(posted(form()).status, CommentStatus::approved);
  EXPECT_EQ(service_.article_comments(*service_.find_article(article_), now_).count, 1u);
}

TEST_F(CommentSite, TheHoneypotSendsToSpamWithTheReason) {
  auto f = form();
  f.honeypot = "http://spam.example";
  auto comment = posted(f);
  EXPECT_EQ(comment.status, CommentStatus::spam);
  EXPECT_NE(comment.spam_reason.find("hidden field"), std::string::npos);
}

TEST_F(CommentSite, BlocklistsSendToSpamWithTheReason) {
  change_settings([](auto& s) {
    s.blocked_words = {"casino"};
    s.blocked_addresses = {"203.0.113."};
  });
  auto word = posted(form("Le meilleur Casino"));
  EXPECT_EQ(word.status, CommentStatus::spam);
  EXPECT_EQ(word.spam_reason, "blocked word: casino");
  auto result = post(form("Bonjour"), "203.0.113.9");
  auto address = std::get<PostAccepted>(result).comment;
  EXPECT_EQ(address.status, CommentStatus::spam);
  EXPECT_EQ(address.spam_reason, "blocked address: 203.0.113.");
}

TEST_F(CommentSite, EachTokenProblemIsRefused) {
  auto f = form();
  f.form_token = "";
  EXPECT_EQ(refusal(f), Refusal::missing_token);
  f.form_token = "123.abc";
  EXPECT_EQ(refusal(f), Refusal::forged_token);
  f.form_token = service_.form_token(now_);
  EXPECT_EQ(refusal(f), Refusal::too_fast);
  f.form_token = service_.form_token(now_ - std::chrono::days(2));
  EXPECT_EQ(refusal(f), Refusal::too_old);
}

TEST_F(CommentSite, TooManyLinksAreRefused) {
  EXPECT_EQ(refusal(form("http://a.fr http://b.fr http://c.fr")), Refusal::too_many_links);
  posted(form("http://a.fr http://b.fr"));
}

TEST_F(CommentSite, OneAddressMayOnlyPostSoOftenAnHour) {
  change_settings([](auto& s) { s.max_per_hour = 2; });
  posted(form("Un"));
  posted(form("Deux"));
  EXPECT_EQ(refusal(form("Trois")), Refusal::rate_limited);
  // Another address is not held back.
  EXPECT_TRUE(std::holds_alternative<PostAccepted>(post(form("Trois"), "192.0.2.2")));
}

TEST_F(CommentSite, TheSameTextTwiceIsADuplicate) {
  posted(form("Même texte"));
  EXPECT_EQ(refusal(form("Même texte", "autre@example.fr")), Refusal::duplicate);
}

TEST_F(CommentSite, ClosedCommentsAreRefused) {
  moderation_.set_comments_open(article_, false);
  EXPECT_EQ(refusal(form()), Refusal::closed);
  moderation_.set_comments_open(article_, true);
  posted(form());
}

TEST_F(CommentSite, CommentsCloseByThemselvesAfterTheSetDays) {
  change_settings([](auto& s) { s.close_after_days = 5; });  // the article is 10 days old
  EXPECT_EQ(refusal(form()), Refusal::closed);
  change_settings([](auto& s) { s.close_after_days = 30; });
  posted(form());
}

TEST_F(CommentSite, ATokenSendsOneCommentAndItsSecondUseStoresNothing) {
  auto first = form("Premier");
  posted(first);
  auto again = form("Second, même formulaire", "paul@example.fr");
  again.form_token = first.form_token;
  EXPECT_EQ(refusal(again), Refusal::used_token);
  EXPECT_EQ(comments_store_.list_comments({}).total, 1);
  // A token refused for another reason (a duplicate) is not spent: the form may be corrected.
  auto duplicate = form("Premier", "paul@example.fr");
  EXPECT_EQ(refusal(duplicate), Refusal::duplicate);
  duplicate.comment = "Premier, autrement dit";
  posted(duplicate);
}

TEST_F(CommentSite, ARefusedCommentStoresNothing) {
  auto f = form();
  f.email = "pas une adresse";
  EXPECT_EQ(refusal(f), Refusal::invalid_fields);
  EXPECT_EQ(comments_store_.list_comments({}).total, 0);
}

TEST_F(CommentSite, RepliesGoToApprovedCommentsOfTheSameArticle) {
  auto parent = posted(form("Parent"));
  auto reply = form("Réponse", "paul@example.fr");
  reply.parent_id = std::to_string(parent.id.value);
  EXPECT_EQ(refusal(reply), Refusal::invalid_fields);  // the parent is still held
  moderation_.approve({parent.id}, now_);
  auto stored = posted(reply);
  EXPECT_EQ(stored.parent, parent.id);
  moderation_.approve({stored.id}, now_);
  auto comments = service_.article_comments(*service_.find_article(article_), now_);
  ASSERT_EQ(comments.thread.size(), 1u);
  EXPECT_EQ(comments.thread[0].replies.at(0).comment.body, "Réponse");
}

TEST_F(CommentSite, ReceiptKeysAreTiedToTheirComment) {
  auto key = service_.receipt_key({7});
  EXPECT_TRUE(service_.is_receipt_key({7}, key));
  EXPECT_FALSE(service_.is_receipt_key({8}, key));
  EXPECT_FALSE(service_.is_receipt_key({7}, ""));
}

}  // namespace
}  // namespace gazette::comments
