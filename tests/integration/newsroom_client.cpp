// The newsroom test fixture (see newsroom_client.h).
#include "newsroom_client.h"

#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <random>
#include <regex>

#include "html_document.h"

namespace gazette::testing {

namespace {

const std::string kForm = "application/x-www-form-urlencoded";

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string cookie_from(const HttpResponse& response, const std::string& name) {
  auto header = response.header("set-cookie");
  auto start = header.find(name + "=");
  if (start == std::string::npos) return "";
  auto end = header.find(';', start);
  return header.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::string form_value(const std::string& html, const std::string& name) {
  HtmlDocument document(html);
  for (const auto& input : document.find_all("input")) {
    if (input.attribute("name") == name) return input.attribute("value");
  }
  for (const auto& area : document.find_all("textarea")) {
    if (area.attribute("name") != name) continue;
    // The raw text, not collapsed: a body's line breaks matter.
    std::string text;
    const GumboNode* node = area.node();
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
      if (child->type == GUMBO_NODE_TEXT) text += child->v.text.text;
    }
    return text;
  }
  for (const auto& select : document.find_all("select")) {
    if (select.attribute("name") != name) continue;
    for (const auto& option : select.find_all("option")) {
      if (gumbo_get_attribute(&option.node()->v.element.attributes, "selected"))
        return option.attribute("value");
    }
  }
  return "";
}

std::int64_t article_id_of(const std::string& location) {
  std::smatch match;
  if (!std::regex_search(location, match, std::regex("/newsroom/articles/(\\d+)"))) return 0;
  return std::stoll(match[1]);
}

void NewsroomSite::SetUp() {
  // The sections the articles go into, and an author who is not an account.
  auto file = dir_.file("seed.md");
  FILE* out = std::fopen(file.c_str(), "w");
  std::fputs("---\ntitle: Article de départ\nsection: Actualité\nauthor: Agence\n---\n\nTexte.\n",
             out);
  std::fclose(out);
  auto seeded = run_gazette({"publish", file, "--db", db()});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  out = std::fopen(file.c_str(), "w");
  std::fputs("---\ntitle: Match nul\nsection: Sport\nauthor: Agence\n---\n\nTexte.\n", out);
  std::fclose(out);
  seeded = run_gazette({"publish", file, "--db", db()});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  add_user("admin@test.example", "Ada Admin", "admin");
}

void NewsroomSite::add_user(const std::string& email, const std::string& name,
                            const std::string& role) {
  auto result =
      run_gazette_with_input({"user", "add", email, "--name", name, "--role", role, "--db", db()},
                             std::string(kTestPassword) + "\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

ServerProcess& NewsroomSite::server() {
  if (!server_) server_ = std::make_unique<ServerProcess>(db());
  return *server_;
}

void NewsroomSite::restart_server(std::vector<std::string> extra_args) {
  server_.reset();
  server_ = std::make_unique<ServerProcess>(db(), std::move(extra_args));
}

HttpResponse NewsroomSite::get(const std::string& target, const NewsroomSession* session,
                               const std::map<std::string, std::string>& headers) {
  auto all = headers;
  if (session) all["Cookie"] = session->cookie;
  return http_request(server().host(), server().port(), "GET", target, all);
}

HttpResponse NewsroomSite::post(const std::string& target,
                                const std::map<std::string, std::string>& fields,
                                const NewsroomSession* session,
                                const std::map<std::string, std::string>& headers) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  auto all = headers;
  all["Content-Type"] = kForm;
  if (session) all["Cookie"] = session->cookie;
  return http_request(server().host(), server().port(), "POST", target, all, body);
}

HttpResponse NewsroomSite::post_at(ServerProcess& at, const std::string& target,
                                   const std::map<std::string, std::string>& fields,
                                   const NewsroomSession* session) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
  std::map<std::string, std::string> headers{{"Content-Type", kForm}};
  if (session) headers["Cookie"] = session->cookie;
  return http_request(at.host(), at.port(), "POST", target, headers, body);
}

HttpResponse NewsroomSite::post_multipart(const std::string& target,
                                          const std::map<std::string, std::string>& fields,
                                          const std::vector<FormFile>& files,
                                          const NewsroomSession* session) {
  std::string boundary = "----gazette-test-" + std::to_string(std::random_device{}());
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  }
  for (const auto& file : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name +
            "\"; filename=\"" + file.file_name +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file.bytes + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  std::map<std::string, std::string> headers{
      {"Content-Type", "multipart/form-data; boundary=" + boundary}};
  if (session) headers["Cookie"] = session->cookie;
  return http_request(server().host(), server().port(), "POST", target, headers, body);
}

HttpResponse NewsroomSite::attempt_sign_in(const std::string& email, const std::string& password,
                                           const std::map<std::string, std::string>& headers) {
  return attempt_sign_in_at(server(), email, password, headers);
}

HttpResponse NewsroomSite::attempt_sign_in_at(ServerProcess& at, const std::string& email,
                                              const std::string& password,
                                              const std::map<std::string, std::string>& headers) {
  auto form = http_request(at.host(), at.port(), "GET", "/newsroom/login");
  EXPECT_EQ(form.status, 200);
  auto all = headers;
  all["Cookie"] = cookie_from(form, "gazette_login");
  all["Content-Type"] = kForm;
  std::string body = "csrf=" + url_encode(form_value(form.body, "csrf")) +
                     "&email=" + url_encode(email) + "&password=" + url_encode(password);
  return http_request(at.host(), at.port(), "POST", "/newsroom/login", all, body);
}

HttpResponse NewsroomSite::attempt_sign_in_with_next(const std::string& email,
                                                     const std::string& password,
                                                     const std::string& next) {
  auto form = get("/newsroom/login");
  EXPECT_EQ(form.status, 200);
  return post("/newsroom/login",
              {{"csrf", form_value(form.body, "csrf")},
               {"email", email},
               {"password", password},
               {"next", next}},
              nullptr, {{"Cookie", cookie_from(form, "gazette_login")}});
}

NewsroomSession NewsroomSite::sign_in(const std::string& email, const std::string& password) {
  auto response = attempt_sign_in(email, password);
  EXPECT_EQ(response.status, 303) << email << ": " << response.body.substr(0, 2000);
  NewsroomSession session{cookie_from(response, "gazette_session"), ""};
  EXPECT_FALSE(session.cookie.empty()) << "no session cookie for " << email;
  auto page = get("/newsroom/articles/", &session);
  EXPECT_EQ(page.status, 200);
  session.csrf = form_value(page.body, "csrf");
  EXPECT_FALSE(session.csrf.empty());
  return session;
}

std::map<std::string, std::string> NewsroomSite::article_fields(const NewsroomSession& session,
                                                                const std::string& title,
                                                                const std::string& action) {
  return {{"csrf", session.csrf}, {"title", title}, {"slug", ""},          {"section", "actualite"},
          {"categories", ""},     {"tags", ""},     {"lead", "Un chapô."}, {"body", "Un texte."},
          {"caption", ""},        {"alt", ""},      {"published_at", ""},  {"action", action},
          {"version", "0"}};
}

std::int64_t NewsroomSite::create_article(const NewsroomSession& session, const std::string& title,
                                          const std::string& action,
                                          const std::string& author_slug) {
  auto fields = article_fields(session, title, action);
  if (!author_slug.empty()) fields["author"] = author_slug;
  auto response = post("/newsroom/articles/new", fields, &session);
  EXPECT_EQ(response.status, 303) << title << ": " << response.body.substr(0, 3000);
  auto id = article_id_of(response.header("location"));
  EXPECT_GT(id, 0) << response.header("location");
  return id;
}

std::map<std::string, std::string> NewsroomSite::editor_fields(const NewsroomSession& session,
                                                               std::int64_t id) {
  auto page = get("/newsroom/articles/" + std::to_string(id), &session);
  EXPECT_EQ(page.status, 200);
  std::map<std::string, std::string> fields;
  for (const char* name : {"csrf", "version", "title", "slug", "section", "coauthors", "categories",
                           "tags", "lead", "body", "caption", "alt", "published_at"})
    fields[name] = form_value(page.body, name);
  fields["action"] = "save";
  return fields;
}

std::optional<ArticleRow> NewsroomSite::article_row(std::int64_t id) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(this->db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT a.title, a.status, au.slug, a.version FROM articles a"
                     " JOIN authors au ON au.id = a.author_id WHERE a.id = ?",
                     -1, &statement, nullptr);
  sqlite3_bind_int64(statement, 1, id);
  std::optional<ArticleRow> row;
  if (sqlite3_step(statement) == SQLITE_ROW) {
    row = ArticleRow{reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                     reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)),
                     reinterpret_cast<const char*>(sqlite3_column_text(statement, 2)),
                     sqlite3_column_int64(statement, 3)};
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return row;
}

std::string NewsroomSite::text_value(const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(this->db().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
  std::string value;
  if (statement && sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

void NewsroomSite::execute(const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(this->db().c_str(), &db);
  sqlite3_busy_timeout(db, 10000);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "") << ": " << sql;
  sqlite3_free(error);
  sqlite3_close(db);
}

std::int64_t NewsroomSite::count(const std::string& sql) {
  return std::stoll("0" + text_value(sql));
}

std::string paris_time_in(int seconds) {
  // TZ is set only for this conversion: the servers the test starts inherit the environment.
  const char* previous = std::getenv("TZ");
  std::string saved = previous ? previous : "";
  setenv("TZ", "Europe/Paris", 1);
  tzset();
  auto time = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                   std::chrono::seconds(seconds));
  std::tm local{};
  localtime_r(&time, &local);
  if (previous)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
  return text;
}

}  // namespace gazette::testing
