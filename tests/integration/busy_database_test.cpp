// While another program holds the database's write lock (an import writing a whole export in
// one transaction, a restore, an administrator's sqlite3 shell), a reader's comment waits for it
// up to the busy timeout (5 s). The waiting comment keeps one serving thread, and only that one:
// readers who connect meanwhile are served by the others.
#include <sqlite3.h>

#include <chrono>
#include <future>
#include <thread>

#include "published_site.h"

namespace gazette::testing {
namespace {

class BusyDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.file("busy.db");
    ASSERT_EQ(run_gazette({"publish", reference_article().string(), "--db", db_}).exit_code, 0);
    ASSERT_EQ(
        run_gazette({"comments", "settings", "--min-fill-seconds", "0", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(db_, std::vector<std::string>{"--threads", "2"});
    ASSERT_EQ(get(kReferencePath).status, 200);
    ASSERT_EQ(sqlite3_open(db_.c_str(), &other_program_), SQLITE_OK);
  }
  void TearDown() override { sqlite3_close(other_program_); }

  HttpResponse get(const std::string& target) {
    return http_request(server_->host(), server_->port(), "GET", target);
  }

  HttpResponse post_comment(const std::string& text) {
    auto token = get("/comments/form-token").body;
    return http_request(server_->host(), server_->port(), "POST",
                        std::string(kReferencePath) + "comments",
                        {{"Content-Type", "application/x-www-form-urlencoded"}},
                        form_encode({{"name", "Marie"},
                                     {"email", "marie@example.fr"},
                                     {"website", ""},
                                     {"comment", text},
                                     {"parent_id", ""},
                                     {"homepage", ""},
                                     {"form_token", token}}));
  }

  void other_program(const char* sql) {
    ASSERT_EQ(sqlite3_exec(other_program_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  }

  long long comments_saved() {
    sqlite3_stmt* count = nullptr;
    EXPECT_EQ(
        sqlite3_prepare_v2(other_program_, "SELECT count(*) FROM comments", -1, &count, nullptr),
        SQLITE_OK);
    EXPECT_EQ(sqlite3_step(count), SQLITE_ROW);
    auto saved = sqlite3_column_int64(count, 0);
    sqlite3_finalize(count);
    return saved;
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  sqlite3* other_program_ = nullptr;
};

TEST_F(BusyDatabase, ReadersAreServedWhileACommentWaitsForIt) {
  other_program("BEGIN IMMEDIATE");
  auto comment = std::async(std::launch::async, [this] { return post_comment("Bonjour à tous"); });
  // Time for the comment to reach the server, which then waits for the database.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(comment.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the comment did not wait for the database";
  // New connections, as readers open them: had connections been tied to the thread that
  // accepted them, every other one would have landed on the waiting thread and waited with it.
  for (int reader = 0; reader < 6; ++reader) EXPECT_EQ(get(kReferencePath).status, 200);
  EXPECT_EQ(comment.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "a reader was served only once the comment was done";

  other_program("COMMIT");
  auto posted = comment.get();
  EXPECT_EQ(posted.status, 303) << posted.body;
  EXPECT_EQ(comments_saved(), 1);
}

}  // namespace
}  // namespace gazette::testing
