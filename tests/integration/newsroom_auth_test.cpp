// Signing in and out of the newsroom over HTTP: the generic error, the cookie's attributes,
// sessions that end (sign-out, expiry), CSRF tokens on every form, and limited attempts.
#include "newsroom_client.h"

namespace gazette::testing {
namespace {

class NewsroomSignIn : public NewsroomSite {};

TEST_F(NewsroomSignIn, WrongPasswordAndUnknownEmailGetTheSameMessage) {
  auto wrong_password = attempt_sign_in("admin@test.example", "not the password");
  auto unknown_email = attempt_sign_in("nobody@test.example", kTestPassword);
  EXPECT_EQ(wrong_password.status, 401);
  EXPECT_EQ(unknown_email.status, 401);
  auto message = [](const std::string& body) {
    auto start = body.find("class=\"nr-error\"");
    return start == std::string::npos ? std::string()
                                      : body.substr(start, body.find("</p>", start) - start);
  };
  EXPECT_FALSE(message(wrong_password.body).empty());
  EXPECT_EQ(message(wrong_password.body), message(unknown_email.body));
  EXPECT_TRUE(wrong_password.header("set-cookie").find("gazette_session") == std::string::npos);
}

TEST_F(NewsroomSignIn, OpensASessionInAHttpOnlySameSiteCookieKeptToTheNewsroom) {
  auto response = attempt_sign_in("admin@test.example", kTestPassword);
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/newsroom/articles/");
  auto cookie = response.header("set-cookie");
  EXPECT_NE(cookie.find("gazette_session="), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/newsroom"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain http: " << cookie;
  // 256 random bits, base64url: 43 characters.
  auto start = cookie.find('=') + 1;
  EXPECT_EQ(cookie.find(';') - start, 43u) << cookie;
  // Only a digest of the token is stored.
  auto token = cookie.substr(start, 43);
  EXPECT_EQ(count("SELECT count(*) FROM sessions WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM sessions"), 1);
}

TEST_F(NewsroomSignIn, CookieIsSecureBehindAnHttpsProxy) {
  auto response =
      attempt_sign_in("admin@test.example", kTestPassword, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_NE(response.header("set-cookie").find("; Secure"), std::string::npos)
      << response.header("set-cookie");
}

TEST_F(NewsroomSignIn, EveryNewsroomPageNeedsASession) {
  for (const char* path : {"/newsroom/", "/newsroom/articles/", "/newsroom/articles/new",
                           "/newsroom/articles/1", "/newsroom/users/", "/newsroom/settings"}) {
    auto response = get(path);
    EXPECT_EQ(response.status, 303) << path;
    EXPECT_TRUE(response.header("location").starts_with("/newsroom/login")) << path;
  }
  auto title_before = article_row(1)->title;
  auto post_response =
      post("/newsroom/articles/1", {{"title", "Piraté"}, {"action", "save"}}, nullptr);
  EXPECT_EQ(post_response.status, 403);
  EXPECT_EQ(article_row(1)->title, title_before);
}

TEST_F(NewsroomSignIn, SignOutEndsTheSession) {
  auto session = sign_in("admin@test.example");
  auto response = post("/newsroom/logout", {{"csrf", session.csrf}}, &session);
  EXPECT_EQ(response.status, 303);
  EXPECT_NE(response.header("set-cookie").find("Max-Age=0"), std::string::npos);
  auto after = get("/newsroom/articles/", &session);
  EXPECT_EQ(after.status, 303);
  EXPECT_TRUE(after.header("location").starts_with("/newsroom/login"));
  EXPECT_EQ(count("SELECT count(*) FROM sessions"), 0);
}

TEST_F(NewsroomSignIn, AnExpiredSessionIsRefused) {
  auto session = sign_in("admin@test.example");
  EXPECT_EQ(get("/newsroom/articles/", &session).status, 200);
  // Twelve hours later, as far as the session is concerned.
  execute("UPDATE sessions SET expires_at = strftime('%s', 'now') - 1");
  auto response = get("/newsroom/articles/", &session);
  EXPECT_EQ(response.status, 303);
  EXPECT_TRUE(response.header("location").starts_with("/newsroom/login"));
}

TEST_F(NewsroomSignIn, APasswordChangeClosesTheSessions) {
  auto session = sign_in("admin@test.example");
  auto changed = run_gazette_with_input({"user", "passwd", "admin@test.example", "--db", db()},
                                        "another long password\n");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_EQ(get("/newsroom/articles/", &session).status, 303);
  EXPECT_EQ(attempt_sign_in("admin@test.example", kTestPassword).status, 401);
  EXPECT_EQ(attempt_sign_in("admin@test.example", "another long password").status, 303);
}

TEST_F(NewsroomSignIn, AFormWithoutItsCsrfTokenChangesNothing) {
  auto session = sign_in("admin@test.example");
  auto fields = editor_fields(session, 1);
  auto before = article_row(1);
  fields["title"] = "Changé sans jeton";
  for (const std::string& forged :
       std::vector<std::string>{"", "forged-token", session.csrf + "x"}) {
    auto attempt = fields;
    if (forged.empty())
      attempt.erase("csrf");
    else
      attempt["csrf"] = forged;
    auto response = post("/newsroom/articles/1", attempt, &session);
    EXPECT_EQ(response.status, 403) << "csrf=" << forged;
    EXPECT_EQ(article_row(1), before);
  }
  // The same form with its token goes through.
  EXPECT_EQ(post("/newsroom/articles/1", fields, &session).status, 303);
  EXPECT_EQ(article_row(1)->title, "Changé sans jeton");
}

TEST_F(NewsroomSignIn, AFormFromAnotherSiteIsRefused) {
  auto session = sign_in("admin@test.example");
  auto fields = editor_fields(session, 1);
  fields["title"] = "Depuis ailleurs";
  auto before = article_row(1);
  auto response =
      post("/newsroom/articles/1", fields, &session, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(article_row(1), before);
}

TEST_F(NewsroomSignIn, TheLoginFormNeedsItsOwnToken) {
  auto response =
      post("/newsroom/login",
           {{"csrf", "made-up"}, {"email", "admin@test.example"}, {"password", kTestPassword}},
           nullptr, {{"Cookie", "gazette_login=other"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.header("set-cookie").find("gazette_session"), std::string::npos);
}

TEST_F(NewsroomSignIn, AttemptsAreLimitedPerAccount) {
  for (int attempt = 0; attempt < 5; ++attempt)
    EXPECT_EQ(
        attempt_sign_in("admin@test.example", "wrong password " + std::to_string(attempt)).status,
        401);
  // Locked now, even with the right password.
  auto locked = attempt_sign_in("admin@test.example", kTestPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.header("set-cookie").find("gazette_session"), std::string::npos);
}

TEST_F(NewsroomSignIn, AttemptsAreLimitedPerAddress) {
  add_user("other@test.example", "Olga Other", "author");
  for (int attempt = 0; attempt < 20; ++attempt) {
    auto email = "guess" + std::to_string(attempt) + "@test.example";
    EXPECT_EQ(attempt_sign_in(email, "wrong password").status, 401) << attempt;
  }
  EXPECT_EQ(attempt_sign_in("other@test.example", kTestPassword).status, 429);
}

// Issue 11, defect 1: a link to /newsroom/login?next=/newsroom/x%0d%0aSet-Cookie:… made the
// server send the attacker's header — here a session cookie of theirs — once the victim signed in.
TEST_F(NewsroomSignIn, ANextWithALineBreakCannotAddAHeader) {
  const std::string attack = "/newsroom/x\r\nSet-Cookie: gazette_session=attacker; Path=/newsroom";
  // The form the link opens does not carry it…
  auto form =
      get("/newsroom/login?next=%2Fnewsroom%2Fx%0D%0ASet-Cookie%3A%20gazette_session%3D"
          "attacker%3B%20Path%3D%2Fnewsroom");
  EXPECT_EQ(form_value(form.body, "next"), "/newsroom/articles/");
  // …and the sign-in does not follow it, should it come back anyway.
  auto response = attempt_sign_in_with_next("admin@test.example", kTestPassword, attack);
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/newsroom/articles/");
  auto cookie = response.header("set-cookie");
  EXPECT_EQ(cookie.find("attacker"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find(';') - cookie.find('=') - 1, 43u) << cookie;  // the real session's token
}

TEST_F(NewsroomSignIn, ANextThatIsNotANewsroomPathFallsBackToTheArticleList) {
  using namespace std::string_literals;
  for (const auto& next :
       {"//evil.example/"s, "/\\evil.example/"s, "https://evil.example/newsroom/"s,
        "/newsroom/x\ny"s, "/newsroom/x\0y"s, "/newsroom/x\ty"s, "/newsroom/caf\xc3\xa9/"s,
        "/newsroom/login"s, "/newsroom//x"s, "/actualite/"s}) {
    auto response = attempt_sign_in_with_next("admin@test.example", kTestPassword, next);
    EXPECT_EQ(response.status, 303) << next;
    EXPECT_EQ(response.header("location"), "/newsroom/articles/") << next;
  }
  // A newsroom page is followed.
  auto response =
      attempt_sign_in_with_next("admin@test.example", kTestPassword, "/newsroom/articles/1");
  EXPECT_EQ(response.header("location"), "/newsroom/articles/1");
}

// Issue 11, defect 4: a 70,000-byte `next` made the Location header too large for Beast: a 500,
// after the session had been opened.
TEST_F(NewsroomSignIn, AnOversizedNextFallsBackInsteadOfFailingAfterTheSessionOpened) {
  auto response = attempt_sign_in_with_next("admin@test.example", kTestPassword,
                                            "/newsroom/articles/" + std::string(70'000, 'a'));
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/newsroom/articles/");
  EXPECT_EQ(count("SELECT count(*) FROM sessions"), 1);
  // The session it opened is the one it answered with.
  NewsroomSession session{"gazette_session=" + response.header("set-cookie").substr(16, 43), ""};
  EXPECT_EQ(get("/newsroom/articles/", &session).status, 200);
  // A page asked for before signing in, too long to come back to, is simply dropped.
  auto long_page = get("/newsroom/articles/" + std::string(12'000, 'a'));
  EXPECT_EQ(long_page.status, 303);
  EXPECT_EQ(long_page.header("location"), "/newsroom/login");
}

// The counts are in the database: a restart (which an attacker may cause, or wait for) does not
// unlock the account.
TEST_F(NewsroomSignIn, ALockedAccountStaysLockedAfterARestart) {
  for (int attempt = 0; attempt < 5; ++attempt)
    ASSERT_EQ(attempt_sign_in("admin@test.example", "wrong password").status, 401) << attempt;
  restart_server();
  EXPECT_EQ(attempt_sign_in("admin@test.example", kTestPassword).status, 429);
}

// Two servers on one database (and, later, several nodes) share one count: five guesses split
// between them lock the account on both.
TEST_F(NewsroomSignIn, ProcessesOnOneDatabaseShareTheCount) {
  ServerProcess other(db());
  for (int attempt = 0; attempt < 3; ++attempt)
    ASSERT_EQ(attempt_sign_in("admin@test.example", "wrong password").status, 401) << attempt;
  for (int attempt = 0; attempt < 2; ++attempt)
    ASSERT_EQ(attempt_sign_in_at(other, "admin@test.example", "wrong password").status, 401)
        << attempt;
  EXPECT_EQ(attempt_sign_in("admin@test.example", kTestPassword).status, 429);
  EXPECT_EQ(attempt_sign_in_at(other, "admin@test.example", kTestPassword).status, 429);
}

// A success clears the account's failures, so typos spread over a day never lock anyone out;
// and it does not count against the address.
TEST_F(NewsroomSignIn, ASuccessClearsTheAccountsFailures) {
  for (int round = 0; round < 2; ++round) {
    for (int attempt = 0; attempt < 4; ++attempt)
      ASSERT_EQ(attempt_sign_in("admin@test.example", "wrong password").status, 401);
    ASSERT_EQ(attempt_sign_in("admin@test.example", kTestPassword).status, 303) << round;
  }
  EXPECT_EQ(count("SELECT failures FROM sign_in_failures WHERE key LIKE 'address:%'"), 8);
}

TEST_F(NewsroomSignIn, NewsroomPagesAreNeverCachedAndReaderPagesCarryNoSession) {
  auto session = sign_in("admin@test.example");
  for (const char* path : {"/newsroom/articles/", "/newsroom/articles/1",
                           "/newsroom/articles/1/preview", "/newsroom/login"}) {
    auto response = get(path, &session);
    EXPECT_EQ(response.header("cache-control"), "no-store") << path;
  }
  auto reader = get("/", &session);
  EXPECT_EQ(reader.status, 200);
  EXPECT_EQ(reader.header("set-cookie"), "");
  EXPECT_EQ(reader.body.find(session.csrf), std::string::npos);
  EXPECT_EQ(reader.body.find("/newsroom/logout"), std::string::npos);
}

// Each area of the newsroom is registered on the router under its own paths, behind the one
// front door: without a session every one of them leads to the sign-in form, a POST without
// the CSRF token is refused, and a path no area claims is the newsroom's 404.
TEST_F(NewsroomSignIn, EveryAreaIsBehindTheFrontDoor) {
  const std::vector<std::string> areas = {
      "/newsroom/articles/", "/newsroom/tags?q=s", "/newsroom/sections/", "/newsroom/terms/tags/",
      "/newsroom/comments/", "/newsroom/users/",   "/newsroom/settings",  "/newsroom/profile"};
  for (const auto& path : areas) {
    auto response = get(path);
    EXPECT_EQ(response.status, 303) << path;
    EXPECT_TRUE(response.header("location").starts_with("/newsroom/login")) << path;
  }
  auto session = sign_in("admin@test.example");
  for (const auto& path : areas) {
    EXPECT_NE(get(path, &session).status / 100, 4) << path;
    EXPECT_EQ(post(path, {{"csrf", "not the token"}}, &session).status, 403) << path;
  }
  auto own_profile = get("/newsroom/profile", &session).header("location");
  ASSERT_TRUE(own_profile.starts_with("/newsroom/authors/")) << own_profile;
  EXPECT_EQ(get(own_profile).status, 303);
  EXPECT_EQ(get(own_profile, &session).status, 200);
  for (const std::string path : {"/newsroom/articlesx", "/newsroom/nothing", "/newsroom/users/x",
                                 "/newsroom/settings/more", "/newsroom/commentsx"}) {
    auto response = get(path, &session);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.header("cache-control"), "no-store") << path;
  }
}

}  // namespace
}  // namespace gazette::testing
