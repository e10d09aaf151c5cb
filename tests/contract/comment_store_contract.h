// The contract of store::CommentStore: comments kept as written, readers' lists oldest first
// and approved only, moderation lists newest first a page at a time, a form token spent once
// (even by two processes at once), status changes that say what readers saw before and after.
#pragma once

#include <thread>

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class CommentStoreContract : public ContractTest<BackendType> {
 protected:
  void SetUp() override {
    auto saved = this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, article_draft("debat", "Débat"), kNow);
    });
    article_ = saved.id;
  }

  store::NewComment comment(const std::string& body, content::CommentStatus status,
                            content::Timestamp at = kNow) {
    store::NewComment comment;
    comment.article = article_;
    comment.author_name = "Zoé 🦊";
    comment.author_email = "zoe@example.fr";
    comment.body = body;
    comment.status = status;
    comment.ip = "192.0.2.7";
    comment.avatar_key = "0123456789abcdef";
    comment.created_at = at;
    return comment;
  }
  content::CommentId add(const store::NewComment& comment) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().comments().add_comment(write, comment);
    });
  }
  std::vector<std::string> bodies(const std::vector<content::Comment>& comments) {
    std::vector<std::string> bodies;
    for (const auto& comment : comments) bodies.push_back(comment.body);
    return bodies;
  }

  content::ArticleId article_;
};
TYPED_TEST_SUITE_P(CommentStoreContract);

TYPED_TEST_P(CommentStoreContract, ACommentIsKeptAsWritten) {
  auto id = this->add(
      this->comment("Très « juste » 👏\n\nDeuxième paragraphe.", content::CommentStatus::pending));
  auto found = this->backend().comments().find_comment(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->article, this->article_);
  EXPECT_EQ(found->author_name, "Zoé 🦊");
  EXPECT_EQ(found->author_email, "zoe@example.fr");
  EXPECT_EQ(found->body, "Très « juste » 👏\n\nDeuxième paragraphe.");
  EXPECT_EQ(found->status, content::CommentStatus::pending);
  EXPECT_EQ(found->ip, "192.0.2.7");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(found->parent.has_value());
  EXPECT_FALSE(this->backend().comments().find_comment({999'999}).has_value());
  auto article = this->backend().comments().find_commented_article("monde", "debat");
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(article->id, this->article_);
  EXPECT_EQ(article->title, "Débat");
  EXPECT_FALSE(article->closed);
}

TYPED_TEST_P(CommentStoreContract, ReadersSeeApprovedCommentsOldestFirst) {
  this->add(this->comment("deuxième", content::CommentStatus::approved, kNow + 2 * kMinute));
  this->add(this->comment("en attente", content::CommentStatus::pending, kNow + kMinute));
  this->add(this->comment("premier", content::CommentStatus::approved, kNow));
  this->add(this->comment("indésirable", content::CommentStatus::spam, kNow));
  EXPECT_EQ(this->bodies(this->backend().comments().approved_comments(this->article_)),
            (std::vector<std::string>{"premier", "deuxième"}));
}

TYPED_TEST_P(CommentStoreContract, ModerationListsAreNewestFirstAPageAtATimeWithCounts) {
  for (int i = 1; i <= 5; ++i)
    this->add(this->comment("commentaire " + std::to_string(i),
                            i <= 2 ? content::CommentStatus::spam : content::CommentStatus::pending,
                            kNow + i * kMinute));
  auto& comments = this->backend().comments();
  store::CommentQuery query;
  query.limit = 2;
  auto first = comments.list_comments(query);
  EXPECT_EQ(first.total, 5);
  ASSERT_EQ(first.entries.size(), 2u);
  EXPECT_EQ(first.entries[0].comment.body, "commentaire 5");
  EXPECT_EQ(first.entries[0].article.slug, "debat");
  query.offset = 4;
  auto last = comments.list_comments(query);
  ASSERT_EQ(last.entries.size(), 1u);
  EXPECT_EQ(last.entries[0].comment.body, "commentaire 1");

  store::CommentQuery spam;
  spam.status = content::CommentStatus::spam;
  EXPECT_EQ(comments.list_comments(spam).total, 2);
  store::CommentQuery text;
  text.text = "COMMENTAIRE 3";
  EXPECT_EQ(comments.list_comments(text).total, 1);
  text.text = "%";  // plain text, never a pattern
  EXPECT_EQ(comments.list_comments(text).total, 0);
  auto counts = comments.count_comments_by_status({});
  EXPECT_EQ(counts[content::CommentStatus::spam], 2);
  EXPECT_EQ(counts[content::CommentStatus::pending], 3);
  EXPECT_EQ(counts[content::CommentStatus::approved], 0);
}

TYPED_TEST_P(CommentStoreContract, AStatusChangeSaysWhatReadersSawBeforeAndAfter) {
  auto pending = this->add(this->comment("à valider", content::CommentStatus::pending));
  auto approved = this->add(this->comment("validé", content::CommentStatus::approved));
  auto& comments = this->backend().comments();
  auto changes = this->committed([&](store::WriteTransaction& write) {
    return comments.set_comment_status(write, {pending, approved, {999'999}},
                                       content::CommentStatus::spam, "liens", kNow);
  });
  ASSERT_EQ(changes.size(), 2u);  // the unknown id is skipped
  EXPECT_EQ(changes[0].id, pending);
  EXPECT_FALSE(changes[0].visible_before);
  EXPECT_FALSE(changes[0].visible_after);
  EXPECT_EQ(changes[1].id, approved);
  EXPECT_TRUE(changes[1].visible_before);
  EXPECT_FALSE(changes[1].visible_after);
  EXPECT_EQ(changes[1].article.slug, "debat");
  EXPECT_EQ(comments.find_comment(approved)->spam_reason, "liens");
  this->committed([&](store::WriteTransaction& write) {
    comments.set_comment_status(write, {approved}, content::CommentStatus::approved, "x", kNow);
  });
  EXPECT_EQ(comments.find_comment(approved)->spam_reason, "");
  EXPECT_TRUE(comments.has_approved_comment_by("zoe@example.fr"));
}

TYPED_TEST_P(CommentStoreContract, RepliesMoveUpWhenTheirParentIsDeleted) {
  auto parent = this->add(this->comment("parent", content::CommentStatus::approved));
  auto middle_comment = this->comment("milieu", content::CommentStatus::approved);
  middle_comment.parent = parent;
  auto middle = this->add(middle_comment);
  auto reply_comment = this->comment("réponse", content::CommentStatus::approved);
  reply_comment.parent = middle;
  auto reply = this->add(reply_comment);
  auto& comments = this->backend().comments();
  auto deleted = this->committed(
      [&](store::WriteTransaction& write) { return comments.delete_comments(write, {middle}); });
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_TRUE(deleted[0].visible_before);
  EXPECT_FALSE(comments.find_comment(middle).has_value());
  EXPECT_EQ(comments.find_comment(reply)->parent, parent);
}

TYPED_TEST_P(CommentStoreContract, AFormTokenIsSpentOnceEvenByTwoProcessesAtOnce) {
  auto other = this->backend().another_process();
  store::SpentFormToken token{"jeton-unique", kNow + std::chrono::hours(24)};
  std::optional<content::CommentId> here, there;
  std::thread first([&] {
    here = this->committed_in(this->backend(), [&](store::WriteTransaction& write) {
      return this->backend().comments().add_comment_spending(
          write, this->comment("ici", content::CommentStatus::pending), token);
    });
  });
  std::thread second([&] {
    there = this->committed_in(*other, [&](store::WriteTransaction& write) {
      return other->comments().add_comment_spending(
          write, this->comment("là", content::CommentStatus::pending), token);
    });
  });
  first.join();
  second.join();
  EXPECT_NE(here.has_value(), there.has_value());
  EXPECT_EQ(this->backend().comments().list_comments({}).total, 1);
}

TYPED_TEST_P(CommentStoreContract, SettingsTheSecretAndClosingAreKept) {
  auto& comments = this->backend().comments();
  EXPECT_FALSE(comments.comment_secret().has_value());
  EXPECT_EQ(this->committed([&](store::WriteTransaction& write) {
    return comments.keep_comment_secret(write, "premier");
  }),
            "premier");
  EXPECT_EQ(this->committed([&](store::WriteTransaction& write) {
    return comments.keep_comment_secret(write, "second");
  }),
            "premier");
  content::CommentSettings settings;
  settings.moderation = content::ModerationRule::publish;
  settings.blocked_words = {"casino", "viagra", "crédit"};
  settings.max_per_hour = 3;
  this->committed(
      [&](store::WriteTransaction& write) { comments.save_comment_settings(write, settings); });
  auto read = this->backend().another_process()->comments().comment_settings();
  EXPECT_EQ(read.moderation, content::ModerationRule::publish);
  EXPECT_EQ(read.blocked_words, settings.blocked_words);
  EXPECT_EQ(read.max_per_hour, 3);

  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return comments.set_comments_closed(write, this->article_, true, kNow);
  }));
  EXPECT_TRUE(comments.find_commented_article(this->article_)->closed);
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return comments.set_comments_closed(write, {999'999}, true, kNow);
  }));
}

TYPED_TEST_P(CommentStoreContract, TheSpamDefencesQuestionsAreAnswered) {
  this->add(this->comment("Même texte", content::CommentStatus::pending, kNow));
  this->add(this->comment("jeté", content::CommentStatus::trash, kNow + kMinute));
  auto& comments = this->backend().comments();
  EXPECT_TRUE(comments.has_same_comment(this->article_, "Même texte"));
  EXPECT_FALSE(comments.has_same_comment(this->article_, "même texte"));
  EXPECT_FALSE(comments.has_same_comment(this->article_, "jeté"));  // the trash does not count
  EXPECT_EQ(comments.comments_from_ip_since("192.0.2.7", kNow), 2);
  EXPECT_EQ(comments.comments_from_ip_since("192.0.2.7", kNow + kMinute), 1);
  EXPECT_FALSE(comments.has_approved_comment_by("zoe@example.fr"));
  auto erased = this->committed([&](store::WriteTransaction& write) {
    return comments.erase_comments_by(write, "zoe@example.fr");
  });
  EXPECT_EQ(erased.size(), 2u);
  EXPECT_EQ(comments.list_comments({}).total, 0);
}

REGISTER_TYPED_TEST_SUITE_P(CommentStoreContract, ACommentIsKeptAsWritten,
                            ReadersSeeApprovedCommentsOldestFirst,
                            ModerationListsAreNewestFirstAPageAtATimeWithCounts,
                            AStatusChangeSaysWhatReadersSawBeforeAndAfter,
                            RepliesMoveUpWhenTheirParentIsDeleted,
                            AFormTokenIsSpentOnceEvenByTwoProcessesAtOnce,
                            SettingsTheSecretAndClosingAreKept,
                            TheSpamDefencesQuestionsAreAnswered);

}  // namespace gazette::contract
