// The server's life: it creates and migrates a new database, keeps what it served across a
// restart, stops cleanly on SIGTERM even with idle keep-alive connections open, and serves on
// one thread per CPU it may use.
#include <sched.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <fstream>
#include <sstream>

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

// What the server said on standard error when started through `prefix` (a shell command line
// ending where the server's arguments begin), once stopped.
std::string server_log(const std::string& db, const std::string& log, const std::string& prefix) {
  {
    ServerProcess server(db, {}, {"/bin/sh", "-c", prefix + " \"$@\" 2>>" + log, "sh"});
    EXPECT_EQ(http_request(server.host(), server.port(), "GET", "/").status, 200);
    EXPECT_EQ(server.stop(), 0);
  }
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ServerLifecycle, ServesOnOneThreadPerCpuItMayUse) {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  TempDir dir;
  auto db = dir.file("t.db");
  // As many as this test may use (the server inherits its affinity)…
  auto all = server_log(db, dir.file("all.log"), "exec");
  EXPECT_NE(all.find("serving on " + std::to_string(CPU_COUNT(&allowed)) + " thread(s)"),
            std::string::npos)
      << all;
  // …and one when it may use one CPU only, as in a container given one (`taskset` here).
  auto first_cpu = 0;
  while (!CPU_ISSET(first_cpu, &allowed)) ++first_cpu;
  auto one = server_log(db, dir.file("one.log"), "exec taskset -c " + std::to_string(first_cpu));
  EXPECT_NE(one.find("serving on 1 thread(s)"), std::string::npos) << one;
}

}  // namespace
}  // namespace gazette::testing
