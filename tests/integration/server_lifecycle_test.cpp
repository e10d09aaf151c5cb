// The server's life: it creates and migrates a new database, keeps what it served across a
// restart, and stops cleanly on SIGTERM even with idle keep-alive connections open.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "published_site.h"

namespace gazette::testing {
namespace {

TEST(ServerLifecycle, CreatesAndMigratesANewDatabase) {
  TempDir dir;
  auto db = dir.file("nested/folder/new.db");
  ServerProcess server(db);
  EXPECT_EQ(http_request(server.host(), server.port(), "GET", "/").status, 200);
  EXPECT_TRUE(std::filesystem::exists(db));
  EXPECT_EQ(server.stop(), 0);
}

TEST(ServerLifecycle, ContentSurvivesARestart) {
  TempDir dir;
  auto db = dir.file("gazette.db");
  ASSERT_EQ(run_gazette({"publish", reference_article().string(), "--db", db}).exit_code, 0);
  std::string first;
  // Pages carry absolute URLs built from the Host header; each server has its own port.
  std::map<std::string, std::string> host{{"Host", "gazette.test"}};
  {
    ServerProcess server(db);
    first = http_request(server.host(), server.port(), "GET", kReferencePath, host).body;
    EXPECT_EQ(server.stop(), 0);
  }
  ServerProcess again(db);
  auto second = http_request(again.host(), again.port(), "GET", kReferencePath, host);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, first);
}

TEST(ServerLifecycle, StopsOnSigtermWithIdleConnectionsOpen) {
  TempDir dir;
  ServerProcess server(dir.file("gazette.db"));
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket idle(io);
  idle.connect({boost::asio::ip::make_address(server.host()), server.port()});
  EXPECT_EQ(server.stop(), 0);
}

TEST(ServerLifecycle, ReadsItsSettingsFromTheEnvironment) {
  TempDir dir;
  auto db = dir.file("from-env.db");
  setenv("GAZETTE_DB", db.c_str(), 1);
  auto result = run_gazette({"publish", reference_article().string()});
  unsetenv("GAZETTE_DB");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(db));
}

TEST(ServerLifecycle, RefusesABadListenAddress) {
  TempDir dir;
  auto result = run_gazette({"serve", "--db", dir.file("x.db"), "--listen", "127.0.0.1:notaport"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("--listen"), std::string::npos) << result.err;
}

TEST(ServerLifecycle, ServesWithTheThreadsItIsGivenAndRefusesNone) {
  TempDir dir;
  ASSERT_EQ(
      run_gazette({"publish", reference_article().string(), "--db", dir.file("t.db")}).exit_code,
      0);
  {
    ServerProcess server(dir.file("t.db"), {"--threads", "1"});
    EXPECT_EQ(http_request(server.host(), server.port(), "GET", "/").status, 200);
    EXPECT_EQ(server.stop(), 0);
  }
  auto refused = run_gazette({"serve", "--db", dir.file("t.db"), "--threads", "0"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("--threads"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace gazette::testing
