// Webhooks on the real binary, on each backend, with a real receiver (webhook_receiver.py, the
// Python standard library's HTTP server): an admin registers it in the newsroom; a publication
// made by another process (`gazette publish`) reaches it signed, and a 500 is retried until it
// answers; the newsroom's log shows each delivery and what the receiver said; a receiver that
// hangs holds up no write; addresses on loopback or private networks are refused unless the
// admin allows them, and only admins reach the page; an admin sends a delivery again and gives a
// webhook a new secret, which signs what follows.
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "eventually.h"
#include "newsroom_client.h"
#include "published_site.h"
#include "python_helper.h"

namespace gazette::testing {
namespace {

namespace fs = std::filesystem;

/// The receiver (webhook_receiver.py), in its own process, stopped by the guard.
class WebhookReceiver {
 public:
  explicit WebhookReceiver(fs::path folder)
      : folder_(std::move(folder)),
        server_("webhook_receiver.py", folder_, "the webhook receiver did not start") {}
  ~WebhookReceiver() { release(); }  // a held request would keep the receiver from stopping

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server_.port()) + "/hook"; }
  /// The next `count` requests are answered 500.
  void fail_next(int count) const { std::ofstream(folder_ / "fail") << count; }
  /// Requests wait unanswered until release().
  void hold() const { std::ofstream(folder_ / "hold") << 1; }
  void release() const { fs::remove(folder_ / "hold"); }

  /// Every request received so far, oldest first.
  std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> found;
    std::ifstream log(folder_ / "requests.jsonl");
    std::string line;
    while (std::getline(log, line))
      if (!line.empty()) found.push_back(nlohmann::json::parse(line));
    return found;
  }
  std::vector<nlohmann::json> wait_for(std::size_t count) const {
    EXPECT_TRUE(eventually([&] { return requests().size() >= count; }))
        << "only " << requests().size() << " requests arrived";
    return requests();
  }

 private:
  fs::path folder_;
  PythonHelper server_;
};

/// What a receiver computes to check a delivery: "sha256=" and the hex HMAC-SHA-256 of
/// "TIMESTAMP.BODY" keyed with the secret.
std::string expected_signature(const std::string& secret, const std::string& timestamp,
                               const std::string& body) {
  auto message = timestamp + "." + body;
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

constexpr const char* kAdmin = "admin@test.example";
const std::vector<std::string> kEvents = {"article.published", "article.updated",
                                          "article.unpublished", "comment.approved",
                                          "live.entry_posted"};

class Webhooks : public PublishedSiteOnEachBackend {
 protected:
  void SetUp() override {
    PublishedSiteOnEachBackend::SetUp();
    receiver_ = std::make_unique<WebhookReceiver>(dir().path() / "receiver");
  }

  HttpResponse newsroom_get(const std::string& target, const std::string& cookie) {
    return get(target, {{"Cookie", cookie}});
  }
  /// Posts `fields` with the page's CSRF token, as the browser would.
  HttpResponse newsroom_post(const std::string& target, std::map<std::string, std::string> fields,
                             const std::string& cookie) {
    fields["csrf"] = form_value(newsroom_get("/newsroom/webhooks", cookie).body, "csrf");
    return http_request(server().host(), server().port(), "POST", target,
                        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}},
                        form_encode(fields));
  }
  HttpResponse add_webhook(const std::string& url, const std::string& cookie,
                           const std::vector<std::string>& events = kEvents) {
    std::map<std::string, std::string> fields{{"url", url}};
    for (const auto& event : events) fields["event_" + event] = "1";
    return newsroom_post("/newsroom/webhooks", fields, cookie);
  }
  void allow_private_networks(const std::string& cookie) {
    auto allowed =
        newsroom_post("/newsroom/webhooks/private-networks", {{"allowed", "1"}}, cookie);
    ASSERT_EQ(allowed.status, 303) << allowed.body.substr(0, 1000);
  }
  /// The secret the newsroom shows for the only webhook.
  std::string secret(const std::string& cookie) {
    std::smatch match;
    auto page = newsroom_get("/newsroom/webhooks", cookie).body;
    EXPECT_TRUE(std::regex_search(page, match, std::regex(R"re(value="([0-9a-f]{64})")re")));
    return match.empty() ? "" : match[1].str();
  }
  /// Publishes (again) the article of slug `name`.
  std::string published(const std::string& name, const std::string& title) {
    return publish(name, "title: " + title + "\nslug: " + name +
                             "\nsection: Actualité\nauthor: Agence");
  }

  std::unique_ptr<WebhookReceiver> receiver_;
};

TEST_P(Webhooks, APublicationReachesTheReceiverSignedAndAFailureIsRetriedUntilItAnswers) {
  auto admin = signed_in_cookie(kAdmin);
  ASSERT_EQ(newsroom_get("/newsroom/webhooks", admin).status, 200);
  allow_private_networks(admin);  // the receiver is on loopback
  auto added = add_webhook(receiver_->url(), admin);
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  auto key = secret(admin);
  ASSERT_EQ(key.size(), 64u);

  // Published by another process: the server's sender finds the delivery in the database.
  receiver_->fail_next(1);
  auto path = published("port", "Le port de Marseille rouvre");
  auto requests = receiver_->wait_for(2);
  ASSERT_GE(requests.size(), 2u);
  const auto& first = requests[0];
  const auto& retry = requests[1];
  EXPECT_EQ(first["path"], "/hook");
  EXPECT_EQ(first["headers"]["x-gazette-event"], "article.published");
  EXPECT_EQ(first["headers"]["content-type"], "application/json");
  // The same delivery, the same bytes, posted again after the 500.
  EXPECT_EQ(retry["headers"]["x-gazette-delivery"], first["headers"]["x-gazette-delivery"]);
  EXPECT_EQ(retry["body"], first["body"]);
  for (const auto& request : {first, retry}) {
    auto timestamp = request["headers"]["x-gazette-timestamp"].get<std::string>();
    EXPECT_EQ(request["headers"]["x-gazette-signature"],
              expected_signature(key, timestamp, request["body"].get<std::string>()));
    // Signed with another secret, or for another body, it would not check.
    EXPECT_NE(request["headers"]["x-gazette-signature"],
              expected_signature(key + "0", timestamp, request["body"].get<std::string>()));
  }
  auto body = nlohmann::json::parse(first["body"].get<std::string>());
  EXPECT_EQ(body["event"], "article.published");
  EXPECT_EQ(body["article"]["path"], path);
  EXPECT_EQ(body["article"]["api"].get<std::string>().rfind("/api/v1/articles/actualite/", 0), 0u);
  auto api = get(body["article"]["api"].get<std::string>());
  EXPECT_EQ(api.status, 200);
  EXPECT_NE(api.body.find("Le port de Marseille rouvre"), std::string::npos);

  // The log: delivered, after two attempts.
  EXPECT_TRUE(eventually([&] {
    auto page = newsroom_get("/newsroom/webhooks", admin).body;
    return page.find("Remis") != std::string::npos;
  }));

  // An update while the receiver fails: the log shows its answer (escaped) and the delivery
  // waits for a retry; once the receiver is back, it is delivered.
  receiver_->fail_next(1000);
  published("port", "Le port de Marseille rouvre enfin");
  std::string page;
  EXPECT_TRUE(eventually([&] {
    page = newsroom_get("/newsroom/webhooks", admin).body;
    return page.find("En attente") != std::string::npos &&
           page.find("Erreur « serveur » &lt;b&gt;") != std::string::npos;
  })) << page;
  EXPECT_EQ(page.find("Erreur « serveur » <b>"), std::string::npos);
  receiver_->fail_next(0);
  EXPECT_TRUE(eventually([&] {
    auto all = receiver_->requests();
    return !all.empty() && all.back()["headers"]["x-gazette-event"] == "article.updated" &&
           newsroom_get("/newsroom/webhooks", admin).body.find("En attente") == std::string::npos;
  }));
  auto updated = nlohmann::json::parse(receiver_->requests().back()["body"].get<std::string>());
  EXPECT_EQ(updated["event"], "article.updated");
  EXPECT_EQ(updated["article"]["path"], path);
}

TEST_P(Webhooks, AReceiverThatHangsHoldsUpNoWrite) {
  auto admin = signed_in_cookie(kAdmin);
  allow_private_networks(admin);
  ASSERT_EQ(add_webhook(receiver_->url(), admin, {"article.published"}).status, 303);
  receiver_->hold();
  published("premier", "Premier article retenu");
  receiver_->wait_for(1);  // the sender is now waiting on the receiver's answer

  // Meanwhile the site takes writes and shows them: a setting changed in the newsroom, an
  // article published, both on the pages at once.
  change_settings({{"title", "La Gazette du port"}});
  auto path = published("second", "Second article publié");
  EXPECT_EQ(get(path).status, 200);
  auto home = get("/");
  EXPECT_NE(home.body.find("La Gazette du port"), std::string::npos);
  EXPECT_NE(home.body.find("Second article publié"), std::string::npos);
  EXPECT_EQ(receiver_->requests().size(), 1u);  // still held

  receiver_->release();
  auto requests = receiver_->wait_for(2);
  EXPECT_EQ(nlohmann::json::parse(requests[1]["body"].get<std::string>())["article"]["path"], path);
}

TEST_P(Webhooks, AddressesOnLoopbackOrPrivateNetworksAreRefusedUnlessAllowedAndOnlyAdminsManage) {
  auto admin = signed_in_cookie(kAdmin);
  for (const std::string& url :
       {receiver_->url(), std::string("http://localhost/hook"), std::string("http://[::1]/hook"),
        std::string("http://10.0.0.1/hook"), std::string("http://192.168.1.20/hook"),
        std::string("http://169.254.169.254/latest/meta-data/"), std::string("ftp://example.fr/"),
        std::string("javascript:alert(1)"), std::string("http://user:pw@example.fr/"),
        std::string("http://example.fr/\"><script>alert(1)</script>")}) {
    auto refused = add_webhook(url, admin);
    EXPECT_EQ(refused.status, 422) << url;
    EXPECT_EQ(refused.body.find("<script>alert(1)"), std::string::npos);
  }
  auto private_refusal = add_webhook(receiver_->url(), admin);
  EXPECT_NE(private_refusal.body.find("réseau privé"), std::string::npos);
  EXPECT_EQ(add_webhook(receiver_->url(), admin, {}).status, 422);  // no event chosen
  auto unknown = newsroom_post("/newsroom/webhooks",
                               {{"url", receiver_->url()}, {"event_article.deleted", "1"}}, admin);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(newsroom_get("/newsroom/webhooks", admin).body.find("/remove\""), std::string::npos)
      << "nothing was added";
  published("rien", "Rien ne part");
  EXPECT_TRUE(receiver_->requests().empty());

  // Editors, authors and contributors never reach the page nor its forms.
  for (const std::string role : {"editor", "author", "contributor"}) {
    auto cookie = signed_in_cookie(role + "@test.example", role);
    EXPECT_EQ(newsroom_get("/newsroom/webhooks", cookie).status, 403) << role;
    EXPECT_EQ(http_request(server().host(), server().port(), "POST",
                           "/newsroom/webhooks/private-networks",
                           {{"Content-Type", "application/x-www-form-urlencoded"},
                            {"Cookie", cookie}},
                           form_encode({{"allowed", "1"}}))
                  .status,
              403)
        << role;
  }

  // Allowed, then removed: nothing more is posted.
  allow_private_networks(admin);
  ASSERT_EQ(add_webhook(receiver_->url(), admin).status, 303);
  auto page = newsroom_get("/newsroom/webhooks", admin).body;
  std::smatch remove;
  ASSERT_TRUE(std::regex_search(page, remove, std::regex(R"re(action="(/newsroom/webhooks/\d+/remove)")re")));
  EXPECT_EQ(newsroom_post(remove[1].str(), {}, admin).status, 303);
  EXPECT_EQ(newsroom_post(remove[1].str(), {}, admin).status, 404);
  published("apres", "Après la suppression");
  EXPECT_TRUE(receiver_->requests().empty());
}

TEST_P(Webhooks, AnAdminSendsADeliveryAgainAndGivesAWebhookANewSecret) {
  auto admin = signed_in_cookie(kAdmin);
  allow_private_networks(admin);
  ASSERT_EQ(add_webhook(receiver_->url(), admin, {"article.published"}).status, 303);
  const auto old_key = secret(admin);
  published("port", "Le port de Marseille rouvre");
  ASSERT_EQ(receiver_->wait_for(1).size(), 1u);

  // Delivered: the log offers to send it again (a receiver lost it), and the receiver gets the
  // same delivery, the same bytes.
  std::string page;
  ASSERT_TRUE(eventually([&] {
    page = newsroom_get("/newsroom/webhooks", admin).body;
    return page.find("Remis") != std::string::npos;
  })) << page;
  std::smatch again;
  ASSERT_TRUE(std::regex_search(
      page, again, std::regex(R"re(action="(/newsroom/webhooks/deliveries/(\d+)/send-again)")re")));
  const auto send_again = again[1].str();
  EXPECT_EQ(again[2].str(), receiver_->requests()[0]["headers"]["x-gazette-delivery"]);
  EXPECT_EQ(newsroom_post(send_again, {}, admin).status, 303);
  auto twice = receiver_->wait_for(2);
  ASSERT_EQ(twice.size(), 2u);
  EXPECT_EQ(twice[1]["headers"]["x-gazette-delivery"], twice[0]["headers"]["x-gazette-delivery"]);
  EXPECT_EQ(twice[1]["body"], twice[0]["body"]);

  // A new secret: shown at once, and the next delivery is signed with it, not the old one.
  page = newsroom_get("/newsroom/webhooks", admin).body;
  std::smatch rotate;
  ASSERT_TRUE(std::regex_search(page, rotate,
                                std::regex(R"re(action="(/newsroom/webhooks/\d+/secret)")re")));
  const auto new_secret = rotate[1].str();
  EXPECT_EQ(newsroom_post(new_secret, {}, admin).status, 303);
  const auto new_key = secret(admin);
  ASSERT_EQ(new_key.size(), 64u);
  EXPECT_NE(new_key, old_key);
  published("plages", "Les plages rouvrent");
  auto three = receiver_->wait_for(3);
  ASSERT_EQ(three.size(), 3u);
  const auto timestamp = three[2]["headers"]["x-gazette-timestamp"].get<std::string>();
  const auto body = three[2]["body"].get<std::string>();
  EXPECT_EQ(three[2]["headers"]["x-gazette-signature"],
            expected_signature(new_key, timestamp, body));
  EXPECT_NE(three[2]["headers"]["x-gazette-signature"],
            expected_signature(old_key, timestamp, body));

  // Nothing to act on is a 404; an editor is refused both (403); nothing more is posted.
  EXPECT_EQ(newsroom_post("/newsroom/webhooks/deliveries/999999/send-again", {}, admin).status,
            404);
  EXPECT_EQ(newsroom_post("/newsroom/webhooks/999999/secret", {}, admin).status, 404);
  auto editor = signed_in_cookie("editor@test.example", "editor");
  for (const auto& target : {send_again, new_secret}) {
    EXPECT_EQ(
        http_request(server().host(), server().port(), "POST", target,
                     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", editor}},
                     form_encode({{"confirm", "1"}}))
            .status,
        403)
        << target;
  }
  EXPECT_EQ(secret(admin), new_key);
  EXPECT_EQ(receiver_->requests().size(), 3u);
}

GAZETTE_ON_EACH_BACKEND(Webhooks);

}  // namespace
}  // namespace gazette::testing
