// The published-site fixture (see published_site.h): site settings changed through the
// newsroom, and the names of the backends.
#include "published_site.h"

#include <cctype>

#include "newsroom_client.h"

namespace gazette::testing {

namespace {

constexpr const char* kSettingsAdmin = "reglages@test.example";
const std::map<std::string, std::string> kFormHeaders = {
    {"Content-Type", "application/x-www-form-urlencoded"}};

// "NAME=value" of the Set-Cookie header naming NAME, or "".
std::string cookie_from(const HttpResponse& response, const std::string& name) {
  auto header = response.header("set-cookie");
  auto start = header.find(name + "=");
  if (start == std::string::npos) return "";
  auto end = header.find(';', start);
  return header.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::string PublishedSite::signed_in_cookie(const std::string& email, const std::string& role) {
  if (!accounts_.contains(email)) {
    auto added = run_gazette_with_input(
        {"user", "add", email, "--name", "Régine Réglages", "--role", role, "--db", db()},
        std::string(kTestPassword) + "\n");
    EXPECT_EQ(added.exit_code, 0) << added.err;
    accounts_.insert(email);
  }
  auto& at = server();
  auto form = http_request(at.host(), at.port(), "GET", "/newsroom/login");
  EXPECT_EQ(form.status, 200);
  auto headers = kFormHeaders;
  headers["Cookie"] = cookie_from(form, "gazette_login");
  auto signed_in = http_request(
      at.host(), at.port(), "POST", "/newsroom/login", headers,
      form_encode(
          {{"csrf", form_value(form.body, "csrf")}, {"email", email}, {"password", kTestPassword}}));
  EXPECT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 2000);
  return cookie_from(signed_in, "gazette_session");
}

void PublishedSite::change_settings(const std::map<std::string, std::string>& changes) {
  auto& at = server();
  std::map<std::string, std::string> session{{"Cookie", signed_in_cookie(kSettingsAdmin)}};

  auto page = http_request(at.host(), at.port(), "GET", "/newsroom/settings", session);
  ASSERT_EQ(page.status, 200);
  std::map<std::string, std::string> fields;
  for (const char* name :
       {"csrf", "title", "description", "language", "time_zone", "url", "feed_content"})
    fields[name] = form_value(page.body, name);
  for (const auto& [name, value] : changes) fields[name] = value;
  auto headers = kFormHeaders;
  headers["Cookie"] = session["Cookie"];
  auto saved = http_request(at.host(), at.port(), "POST", "/newsroom/settings", headers,
                            form_encode(fields));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::postgres ? "Postgres" : "Sqlite";
}

}  // namespace gazette::testing
