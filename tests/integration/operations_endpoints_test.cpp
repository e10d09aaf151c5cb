// The operator's endpoints on the real binary: /healthz, /readyz (503 once the schema is behind
// the binary), /metrics for loopback clients or the token's holders only, and the access log.
// The counters themselves are read by a real Prometheus parser in tests/e2e/metrics.test.mjs.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sqlite3.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "gazette_process.h"
#include "http_client.h"

namespace gazette::testing {
namespace {

class OperationsEndpoints : public ::testing::Test {
 protected:
  void SetUp() override {
    auto published = run_gazette({"publish", reference_article().string(), "--db", db()});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    article_ = published.last_line();
  }
  std::string db() const { return dir_.file("gazette.db"); }
  HttpResponse get(const ServerProcess& server, const std::string& target,
                   const std::map<std::string, std::string>& headers = {}) {
    return http_request(server.host(), server.port(), "GET", target, headers);
  }

  TempDir dir_;
  std::string article_;
};

// An IPv4 address of this machine that is not loopback, if it has one (a container may not).
std::optional<std::string> non_loopback_address() {
  ifaddrs* addresses = nullptr;
  if (getifaddrs(&addresses) != 0) return std::nullopt;
  std::optional<std::string> found;
  for (auto* a = addresses; a && !found; a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  freeifaddrs(addresses);
  return found;
}

TEST_F(OperationsEndpoints, HealthAndReadinessAnswerWhileTheDatabaseIsUpToDate) {
  ServerProcess server(db());
  auto health = get(server, "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "alive\n");
  EXPECT_EQ(health.header("cache-control"), "no-store");
  auto ready = get(server, "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
  EXPECT_EQ(http_request(server.host(), server.port(), "POST", "/healthz").status, 405);
}

// A database whose schema is behind the binary's (a migration forgotten, or rolled back by a
// restore of an older file behind the server's back) is not ready: 503, and it says why.
TEST_F(OperationsEndpoints, ReadinessFailsWhenAMigrationIsNotApplied) {
  ServerProcess server(db());
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db().c_str(), &handle), SQLITE_OK);
  sqlite3_busy_timeout(handle, 5000);
  ASSERT_EQ(sqlite3_exec(handle,
                         "DELETE FROM schema_migrations WHERE version = "
                         "(SELECT max(version) FROM schema_migrations)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  auto ready = get(server, "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.body, "not ready: 1 database migrations not applied\n");
  EXPECT_EQ(get(server, "/healthz").status, 200) << "alive all the same";
}

TEST_F(OperationsEndpoints, MetricsAnswerLoopbackClientsWithoutAToken) {
  ServerProcess server(db());
  auto metrics = get(server, "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics.body.find("# TYPE gazette_http_requests_total counter"), std::string::npos);
}

TEST_F(OperationsEndpoints, MetricsRefuseOtherClientsWithoutAToken) {
  auto address = non_loopback_address();
  if (!address) GTEST_SKIP() << "this machine has no address but loopback";
  ServerProcess server(db(), {"--listen", "0.0.0.0:0"});
  auto refused = http_request(*address, server.port(), "GET", "/metrics");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find("gazette_"), std::string::npos);
  EXPECT_EQ(http_request(*address, server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(http_request("127.0.0.1", server.port(), "GET", "/metrics").status, 200);
}

// With a token, every client needs it — loopback ones too: behind a reverse proxy on the same
// machine every client looks like loopback.
TEST_F(OperationsEndpoints, WithATokenMetricsNeedItFromEveryClient) {
  ServerProcess server(db(), {"--metrics-token", "s3cret-token"});
  auto none = get(server, "/metrics");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer");
  EXPECT_EQ(get(server, "/metrics", {{"Authorization", "Bearer wrong-token!"}}).status, 401);
  EXPECT_EQ(get(server, "/metrics", {{"Authorization", "Bearer s3cret"}}).status, 401);
  auto granted = get(server, "/metrics", {{"Authorization", "Bearer s3cret-token"}});
  EXPECT_EQ(granted.status, 200);
  EXPECT_NE(granted.body.find("gazette_page_cache_hits_total"), std::string::npos);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(OperationsEndpoints, TheAccessLogHasOneLinePerRequestWhenAskedFor) {
  auto log = dir_.file("stderr.log");
  // The server's standard error into a file: sh runs the rest of the command line.
  std::vector<std::string> to_log = {"/bin/sh", "-c", "exec \"$@\" 2>>" + log, "sh"};
  {
    ServerProcess server(db(), {"--access-log"}, to_log);
    EXPECT_EQ(get(server, article_).status, 200);
    EXPECT_EQ(get(server, "/no/such/page/").status, 404);
    server.stop();
  }
  auto text = read_file(log);
  EXPECT_NE(text.find(" 127.0.0.1 GET " + article_ + " 200 "), std::string::npos) << text;
  EXPECT_NE(text.find(" 127.0.0.1 GET /no/such/page/ 404 "), std::string::npos) << text;

  std::filesystem::remove(log);
  {
    ServerProcess server(db(), {}, to_log);
    EXPECT_EQ(get(server, article_).status, 200);
    server.stop();
  }
  EXPECT_EQ(read_file(log).find(" GET " + article_), std::string::npos) << "off by default";
}

// The value of the sample `name` (labels included, as the page writes them), or -1.
double sample(const std::string& page, const std::string& name) {
  auto at = page.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(page.substr(at + name.size() + 2));
}

// A hit is answered from the request's first bytes, before Beast's parser
// (http/plain_request.h): such requests are counted — by kind and status, in the latency
// histogram, as cache hits — and logged exactly as those the full parser reads.
TEST_F(OperationsEndpoints, HitsAnsweredBeforeTheParserAreCountedAndLogged) {
  auto log = dir_.file("stderr.log");
  std::vector<std::string> to_log = {"/bin/sh", "-c", "exec \"$@\" 2>>" + log, "sh"};
  std::string page;
  {
    ServerProcess server(db(), {"--access-log"}, to_log);
    auto first = get(server, article_);  // a miss: rendered, through the full parser
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(get(server, article_).status, 200);  // a hit
    EXPECT_EQ(http_request(server.host(), server.port(), "HEAD", article_).status, 200);
    EXPECT_EQ(get(server, article_, {{"If-None-Match", first.header("etag")}}).status, 304);
    page = get(server, "/metrics").body;
    server.stop();
  }
  EXPECT_EQ(sample(page, "gazette_http_requests_answered_early_total"), 3) << page;
  EXPECT_EQ(sample(page, "gazette_http_requests_total{kind=\"article\",code=\"200\"}"), 3)
      << page;
  EXPECT_EQ(sample(page, "gazette_http_requests_total{kind=\"article\",code=\"304\"}"), 1)
      << page;
  EXPECT_EQ(sample(page, "gazette_http_request_duration_seconds_count{kind=\"article\"}"), 4)
      << page;
  EXPECT_EQ(sample(page, "gazette_page_cache_hits_total"), 3) << page;
  EXPECT_EQ(sample(page, "gazette_page_cache_misses_total"), 1) << "each miss counted once";

  auto text = read_file(log);
  std::size_t lines = 0;
  for (auto at = text.find(" 127.0.0.1 GET " + article_ + " 200 "); at != std::string::npos;
       at = text.find(" 127.0.0.1 GET " + article_ + " 200 ", at + 1))
    ++lines;
  EXPECT_EQ(lines, 2u) << text;
  EXPECT_NE(text.find(" 127.0.0.1 HEAD " + article_ + " 200 "), std::string::npos) << text;
  EXPECT_NE(text.find(" 127.0.0.1 GET " + article_ + " 304 0 "), std::string::npos) << text;
}

}  // namespace
}  // namespace gazette::testing
