// A test fixture: a temporary database with the reference article published and a real
// server on it; SQLite by default, or either backend for the suites that run on both
// (PublishedSiteOnEachBackend, instantiated by GAZETTE_ON_EACH_BACKEND).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <memory>
#include <string>

#include "gazette_process.h"
#include "html_document.h"
#include "http_client.h"
#include "test_database.h"

namespace gazette::testing {

/// The path `gazette publish` printed for the reference article.
constexpr const char* kReferencePath =
    "/actualite/les-islamistes-envoient-un-message-fort-a-damas-offensive-en-cours/";

/// Where a test's site lives: a SQLite file, or a database in the PostgreSQL test cluster.
enum class Backend { sqlite, postgres };

class PublishedSite : public ::testing::Test {
 protected:
  void SetUp() override {
    if (backend() == Backend::postgres) postgres_ = std::make_unique<PostgresTestDatabase>();
    auto published = run_gazette({"publish", reference_article().string(), "--db", db()});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    ASSERT_EQ(published.last_line(), kReferencePath);
  }

  /// The backend this test runs on (SQLite unless a suite runs on each).
  virtual Backend backend() const { return Backend::sqlite; }

  /// Publishes an article file written from `front_matter` and `body` (without the --- lines).
  std::string publish(const std::string& name, const std::string& front_matter,
                      const std::string& body = "Un paragraphe.\n") {
    auto path = dir_.file(name + ".md");
    FILE* file = std::fopen(path.c_str(), "w");
    std::fprintf(file, "---\n%s\n---\n\n%s", front_matter.c_str(), body.c_str());
    std::fclose(file);
    auto result = run_gazette({"publish", path, "--db", db()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.last_line();
  }

  /// Changes site settings (`language`, `url`, `feed_content`…) as an administrator does: in
  /// the newsroom's settings form, through the running server (an account made first with
  /// `gazette user add`). Fails the test unless the form accepted them.
  void change_settings(const std::map<std::string, std::string>& changes);

  /// The Cookie header of a newsroom session of `email`, an account of `role` made with
  /// `gazette user add` the first time, signed in through the login form.
  std::string signed_in_cookie(const std::string& email, const std::string& role = "admin");

  ServerProcess& server() {
    if (!server_) server_ = std::make_unique<ServerProcess>(db());
    return *server_;
  }

  HttpResponse get(const std::string& target,
                   const std::map<std::string, std::string>& headers = {}) {
    return http_request(server().host(), server().port(), "GET", target, headers);
  }

  /// The database every process of the test opens: a file path or a postgresql:// address.
  std::string db() const { return postgres_ ? postgres_->uri() : dir_.file("gazette.db"); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> postgres_;  // when the test runs on PostgreSQL
  std::unique_ptr<ServerProcess> server_;           // declared last: stopped first
  std::set<std::string> accounts_;                  // made by signed_in_cookie()
};

/// A PublishedSite whose tests run once on each backend: TEST_P, then
/// GAZETTE_ON_EACH_BACKEND(Fixture). The PostgreSQL runs have "Postgres" in their names, so
/// ctest gives them the throw-away cluster (tests/postgres/).
class PublishedSiteOnEachBackend : public PublishedSite,
                                   public ::testing::WithParamInterface<Backend> {
 protected:
  Backend backend() const override { return GetParam(); }
};

/// "Sqlite" or "Postgres": the end of each test's name.
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

}  // namespace gazette::testing

/// Runs every TEST_P of `fixture` on SQLite (Fixture.Test/Sqlite) and on PostgreSQL
/// (Fixture.Test/Postgres).
#define GAZETTE_ON_EACH_BACKEND(fixture)                                             \
  INSTANTIATE_TEST_SUITE_P(, fixture,                                                \
                           ::testing::Values(::gazette::testing::Backend::sqlite,    \
                                             ::gazette::testing::Backend::postgres), \
                           ::gazette::testing::backend_name)
