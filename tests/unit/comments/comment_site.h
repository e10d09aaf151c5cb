// A test fixture for the comment services: a temporary SQLite database (the real one, migrated)
// with one published article, the services on it, and the events they announced.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "comments/comment_service.h"
#include "comments/moderation_service.h"
#include "fixed_clock.h"
#include "publishing/write_path.h"
#include "store/sqlite/sqlite_comment_store.h"
#include "store/sqlite/sqlite_store.h"
#include "test_directory.h"

namespace gazette::comments {

class CommentSite : public ::testing::Test {
 protected:
  CommentSite() {
    auto draft = content::ArticleDraft{};
    draft.slug = "damas";
    draft.title = "Offensive sur Damas";
    draft.section = {"actualite", "Actualité"};
    draft.author = {"sara", "Sara"};
    draft.published_at = now_ - std::chrono::days(10);
    draft.updated_at = draft.published_at;
    article_ = write_path_.run([&](store::WriteTransaction& write) {
      return content_store_.save_article(write, draft, now_).id;
    });
    events_.subscribe([this](const content::Event& event) {
      if (auto* changed = std::get_if<content::CommentChanged>(&event))
        announced_.push_back(changed->slug);
    });
    change_settings([](content::CommentSettings& settings) { settings.min_fill_seconds = 3; });
  }
  ~CommentSite() override { std::filesystem::remove_all(dir_); }

  /// A valid form, its timestamp handed out a minute before now.
  CommentForm form(std::string text = "Bonjour", std::string email = "marie@example.fr") {
    return {.name = "Marie",
            .email = std::move(email),
            .website = "",
            .comment = std::move(text),
            .parent_id = "",
            .form_token = service_.form_token(now_ - std::chrono::minutes(1)),
            .honeypot = ""};
  }

  PostResult post(const CommentForm& form, std::string ip = "192.0.2.1") {
    return service_.post("actualite", "damas", form, {std::move(ip), "test"}, now_);
  }

  content::Comment posted(const CommentForm& form) {
    auto result = post(form);
    EXPECT_TRUE(std::holds_alternative<PostAccepted>(result))
        << "refused: " << to_string(std::get<PostRefused>(result).reason);
    return std::get<PostAccepted>(result).comment;
  }

  Refusal refusal(const CommentForm& form, std::string ip = "192.0.2.1") {
    auto result = post(form, std::move(ip));
    EXPECT_TRUE(std::holds_alternative<PostRefused>(result));
    return std::holds_alternative<PostRefused>(result) ? std::get<PostRefused>(result).reason
                                                       : Refusal::no_article;
  }

  void change_settings(const std::function<void(content::CommentSettings&)>& change) {
    auto settings = comments_store_.comment_settings();
    change(settings);
    write_path_.run([&](store::WriteTransaction& write) {
      comments_store_.save_comment_settings(write, settings);
    });
  }

  std::filesystem::path dir_ = testing::fresh_test_directory("comments");
  content::Timestamp now_ =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  store::sqlite::ConnectionPool pool_{(dir_ / "gazette.db").string()};
  store::sqlite::SqliteStore content_store_{pool_};
  store::sqlite::SqliteCommentStore comments_store_{pool_};
  content::EventBus events_;
  publishing::WritePath write_path_{pool_, events_};
  testing::FixedClock clock_{now_};
  SiteKey key_{site_secret(comments_store_, write_path_)};
  CommentService service_{comments_store_, write_path_, key_};
  ModerationService moderation_{comments_store_, write_path_, key_, clock_};
  content::ArticleId article_;
  std::vector<std::string> announced_;  // slugs of CommentChanged events
};

}  // namespace gazette::comments
