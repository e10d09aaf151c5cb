// Driving the newsroom over HTTP as a browser would: a fixture with a server on a fresh
// database and accounts of each role, sign-in (reading the login form's token and cookie),
// forms with their CSRF token, multipart uploads, and a read-only look at the database to
// check that a refused action changed nothing.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gazette_process.h"
#include "http_client.h"

namespace gazette::testing {

/// A password every test account shares (long enough for the newsroom's rule).
constexpr const char* kTestPassword = "correct horse battery";

/// A signed-in browser: its session cookie and the CSRF token of its forms.
struct NewsroomSession {
  std::string cookie;  // "gazette_session=…"
  std::string csrf;
};

/// A file in a multipart form.
struct FormFile {
  std::string name;
  std::string file_name;
  std::string bytes;
};

/// An article as the database holds it, to compare before and after an action.
struct ArticleRow {
  std::string title;
  std::string status;
  std::string author_slug;
  std::int64_t version = 0;
  bool operator==(const ArticleRow&) const = default;
};

class NewsroomSite : public ::testing::Test {
 protected:
  void SetUp() override;

  /// `gazette user add EMAIL --name NAME --role ROLE` with kTestPassword on standard input.
  void add_user(const std::string& email, const std::string& name, const std::string& role);
  ServerProcess& server();
  void restart_server(std::vector<std::string> extra_args = {});

  HttpResponse get(const std::string& target, const NewsroomSession* session = nullptr,
                   const std::map<std::string, std::string>& headers = {});
  HttpResponse post(const std::string& target, const std::map<std::string, std::string>& fields,
                    const NewsroomSession* session,
                    const std::map<std::string, std::string>& headers = {});
  /// The same, at another server `at` (several processes on one database).
  HttpResponse post_at(ServerProcess& at, const std::string& target,
                       const std::map<std::string, std::string>& fields,
                       const NewsroomSession* session);
  HttpResponse post_multipart(const std::string& target,
                              const std::map<std::string, std::string>& fields,
                              const std::vector<FormFile>& files, const NewsroomSession* session);

  /// Signs in through the login form; fails the test unless it succeeded.
  NewsroomSession sign_in(const std::string& email, const std::string& password = kTestPassword);
  /// The login form's response to `email` and `password`.
  HttpResponse attempt_sign_in(const std::string& email, const std::string& password,
                               const std::map<std::string, std::string>& headers = {});
  /// The same, with the form's `next` (the page to go back to) set to `next` as sent.
  HttpResponse attempt_sign_in_with_next(const std::string& email, const std::string& password,
                                         const std::string& next);
  /// The same, at another server `at` (several processes on one database).
  HttpResponse attempt_sign_in_at(ServerProcess& at, const std::string& email,
                                  const std::string& password,
                                  const std::map<std::string, std::string>& headers = {});

  /// The editor's fields for a new article in section `actualite`; `action` is the button.
  std::map<std::string, std::string> article_fields(const NewsroomSession& session,
                                                    const std::string& title,
                                                    const std::string& action = "save");
  /// Creates an article through the editor and returns its id (fails the test otherwise).
  std::int64_t create_article(const NewsroomSession& session, const std::string& title,
                              const std::string& action = "save",
                              const std::string& author_slug = "");
  /// The editor's current fields of article `id` (its version included), for a new save.
  std::map<std::string, std::string> editor_fields(const NewsroomSession& session, std::int64_t id);

  std::optional<ArticleRow> article_row(std::int64_t id);
  /// The single value of `sql` (an integer), read from the database while the server runs.
  std::int64_t count(const std::string& sql);
  std::string text_value(const std::string& sql);
  /// Runs `sql` on the database, as an administrator would with sqlite3 (tests of expiry).
  void execute(const std::string& sql);

  /// The database every process of the test opens (a SQLite file unless a fixture says).
  virtual std::string db() const { return dir_.file("gazette.db"); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

/// The value of `<input name="NAME" value="…">` (or textarea/select) in `html`, unescaped.
std::string form_value(const std::string& html, const std::string& name);
/// "/newsroom/articles/12?notice=…" → 12.
std::int64_t article_id_of(const std::string& location);
/// "YYYY-MM-DDTHH:MM:SS" `seconds` from now in Europe/Paris, the default site time zone, as a
/// datetime-local input sends it.
std::string paris_time_in(int seconds);

}  // namespace gazette::testing
