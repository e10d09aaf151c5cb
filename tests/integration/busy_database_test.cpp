// While another program holds the database's write lock (an import writing a whole export in
// one transaction, a restore, an administrator's shell), a reader's comment waits for it up to
// 5 s (SQLite's busy timeout, PostgreSQL's lock_timeout). The waiting comment keeps one serving
// thread, and only that one: readers who connect meanwhile are served by the others. A comment
// still kept out then is a 503 the reader can send again, and nothing is saved.
#include <sqlite3.h>

#include <chrono>
#include <future>
#include <thread>

#include "published_site.h"

namespace gazette::testing {
namespace {

class BusyDatabase : public PublishedSiteOnEachBackend {
 protected:
  void SetUp() override {
    PublishedSiteOnEachBackend::SetUp();
    auto settings = run_gazette({"comments", "settings", "--min-fill-seconds", "0", "--db", db()});
    ASSERT_EQ(settings.exit_code, 0) << settings.err;
    server_ = std::make_unique<ServerProcess>(db(), std::vector<std::string>{"--threads", "2"});
    ASSERT_EQ(get_page().status, 200);
    if (backend() == Backend::postgres) {
      postgres_ = std::make_unique<store::postgres::Connection>(db());
    } else {
      ASSERT_EQ(sqlite3_open(db().c_str(), &sqlite_), SQLITE_OK);
    }
  }
  void TearDown() override {
    postgres_.reset();
    sqlite3_close(sqlite_);
  }

  HttpResponse get_page() {
    return http_request(server_->host(), server_->port(), "GET", kReferencePath);
  }

  HttpResponse post_comment(const std::string& text) {
    auto token = http_request(server_->host(), server_->port(), "GET", "/comments/form-token");
    return http_request(server_->host(), server_->port(), "POST",
                        std::string(kReferencePath) + "comments",
                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                        form_encode({{"name", "Marie"},
                                     {"email", "marie@example.fr"},
                                     {"website", ""},
                                     {"comment", text},
                                     {"parent_id", ""},
                                     {"homepage", ""},
                                     {"form_token", token.body}}));
  }

  /// Another program begins writing and keeps the lock a comment's write needs.
  void other_program_begins_writing() {
    if (postgres_) {
      postgres_->execute("BEGIN");
      postgres_->execute("LOCK TABLE comments IN EXCLUSIVE MODE");
    } else {
      ASSERT_EQ(sqlite3_exec(sqlite_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    }
  }
  void other_program_commits() {
    if (postgres_) {
      postgres_->execute("COMMIT");
    } else {
      ASSERT_EQ(sqlite3_exec(sqlite_, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    }
  }

  long long comments_saved() {
    if (postgres_) return postgres_->query("SELECT count(*) FROM comments").integer(0, 0);
    sqlite3_stmt* count = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(sqlite_, "SELECT count(*) FROM comments", -1, &count, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_step(count), SQLITE_ROW);
    auto saved = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    return saved;
  }

 private:
  std::unique_ptr<ServerProcess> server_;
  sqlite3* sqlite_ = nullptr;
  std::unique_ptr<store::postgres::Connection> postgres_;
};

TEST_P(BusyDatabase, ReadersAreServedWhileACommentWaitsForIt) {
  other_program_begins_writing();
  auto comment = std::async(std::launch::async, [this] { return post_comment("Bonjour à tous"); });
  // Time for the comment to reach the server, which then waits for the database.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(comment.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the comment did not wait for the database";
  // New connections, as readers open them: had connections been tied to the thread that
  // accepted them, every other one would have landed on the waiting thread and waited with it.
  for (int reader = 0; reader < 6; ++reader) EXPECT_EQ(get_page().status, 200);
  EXPECT_EQ(comment.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "a reader was served only once the comment was done";

  other_program_commits();
  auto posted = comment.get();
  EXPECT_EQ(posted.status, 303) << posted.body;
  EXPECT_EQ(comments_saved(), 1);
}

TEST_P(BusyDatabase, ACommentItKeepsOutIsA503ThatCanBeSentAgain) {
  other_program_begins_writing();
  auto refused = post_comment("Bonjour à tous");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "5");
  EXPECT_NE(refused.body.find("try again"), std::string::npos) << refused.body;
  other_program_commits();
  EXPECT_EQ(comments_saved(), 0);

  auto again = post_comment("Bonjour à tous");
  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_EQ(comments_saved(), 1);
}

GAZETTE_ON_EACH_BACKEND(BusyDatabase);

}  // namespace
}  // namespace gazette::testing
