// Several `gazette serve` nodes on one PostgreSQL database, as a newsroom that outgrows one
// machine runs them: a write on one node is served fresh by the other (LISTEN/NOTIFY), a session
// made on one is valid on the other, a node killed under write load loses no acknowledged write
// and the other keeps serving, nginx in front keeps answering when a node dies, the scheduler
// moves to the node left, and a lost database connection is made again. Also: an address that
// cannot be opened is one line and a non-zero exit.
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "eventually.h"
#include "newsroom_client.h"
#include "test_database.h"

extern char** environ;

namespace gazette::testing {
namespace {

constexpr const char* kAdmin = "admin@test.example";
// Writes made through node A before it is killed (a few: each is checked afterwards).
constexpr int kWritesBeforeTheKill = 6;

bool has(const HttpResponse& response, const std::string& text) {
  return response.status == 200 && response.body.find(text) != std::string::npos;
}

HttpResponse get_at(ServerProcess& node, const std::string& target,
                    const NewsroomSession* session = nullptr) {
  std::map<std::string, std::string> headers;
  if (session) headers["Cookie"] = session->cookie;
  return http_request(node.host(), node.port(), "GET", target, headers);
}

class SeveralNodesPostgres : public NewsroomSite {
 protected:
  std::string db() const override { return database_.uri(); }

  /// `gazette publish` of an article titled `title` (another process, as a script would).
  std::string publish_file(const std::string& title) {
    auto file = dir().file("article.md");
    std::ofstream(file) << "---\ntitle: " << title << "\nsection: Actualité\n---\n\nTexte.\n";
    auto result = run_gazette({"publish", file, "--db", db()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.last_line();
  }

  /// Creates and publishes an article through `node`'s newsroom; its id, 0 if not acknowledged.
  std::int64_t publish_at(ServerProcess& node, const NewsroomSession& session,
                          const std::string& title) {
    auto response = post_at(node, "/newsroom/articles/new",
                            article_fields(session, title, "publish"), &session);
    return response.status == 303 ? article_id_of(response.header("location")) : 0;
  }

  void allow_connections(bool allowed) {
    store::postgres::Connection admin(PostgresTestDatabase::cluster_uri());
    admin.execute("ALTER DATABASE " + database_.name() + " ALLOW_CONNECTIONS " +
                  (allowed ? "true" : "false"));
    if (!allowed)
      admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
                  store::postgres::Params().add(database_.name()));
  }

  PostgresTestDatabase database_;
};

TEST_F(SeveralNodesPostgres, AWriteOnOneNodeIsServedFreshByTheOther) {
  auto& a = server();
  ServerProcess b(db());
  // B has the home page cached before the write.
  ASSERT_EQ(get_at(b, "/").status, 200);
  ASSERT_FALSE(has(get_at(b, "/"), "Écrit sur le nœud A"));
  auto admin = sign_in(kAdmin);
  ASSERT_GT(publish_at(a, admin, "Écrit sur le nœud A"), 0);
  EXPECT_TRUE(eventually([&] { return has(get_at(b, "/"), "Écrit sur le nœud A"); }));
  // And a write by `gazette publish`, a process that serves nothing, reaches both.
  auto path = publish_file("Publié en ligne de commande");
  EXPECT_TRUE(eventually([&] { return has(get_at(a, "/"), "Publié en ligne de commande"); }));
  EXPECT_TRUE(eventually([&] { return has(get_at(b, "/"), "Publié en ligne de commande"); }));
  EXPECT_EQ(get_at(b, path).status, 200);
}

TEST_F(SeveralNodesPostgres, ASessionMadeOnOneNodeIsValidOnTheOther) {
  ServerProcess b(db());
  EXPECT_EQ(get_at(b, "/newsroom/articles/").status, 303);  // no session: to the sign-in form
  auto admin = sign_in(kAdmin);                             // on node A
  auto page = get_at(b, "/newsroom/articles/", &admin);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(form_value(page.body, "csrf"), admin.csrf);
  // A write on B with the session and the form token A gave.
  EXPECT_GT(publish_at(b, admin, "Signé sur A, écrit sur B"), 0);
  // Signing out on A ends it on B too.
  EXPECT_EQ(post("/newsroom/logout", {{"csrf", admin.csrf}}, &admin).status, 303);
  EXPECT_NE(get_at(b, "/newsroom/articles/", &admin).status, 200);
}

TEST_F(SeveralNodesPostgres, SignInFailuresOnEitherNodeCountTogether) {
  ServerProcess b(db());
  for (int attempt = 0; attempt < 3; ++attempt)
    ASSERT_EQ(attempt_sign_in(kAdmin, "wrong password").status, 401) << attempt;
  for (int attempt = 0; attempt < 2; ++attempt)
    ASSERT_EQ(attempt_sign_in_at(b, kAdmin, "wrong password").status, 401) << attempt;
  EXPECT_EQ(attempt_sign_in(kAdmin, kTestPassword).status, 429);
  EXPECT_EQ(attempt_sign_in_at(b, kAdmin, kTestPassword).status, 429);
}

TEST_F(SeveralNodesPostgres, ANodeKilledUnderWriteLoadLosesNoAcknowledgedWrite) {
  auto& a = server();
  ServerProcess b(db());
  auto admin = sign_in(kAdmin);
  // Readers on B all along; a writer on A until A dies.
  std::atomic<bool> done = false;
  std::atomic<int> reads = 0, failed_reads = 0;
  std::thread reader([&] {
    while (!done) {
      try {
        (get_at(b, "/").status == 200 ? reads : failed_reads)++;
      } catch (const std::exception&) {
        ++failed_reads;
      }
    }
  });
  std::mutex mutex;
  std::vector<std::pair<std::int64_t, std::string>> acknowledged;
  std::atomic<bool> a_alive = true;
  std::thread writer([&] {
    for (int n = 0; a_alive; ++n) {
      auto title = "Sous charge numéro " + std::to_string(n);
      try {
        if (auto id = publish_at(a, admin, title)) {
          std::lock_guard lock(mutex);
          acknowledged.emplace_back(id, title);
        }
      } catch (const std::exception&) {
        // A is gone: the write was not acknowledged.
      }
    }
  });
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return acknowledged.size() >= kWritesBeforeTheKill;
  }));
  a.kill_now();
  a_alive = false;
  writer.join();
  // B keeps serving, and every write A acknowledged is there.
  auto reads_at_kill = reads.load();
  EXPECT_TRUE(eventually([&] { return reads > reads_at_kill + 10; }));
  done = true;
  reader.join();
  EXPECT_EQ(failed_reads, 0);
  for (const auto& [id, title] : acknowledged) {
    auto page = get_at(b, "/newsroom/articles/" + std::to_string(id), &admin);
    EXPECT_EQ(page.status, 200) << title;
    EXPECT_NE(page.body.find(title), std::string::npos) << title;
  }
  // The restarted node serves fresh pages: a write on B after its start shows on it.
  restart_server();
  auto& restarted = server();
  EXPECT_TRUE(has(get_at(restarted, "/"), acknowledged.back().second));
  ASSERT_EQ(get_at(restarted, "/").status, 200);  // cached now
  ASSERT_GT(publish_at(b, admin, "Après le redémarrage"), 0);
  EXPECT_TRUE(eventually([&] { return has(get_at(restarted, "/"), "Après le redémarrage"); }));
}

TEST_F(SeveralNodesPostgres, TheNodeLeftPublishesWhatTheDeadLeaderHadScheduled) {
  auto& a = server();  // started first: it holds the leader lock
  ServerProcess b(db());
  auto admin = sign_in(kAdmin);
  auto fields = article_fields(admin, "Programmé avant la panne", "schedule");
  fields["published_at"] = paris_time_in(4);
  auto response = post_at(a, "/newsroom/articles/new", fields, &admin);
  ASSERT_EQ(response.status, 303) << response.body.substr(0, 2000);
  ASSERT_EQ(get_at(b, "/").status, 200);  // cached before its time
  a.kill_now();
  EXPECT_TRUE(
      eventually([&] { return get_at(b, "/actualite/programme-avant-la-panne/").status == 200; }));
  EXPECT_TRUE(eventually([&] { return has(get_at(b, "/"), "Programmé avant la panne"); }));
}

TEST_F(SeveralNodesPostgres, ANodeThatLosesTheDatabaseSaysSoThenReconnectsAndServesFresh) {
  auto& a = server();
  ASSERT_EQ(get_at(a, "/readyz").status, 200);
  ASSERT_EQ(get_at(a, "/").status, 200);
  allow_connections(false);
  EXPECT_TRUE(eventually([&] {
    auto ready = get_at(a, "/readyz");
    return ready.status == 503 && ready.body.find("database unreachable") != std::string::npos;
  }));
  EXPECT_EQ(get_at(a, "/healthz").status, 200);  // alive, not ready: no restart wanted
  allow_connections(true);
  EXPECT_TRUE(eventually([&] { return get_at(a, "/readyz").status == 200; }));
  publish_file("Écrit après la coupure");
  EXPECT_TRUE(eventually([&] { return has(get_at(a, "/"), "Écrit après la coupure"); }));
}

// nginx on packaging/nginx-several-nodes.conf, its two addresses and its port replaced.
class NginxProcess {
 public:
  NginxProcess(const TempDir& dir, unsigned short port, const std::vector<std::string>& nodes) {
    std::ifstream file(GAZETTE_NGINX_CONF);
    std::stringstream text;
    text << file.rdbuf();
    auto site = text.str();
    site = std::regex_replace(site, std::regex("127\\.0\\.0\\.1:8081"), nodes.at(0));
    site = std::regex_replace(site, std::regex("127\\.0\\.0\\.1:8082"), nodes.at(1));
    site = std::regex_replace(site, std::regex("listen 80;"),
                              "listen 127.0.0.1:" + std::to_string(port) + ";");
    auto prefix = dir.file("nginx");
    std::filesystem::create_directories(prefix);
    // Workers run as nobody when the test runs as root.
    chmod(dir.path().c_str(), 0755);
    chmod(prefix.c_str(), 0777);
    std::ofstream(prefix + "/nginx.conf")
        << "daemon off;\nworker_processes 1;\npid " << prefix << "/nginx.pid;\nerror_log " << prefix
        << "/error.log warn;\nevents { worker_connections 256; }\nhttp {\n"
        << "access_log off;\nclient_body_temp_path " << prefix << "/body;\nproxy_temp_path "
        << prefix << "/proxy;\nfastcgi_temp_path " << prefix << "/fastcgi;\nuwsgi_temp_path "
        << prefix << "/uwsgi;\nscgi_temp_path " << prefix << "/scgi;\n"
        << site << "\n}\n";
    std::vector<std::string> args = {kNginx,       "-e", prefix + "/error.log", "-p",
                                     prefix + "/", "-c", prefix + "/nginx.conf"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
      throw std::runtime_error("cannot start nginx");
  }
  ~NginxProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  static bool installed() { return access(kNginx, X_OK) == 0; }

 private:
  static constexpr const char* kNginx = "/usr/sbin/nginx";
  pid_t pid_ = -1;
};

TEST_F(SeveralNodesPostgres, NginxKeepsServingWhenANodeDies) {
  if (!NginxProcess::installed()) GTEST_SKIP() << "nginx is not installed (scripts/install-deps)";
  auto& a = server();
  ServerProcess b(db());
  auto port = free_port();
  auto address = [](ServerProcess& node) {
    return node.host() + ":" + std::to_string(node.port());
  };
  NginxProcess nginx(dir(), port, {address(a), address(b)});
  ASSERT_TRUE(eventually([&] {
    try {
      return http_request("127.0.0.1", port, "GET", "/").status == 200;
    } catch (const std::exception&) {
      return false;
    }
  }));
  // Through nginx the reader sees the site whichever node answers, before and after A dies.
  int failures = 0;
  for (int request = 0; request < 20; ++request)
    if (http_request("127.0.0.1", port, "GET", "/").status != 200) ++failures;
  a.kill_now();
  for (int request = 0; request < 50; ++request)
    if (http_request("127.0.0.1", port, "GET", "/").status != 200) ++failures;
  EXPECT_EQ(failures, 0);
  // A write made on B is served through nginx.
  auto path = publish_file("Servi par nginx");
  EXPECT_TRUE(eventually(
      [&] { return has(http_request("127.0.0.1", port, "GET", "/"), "Servi par nginx"); }));
  EXPECT_EQ(http_request("127.0.0.1", port, "GET", path).status, 200);
}

// An address that cannot be opened: one line naming what failed, a non-zero exit, no hang.
TEST(DatabaseAddressPostgres, ARefusedOrMissingRoleOrDatabaseIsOneLine) {
  auto cluster = PostgresTestDatabase::cluster_uri();
  auto with_user = std::regex_replace(cluster, std::regex("postgres@"), "no_such_role@");
  auto with_database = std::regex_replace(cluster, std::regex("/postgres\\?"), "/no_such_db?");
  for (const auto& uri : {with_user, with_database}) {
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"serve", "--listen", "127.0.0.1:0", "--db", uri},
          std::vector<std::string>{"publish", reference_article().string(), "--db", uri},
          std::vector<std::string>{"export-wxr", "--db", uri}}) {
      auto result = run_gazette(command);
      EXPECT_NE(result.exit_code, 0) << uri;
      EXPECT_EQ(result.out, "") << uri;
      EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
      EXPECT_NE(result.err.find("PostgreSQL refused the connection"), std::string::npos)
          << result.err;
    }
  }
}

}  // namespace
}  // namespace gazette::testing
