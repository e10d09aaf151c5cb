// Newsletters on the real binary with a real SMTP server (smtp_sink.py, Debian's
// python3-aiosmtpd): a subscription followed from the footer form to the confirmation mail, a
// digest with its RFC 8058 headers, the one-click unsubscribe (a POST with no session), and
// nothing sent after; forged links and malformed addresses refused with nothing stored or sent;
// a refused address recorded as a bounce; one address exported and erased; an author's letter
// with the articles they co-sign.
#include <signal.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "eventually.h"
#include "newsroom_client.h"
#include "published_site.h"
#include "python_helper.h"

namespace gazette::testing {
namespace {

namespace fs = std::filesystem;

/// The SMTP server (smtp_sink.py), in its own process, stopped by the guard.
class SmtpSink {
 public:
  explicit SmtpSink(fs::path folder)
      : folder_(std::move(folder)),
        server_("smtp_sink.py", folder_,
                "the SMTP server did not start (is python3-aiosmtpd installed?)") {}
  unsigned short port() const { return server_.port(); }

  /// The messages received so far, oldest first.
  std::vector<std::string> messages() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder_))
      if (entry.path().extension() == ".eml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }

 private:
  fs::path folder_;
  PythonHelper server_;
};

/// The value of header `name` in `message` (first occurrence), without its line end.
std::string header_of(const std::string& message, const std::string& name) {
  auto head = message.substr(0, message.find("\r\n\r\n"));
  std::regex pattern("(^|\r\n)" + name + ": ([^\r\n]*)", std::regex::icase);
  std::smatch match;
  return std::regex_search(head, match, pattern) ? match[2].str() : "";
}

std::string base64_decode(const std::string& text) {
  std::string clean;
  for (char c : text)
    if (c != '\r' && c != '\n') clean += c;
  std::string out(clean.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), clean.data(),
                        clean.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return "";
  out.resize(length);
  return out;
}

/// The decoded part of `content_type` ("text/plain", "text/html") of a multipart message.
std::string part_of(const std::string& message, const std::string& content_type) {
  auto at = message.find("Content-Type: " + content_type);
  if (at == std::string::npos) return "";
  auto body = message.find("\r\n\r\n", at) + 4;
  auto end = message.find("\r\n--", body);
  return base64_decode(message.substr(body, end - body));
}

std::string decoded_subject(const std::string& message) {
  auto subject = header_of(message, "Subject");
  std::smatch match;
  if (std::regex_match(subject, match, std::regex(R"(=\?UTF-8\?B\?([^?]*)\?=)")))
    return base64_decode(match[1].str());
  return subject;
}

// "2026-12-04T20:58:00Z": a minute ago, so the article is in today's digest.
std::string a_minute_ago() {
  auto now = std::time(nullptr) - 60;
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

class Newsletter : public PublishedSite {
 protected:
  void SetUp() override {
    PublishedSite::SetUp();
    fresh_path_ = publish("alerte",
                          "title: Les vendanges tardives en Alsace\nsection: Actualité\n"
                          "author: Agence\ndate: " +
                              a_minute_ago());
    sink_ = std::make_unique<SmtpSink>(dir().path() / "mail");
    auto result = newsletter({"settings", "--smtp-host", "127.0.0.1", "--smtp-port",
                              std::to_string(sink_->port()), "--starttls", "false", "--from",
                              "lettre@example.fr", "--from-name", "La Gazette", "--rate", "6000"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  CommandResult newsletter(std::vector<std::string> args) {
    args.insert(args.begin(), "newsletter");
    args.push_back("--db");
    args.push_back(db());
    return run_gazette(args);
  }

  HttpResponse post(const std::string& target, const std::string& body) {
    return http_request(server().host(), server().port(), "POST", target,
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }

  HttpResponse subscribe(const std::string& email, const std::string& scope = "",
                         const std::string& slug = "") {
    std::map<std::string, std::string> fields{{"address", email}};
    if (!scope.empty()) fields["scope"] = scope;
    if (!slug.empty()) fields["slug"] = slug;
    return post("/newsletter/subscribe", form_encode(fields));
  }

  std::string status() { return newsletter({"status"}).out; }

  std::vector<std::string> wait_for_messages(std::size_t count) {
    EXPECT_TRUE(eventually([&] { return sink_->messages().size() >= count; }))
        << "only " << sink_->messages().size() << " messages arrived";
    return sink_->messages();
  }

  // The path and query of an absolute URL on our server.
  std::string local_target(const std::string& url) {
    auto origin = "http://" + server().host() + ":" + std::to_string(server().port());
    EXPECT_EQ(url.rfind(origin, 0), 0u) << url;
    return url.substr(origin.size());
  }

  std::string fresh_path_;
  std::unique_ptr<SmtpSink> sink_;
};

TEST_F(Newsletter, FromTheFormToTheConfirmationToADigestToTheOneClickUnsubscribe) {
  // The form is in the footer of every page; a section's page offers its own letter.
  auto home = get("/");
  EXPECT_NE(home.body.find(R"(action="/newsletter/subscribe")"), std::string::npos);
  auto section = get("/actualite/");
  EXPECT_NE(section.body.find(R"(name="scope" value="section")"), std::string::npos);

  ASSERT_EQ(subscribe("Zoe@Example.fr").status, 200);
  auto mail = wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(header_of(mail[0], "X-Envelope-To"), "zoe@example.fr");
  EXPECT_EQ(header_of(mail[0], "To"), "<zoe@example.fr>");
  EXPECT_NE(decoded_subject(mail[0]).find("Confirmez votre abonnement"), std::string::npos);
  EXPECT_EQ(header_of(mail[0], "List-Unsubscribe"), "");  // nothing to end yet
  auto text = part_of(mail[0], "text/plain");
  std::smatch link;
  ASSERT_TRUE(std::regex_search(text, link, std::regex(R"(http://\S+/newsletter/confirm\?\S+)")))
      << text;
  auto confirm = local_target(link[0].str());
  EXPECT_NE(part_of(mail[0], "text/html").find("newsletter/confirm"), std::string::npos);

  // Not confirmed yet: a digest goes to nobody.
  auto url = "http://" + server().host() + ":" + std::to_string(server().port());
  auto digest = newsletter({"send-digest", "--site-url", url});
  ASSERT_EQ(digest.exit_code, 0) << digest.err;
  EXPECT_NE(digest.out.find("digest queued for 0 addresses"), std::string::npos) << digest.out;

  // A forged confirmation (one signature character changed) is refused, and changes nothing.
  auto forged = confirm;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_EQ(get(forged).status, 403);
  auto longer = std::regex_replace(confirm, std::regex(R"(e=(\d+))"), "e=9$1");
  EXPECT_EQ(get(longer).status, 403);
  EXPECT_NE(status().find("subscriptions: 1 (0 confirmed)"), std::string::npos) << status();

  auto confirmed = get(confirm);
  EXPECT_EQ(confirmed.status, 200);
  EXPECT_NE(confirmed.body.find("Abonnement confirmé"), std::string::npos);
  EXPECT_EQ(confirmed.header("cache-control"), "private, no-store");
  EXPECT_NE(status().find("subscriptions: 1 (1 confirmed)"), std::string::npos) << status();

  // The digest: today's article, French dates, the manage link and RFC 8058's headers.
  digest = newsletter({"send-digest", "--site-url", url});
  ASSERT_EQ(digest.exit_code, 0) << digest.err;
  EXPECT_NE(digest.out.find("digest queued for 1 addresses"), std::string::npos) << digest.out;
  mail = wait_for_messages(2);
  ASSERT_EQ(mail.size(), 2u);
  const auto& letter = mail[1];
  EXPECT_EQ(header_of(letter, "X-Envelope-To"), "zoe@example.fr");
  EXPECT_EQ(header_of(letter, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  auto unsubscribe = header_of(letter, "List-Unsubscribe");
  ASSERT_TRUE(unsubscribe.size() > 2 && unsubscribe.front() == '<' && unsubscribe.back() == '>')
      << unsubscribe;
  unsubscribe = local_target(unsubscribe.substr(1, unsubscribe.size() - 2));
  EXPECT_NE(unsubscribe.find("/newsletter/manage?"), std::string::npos);
  EXPECT_NE(header_of(letter, "Content-Type").find("multipart/alternative"), std::string::npos);
  auto plain = part_of(letter, "text/plain");
  EXPECT_NE(plain.find("Les vendanges tardives en Alsace"), std::string::npos) << plain;
  EXPECT_NE(plain.find(url + fresh_path_), std::string::npos) << plain;
  EXPECT_TRUE(std::regex_search(plain, std::regex("(janvier|février|mars|avril|mai|juin|juillet|"
                                                  "août|septembre|octobre|novembre|décembre)")))
      << plain;
  auto html = part_of(letter, "text/html");
  EXPECT_NE(html.find("Les vendanges tardives en Alsace"), std::string::npos) << html;
  EXPECT_NE(html.find("/newsletter/manage?"), std::string::npos);
  EXPECT_NE(decoded_subject(letter).find("l’essentiel du"), std::string::npos)
      << decoded_subject(letter);

  // Never twice: the same day's digest again queues and sends nothing.
  digest = newsletter({"send-digest", "--site-url", url});
  EXPECT_NE(digest.out.find("digest queued for 0 addresses"), std::string::npos) << digest.out;
  EXPECT_EQ(sink_->messages().size(), 2u);

  // The manage page lists the subscription; a forged one-click POST changes nothing.
  auto manage = get(unsubscribe);
  EXPECT_EQ(manage.status, 200);
  EXPECT_NE(manage.body.find("zoe@example.fr"), std::string::npos);
  auto forged_unsubscribe = unsubscribe;
  forged_unsubscribe.back() = forged_unsubscribe.back() == '0' ? '1' : '0';
  EXPECT_EQ(post(forged_unsubscribe, "List-Unsubscribe=One-Click").status, 403);
  EXPECT_NE(status().find("subscriptions: 1 (1 confirmed)"), std::string::npos) << status();

  // RFC 8058: the mail client's POST, no cookie, no session.
  auto ended = post(unsubscribe, "List-Unsubscribe=One-Click");
  EXPECT_EQ(ended.status, 200);
  EXPECT_NE(ended.body.find("Désabonnement effectué"), std::string::npos);
  EXPECT_NE(status().find("subscriptions: 0 (0 confirmed)"), std::string::npos) << status();

  // Nothing more is sent: another article, a digest run, the queue sent.
  publish("encore",
          "title: Encore une\nsection: Actualité\nauthor: Agence\ndate: " + a_minute_ago());
  digest = newsletter({"send-digest", "--site-url", url});
  EXPECT_NE(digest.out.find("digest queued for 0 addresses"), std::string::npos) << digest.out;
  EXPECT_EQ(newsletter({"send-queue"}).exit_code, 0);
  EXPECT_EQ(sink_->messages().size(), 2u);
}

TEST_F(Newsletter, AnAuthorsLetterCarriesWhatTheyCoSignAndNamesEveryoneWhoSigns) {
  publish("cosigne",
          "title: Deux signatures à Damas\nsection: Actualité\n"
          "authors: [Agence, Karim Haddad]\ndate: " +
              a_minute_ago());
  ASSERT_EQ(subscribe("lectrice@example.fr", "author", "karim-haddad").status, 200);
  auto mail = wait_for_messages(1);
  ASSERT_EQ(mail.size(), 1u);
  std::smatch link;
  auto text = part_of(mail[0], "text/plain");
  ASSERT_TRUE(std::regex_search(text, link, std::regex(R"(http://\S+/newsletter/confirm\?\S+)")))
      << text;
  ASSERT_EQ(get(local_target(link[0].str())).status, 200);

  auto url = "http://" + server().host() + ":" + std::to_string(server().port());
  auto digest = newsletter({"send-digest", "--site-url", url});
  ASSERT_EQ(digest.exit_code, 0) << digest.err;
  EXPECT_NE(digest.out.find("digest queued for 1 addresses"), std::string::npos) << digest.out;
  mail = wait_for_messages(2);
  ASSERT_EQ(mail.size(), 2u);
  for (const auto* type : {"text/plain", "text/html"}) {
    auto letter = part_of(mail[1], type);
    EXPECT_NE(letter.find("Deux signatures à Damas"), std::string::npos) << letter;
    EXPECT_NE(letter.find("Agence et Karim Haddad"), std::string::npos) << letter;
    // Agence's article alone is not Karim's.
    EXPECT_EQ(letter.find("Les vendanges tardives"), std::string::npos) << letter;
  }
}

TEST_F(Newsletter, MalformedAddressesAndUnknownScopesAreRefusedWithNothingStoredOrSent) {
  for (const std::string& bad : std::vector<std::string>{
           "", "pas une adresse", "zoe@", "@example.fr", "zoe@example", "zoe@@example.fr",
           "zoe@example.fr\r\nBcc: victim@example.fr", "zoe@example.fr, leo@example.fr",
           "<zoe@example.fr>", std::string(250, 'a') + "@example.fr"}) {
    auto refused = subscribe(bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_NE(refused.body.find("n’est pas valable"), std::string::npos) << bad;
  }
  EXPECT_EQ(subscribe("zoe@example.fr", "section", "pas-de-rubrique").status, 400);
  EXPECT_EQ(subscribe("zoe@example.fr", "everything").status, 400);
  EXPECT_EQ(get("/newsletter/subscribe").status, 405);
  EXPECT_EQ(get("/newsletter/confirm?s=1&e=99999999999&m=00").status, 403);
  EXPECT_EQ(get("/newsletter/confirm").status, 403);
  EXPECT_EQ(get("/newsletter/manage?a=zoe%40example.fr&m=abcd").status, 403);
  EXPECT_EQ(post("/newsletter/manage?a=zoe%40example.fr", "List-Unsubscribe=One-Click").status,
            403);
  EXPECT_NE(status().find("subscriptions: 0 (0 confirmed)"), std::string::npos) << status();
  EXPECT_NE(status().find("queued: 0"), std::string::npos) << status();
  EXPECT_EQ(newsletter({"send-queue"}).exit_code, 0);
  EXPECT_TRUE(sink_->messages().empty());
}

TEST_F(Newsletter, ARefusedAddressIsABounceAndOneAddressIsExportedAndErased) {
  ASSERT_EQ(subscribe("bounce@example.fr", "section", "actualite").status, 200);
  ASSERT_EQ(subscribe("leo@example.fr").status, 200);
  wait_for_messages(1);  // leo's confirmation
  ASSERT_TRUE(eventually([&] {
    return status().find("bounced\tbounce@example.fr") != std::string::npos;
  })) << status();
  EXPECT_NE(status().find("550"), std::string::npos) << status();
  EXPECT_EQ(sink_->messages().size(), 1u);

  auto exported = newsletter({"export-email", "LEO@example.fr"});
  ASSERT_EQ(exported.exit_code, 0);
  EXPECT_NE(exported.out.find(R"("email": "leo@example.fr")"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find(R"("scope": "all")"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find(R"("status": "sent")"), std::string::npos) << exported.out;

  auto erased = newsletter({"erase-email", "leo@example.fr"});
  ASSERT_EQ(erased.exit_code, 0);
  EXPECT_NE(erased.out.find("erased: 2 rows"), std::string::npos) << erased.out;
  exported = newsletter({"export-email", "leo@example.fr"});
  EXPECT_NE(exported.out.find(R"("subscriptions": [])"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find(R"("messages": [])"), std::string::npos) << exported.out;
  EXPECT_NE(status().find("subscriptions: 1 (0 confirmed)"), std::string::npos) << status();
}

// Limits on the subscription form: one new confirmation mail per address in ten minutes,
// whatever the subscription, and ten requests per client address in the window; over them a
// 429 with Retry-After, nothing stored and nothing sent.
TEST_F(Newsletter, TooManySubscriptionsAreRefusedWithNothingStoredOrSent) {
  ASSERT_EQ(subscribe("zoe@example.fr").status, 200);
  wait_for_messages(1);
  // Another letter for the same address, at once: a second mail to a stranger's inbox.
  auto again = subscribe("zoe@example.fr", "section", "actualite");
  EXPECT_EQ(again.status, 429);
  auto retry = std::stoi(again.header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 600);
  EXPECT_NE(again.body.find("Trop de demandes"), std::string::npos) << again.body;
  EXPECT_NE(again.body.find("dix minutes"), std::string::npos);
  EXPECT_EQ(again.header("cache-control"), "private, no-store");
  // The same subscription asked again sends nothing new, and is answered as before.
  EXPECT_EQ(subscribe("zoe@example.fr").status, 200);
  EXPECT_NE(status().find("subscriptions: 1 (0 confirmed)"), std::string::npos) << status();

  // Two requests counted for this client so far (the refused one is not): eight more pass.
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(subscribe("lecteur" + std::to_string(i) + "@example.fr").status, 200) << i;
  auto refused = subscribe("dernier@example.fr");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("retry-after"), "900");
  EXPECT_NE(refused.body.find("de votre connexion"), std::string::npos) << refused.body;
  EXPECT_NE(status().find("subscriptions: 9 (0 confirmed)"), std::string::npos) << status();
  EXPECT_EQ(newsletter({"export-email", "dernier@example.fr"}).out.find("\"scope\""),
            std::string::npos);
  wait_for_messages(9);
  EXPECT_EQ(newsletter({"send-queue"}).exit_code, 0);
  auto mail = sink_->messages();
  EXPECT_EQ(mail.size(), 9u);
  for (const auto& message : mail)
    EXPECT_NE(header_of(message, "X-Envelope-To"), "dernier@example.fr");
}

// The newsroom's newsletter page: editors and admins see the counts and every undelivered
// message with the server's answer; authors and contributors are refused and see no address.
class NewsletterInTheNewsroom : public NewsroomSite {};

TEST_F(NewsletterInTheNewsroom, EditorsSeeBouncesAndWritersSeeNoSubscriber) {
  SmtpSink sink(fs::path(db()).parent_path() / "mail");
  auto settings = run_gazette({"newsletter", "settings", "--smtp-host", "127.0.0.1", "--smtp-port",
                               std::to_string(sink.port()), "--starttls", "false", "--from",
                               "lettre@example.fr", "--rate", "6000", "--db", db()});
  ASSERT_EQ(settings.exit_code, 0) << settings.err;
  auto subscribed = http_request(server().host(), server().port(), "POST", "/newsletter/subscribe",
                                 {{"Content-Type", "application/x-www-form-urlencoded"}},
                                 "address=bounce%40example.fr");
  ASSERT_EQ(subscribed.status, 200);
  ASSERT_TRUE(eventually([&] {
    return run_gazette({"newsletter", "status", "--db", db()}).out.find("bounced") !=
           std::string::npos;
  }));

  add_user("contributor@test.example", "Carl Contributor", "contributor");
  add_user("author@test.example", "Anna Author", "author");
  add_user("editor@test.example", "Eddie Editor", "editor");
  for (const std::string who : {"editor@test.example", "admin@test.example"}) {
    auto session = sign_in(who);
    auto page = get("/newsroom/newsletter", &session);
    EXPECT_EQ(page.status, 200) << who;
    EXPECT_NE(page.body.find("bounce@example.fr"), std::string::npos) << who;
    EXPECT_NE(page.body.find("550"), std::string::npos) << who;
    EXPECT_NE(get("/newsroom/articles/", &session).body.find("/newsroom/newsletter"),
              std::string::npos)
        << who;
  }
  for (const std::string who : {"author@test.example", "contributor@test.example"}) {
    auto session = sign_in(who);
    auto page = get("/newsroom/newsletter", &session);
    EXPECT_EQ(page.status, 403) << who;
    EXPECT_EQ(page.body.find("bounce@example.fr"), std::string::npos) << who;
    EXPECT_EQ(get("/newsroom/articles/", &session).body.find("/newsroom/newsletter"),
              std::string::npos)
        << who;
  }
}

TEST_F(NewsletterInTheNewsroom, AnEditorSendsBreakingNewsWhenPublishingAndAnAuthorCannot) {
  SmtpSink sink(fs::path(db()).parent_path() / "mail");
  ASSERT_EQ(run_gazette({"newsletter", "settings", "--smtp-host", "127.0.0.1", "--smtp-port",
                         std::to_string(sink.port()), "--starttls", "false", "--from",
                         "lettre@example.fr", "--rate", "6000", "--db", db()})
                .exit_code,
            0);
  ASSERT_EQ(http_request(server().host(), server().port(), "POST", "/newsletter/subscribe",
                         {{"Content-Type", "application/x-www-form-urlencoded"}},
                         "address=zoe%40example.fr")
                .status,
            200);
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }));
  auto text = part_of(sink.messages()[0], "text/plain");
  std::smatch link;
  ASSERT_TRUE(
      std::regex_search(text, link, std::regex(R"(http://[^/\s]+(/newsletter/confirm\?\S+))")));
  ASSERT_EQ(http_request(server().host(), server().port(), "GET", link[1].str()).status, 200);

  add_user("author@test.example", "Anna Author", "author");
  add_user("editor@test.example", "Eddie Editor", "editor");
  auto author = sign_in("author@test.example");
  auto fields = article_fields(author, "Une brève de l’auteure", "publish");
  fields["breaking_news"] = "1";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &author).status, 303);
  auto editor = sign_in("editor@test.example");
  EXPECT_NE(get("/newsroom/articles/new", &editor).body.find("breaking_news"), std::string::npos);
  EXPECT_EQ(get("/newsroom/articles/new", &author).body.find("breaking_news"), std::string::npos);
  fields = article_fields(editor, "Alerte rouge sur Paris", "publish");
  fields["breaking_news"] = "1";
  EXPECT_EQ(post("/newsroom/articles/new", fields, &editor).status, 303);

  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 2; }));
  auto alert = sink.messages()[1];
  EXPECT_NE(decoded_subject(alert).find("Alerte rouge sur Paris"), std::string::npos)
      << decoded_subject(alert);
  EXPECT_EQ(header_of(alert, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_NE(part_of(alert, "text/plain").find("Alerte rouge sur Paris"), std::string::npos);
  // The author's checkbox sent nothing, and nothing is left to send.
  EXPECT_EQ(run_gazette({"newsletter", "send-queue", "--db", db()}).exit_code, 0);
  EXPECT_EQ(sink.messages().size(), 2u);
}

// The SMTP settings in the newsroom (admins): saved through the form they take effect, the
// password never comes back in the page, the test message reaches the server and the page shows
// its answer — or the error; bad values are refused with the field named and nothing changed.
class NewsletterSettingsForm : public NewsroomSite {
 protected:
  std::string stored_settings() {
    return text_value(
        "SELECT group_concat(key || '=' || value, ';') FROM "
        "(SELECT key, value FROM newsletter_settings ORDER BY key)");
  }
  std::map<std::string, std::string> fields(const NewsroomSession& session, unsigned short port) {
    return {{"csrf", session.csrf},
            {"smtp_host", "127.0.0.1"},
            {"smtp_port", std::to_string(port)},
            {"username", ""},
            {"password", "s3cret-smtp-pass"},
            {"from_address", "lettre@example.fr"},
            {"from_name", "La Gazette"},
            {"rate_per_minute", "6000"}};
  }
};

TEST_F(NewsletterSettingsForm, AnAdminSavesTheSettingsSendsATestAndSeesTheServersAnswer) {
  SmtpSink sink(fs::path(db()).parent_path() / "mail");
  auto admin = sign_in("admin@test.example");
  EXPECT_NE(get("/newsroom/newsletter", &admin).body.find("/newsroom/newsletter/settings"),
            std::string::npos);
  EXPECT_NE(get("/newsroom/settings", &admin).body.find("/newsroom/newsletter/settings"),
            std::string::npos);
  auto form = get("/newsroom/newsletter/settings", &admin);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("Envoyer un message d’essai"), std::string::npos);
  EXPECT_NE(form.body.find(R"(value="admin@test.example")"), std::string::npos);  // the test's

  auto saved = post("/newsroom/newsletter/settings", fields(admin, sink.port()), &admin);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = get("/newsroom/newsletter/settings", &admin);
  EXPECT_NE(page.body.find(R"(value="127.0.0.1")"), std::string::npos);
  EXPECT_NE(page.body.find(R"(value=")" + std::to_string(sink.port()) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("Un mot de passe est enregistré"), std::string::npos);
  EXPECT_EQ(page.body.find("s3cret-smtp-pass"), std::string::npos);
  EXPECT_EQ(page.body.find(R"(name="starttls" value="1" checked)"), std::string::npos);
  EXPECT_NE(stored_settings().find("password=s3cret-smtp-pass"), std::string::npos);

  // They take effect: a reader's confirmation goes through them.
  ASSERT_EQ(http_request(server().host(), server().port(), "POST", "/newsletter/subscribe",
                         {{"Content-Type", "application/x-www-form-urlencoded"}},
                         "address=zoe%40example.fr")
                .status,
            200);
  ASSERT_TRUE(eventually([&] { return sink.messages().size() == 1; }));
  EXPECT_EQ(header_of(sink.messages()[0], "X-Envelope-To"), "zoe@example.fr");
  EXPECT_EQ(header_of(sink.messages()[0], "X-Envelope-From"), "lettre@example.fr");

  // The test message: sent at once, the server's own words on the page.
  auto tested = post("/newsroom/newsletter/test",
                     {{"csrf", admin.csrf}, {"test_to", "essai@example.fr"}}, &admin);
  EXPECT_EQ(tested.status, 200);
  EXPECT_NE(tested.body.find("accepté par le serveur"), std::string::npos) << tested.body;
  EXPECT_NE(tested.body.find("Message accepted for delivery"), std::string::npos) << tested.body;
  EXPECT_EQ(tested.body.find("s3cret-smtp-pass"), std::string::npos);
  ASSERT_EQ(sink.messages().size(), 2u);
  EXPECT_EQ(header_of(sink.messages()[1], "X-Envelope-To"), "essai@example.fr");
  EXPECT_NE(decoded_subject(sink.messages()[1]).find("Message d’essai"), std::string::npos);
  auto bad_to = post("/newsroom/newsletter/test",
                     {{"csrf", admin.csrf}, {"test_to", "pas une adresse"}}, &admin);
  EXPECT_EQ(bad_to.status, 422);
  EXPECT_NE(bad_to.body.find(R"(href="#test_to")"), std::string::npos);
  EXPECT_EQ(sink.messages().size(), 2u);

  // Bad values: 422, the field named, nothing changed (the password neither).
  auto before = stored_settings();
  for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
           {"smtp_port", "70000"},
           {"smtp_port", "0"},
           {"smtp_port", "abc"},
           {"from_address", "pas-une-adresse"},
           {"from_address", "lettre@example.fr\r\nBcc: victim@example.fr"},
           {"rate_per_minute", "0"},
           {"rate_per_minute", "-5"},
           {"smtp_host", ""},
           {"smtp_host", "smtp.example.fr\r\nRCPT TO:<victim@example.fr>"},
           {"username", "moi\nAUTH"},
           {"password", "nouveau\r\n"},
           {"from_name", "La Gazette\r\nBcc: victim@example.fr"}}) {
    auto bad = fields(admin, sink.port());
    bad["password"] = "changed-password";
    bad[field] = value;
    auto refused = post("/newsroom/newsletter/settings", bad, &admin);
    EXPECT_EQ(refused.status, 422) << field << "=" << value;
    EXPECT_NE(refused.body.find("href=\"#" + field + "\""), std::string::npos) << field;
    EXPECT_NE(refused.body.find("id=\"" + field + "\""), std::string::npos) << field;
    EXPECT_EQ(refused.body.find("changed-password"), std::string::npos);
    EXPECT_EQ(stored_settings(), before) << field << "=" << value;
  }
  auto line_break = fields(admin, sink.port());
  line_break["from_name"] = "La\nGazette";
  EXPECT_NE(post("/newsroom/newsletter/settings", line_break, &admin)
                .body.find("ne doit pas contenir de retour à la ligne"),
            std::string::npos);

  // An empty password keeps the saved one; the box clears it.
  auto keep = fields(admin, sink.port());
  keep["password"] = "";
  keep["from_name"] = "La Gazette du soir";
  ASSERT_EQ(post("/newsroom/newsletter/settings", keep, &admin).status, 303);
  EXPECT_NE(stored_settings().find("password=s3cret-smtp-pass"), std::string::npos);
  EXPECT_NE(stored_settings().find("from_name=La Gazette du soir"), std::string::npos);
  keep["clear_password"] = "1";
  ASSERT_EQ(post("/newsroom/newsletter/settings", keep, &admin).status, 303);
  EXPECT_NE(stored_settings().find("password=;"), std::string::npos) << stored_settings();
  EXPECT_NE(get("/newsroom/newsletter/settings", &admin).body.find("Aucun mot de passe"),
            std::string::npos);

  // A wrong port: the test message says what went wrong.
  auto wrong = fields(admin, 1);
  ASSERT_EQ(post("/newsroom/newsletter/settings", wrong, &admin).status, 303);
  auto failed = post("/newsroom/newsletter/test",
                     {{"csrf", admin.csrf}, {"test_to", "essai@example.fr"}}, &admin);
  EXPECT_EQ(failed.status, 200);
  EXPECT_NE(failed.body.find("n’est pas parti"), std::string::npos) << failed.body;
  EXPECT_NE(failed.body.find("connect"), std::string::npos) << failed.body;
  EXPECT_EQ(sink.messages().size(), 2u);

  // In English when the site is.
  ASSERT_EQ(post("/newsroom/settings",
                 {{"csrf", admin.csrf},
                  {"title", "Gazette"},
                  {"description", ""},
                  {"language", "en"},
                  {"time_zone", "Europe/Paris"}},
                 &admin)
                .status,
            303);
  auto english = get("/newsroom/newsletter/settings", &admin);
  EXPECT_NE(english.body.find("Send a test message"), std::string::npos);
  EXPECT_NE(english.body.find("A password is saved: leave empty to keep it."), std::string::npos);
}

TEST_F(NewsletterSettingsForm, OnlyAdminsSeeOrChangeTheSettings) {
  SmtpSink sink(fs::path(db()).parent_path() / "mail");
  auto admin = sign_in("admin@test.example");
  ASSERT_EQ(post("/newsroom/newsletter/settings", fields(admin, sink.port()), &admin).status, 303);
  auto before = stored_settings();
  add_user("contributor@test.example", "Carl Contributor", "contributor");
  add_user("author@test.example", "Anna Author", "author");
  add_user("editor@test.example", "Eddie Editor", "editor");
  for (const std::string who :
       {"contributor@test.example", "author@test.example", "editor@test.example"}) {
    auto session = sign_in(who);
    auto page = get("/newsroom/newsletter/settings", &session);
    EXPECT_EQ(page.status, 403) << who;
    EXPECT_EQ(page.body.find("127.0.0.1"), std::string::npos) << who;
    auto changed = fields(session, 25);
    changed["smtp_host"] = "evil.example";
    EXPECT_EQ(post("/newsroom/newsletter/settings", changed, &session).status, 403) << who;
    EXPECT_EQ(post("/newsroom/newsletter/test",
                   {{"csrf", session.csrf}, {"test_to", "essai@example.fr"}}, &session)
                  .status,
              403)
        << who;
  }
  EXPECT_EQ(get("/newsroom/newsletter", &admin).status, 200);
  EXPECT_EQ(stored_settings(), before);
  EXPECT_TRUE(sink.messages().empty());
}

}  // namespace
}  // namespace gazette::testing
