// The configuration file (--config FILE or GAZETTE_CONFIG) on the real binary: each setting is
// taken from the flag, else the environment, else the file, else the built-in default; a
// mistake in the file is refused with its line before anything starts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "gazette_process.h"

namespace gazette::testing {
namespace {

// An environment variable set for the test, as an operator's shell would, and unset after.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnvironment() { unsetenv(name_); }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
};

class ConfigFile : public ::testing::Test {
 protected:
  std::string write_config(const std::string& text) {
    auto path = dir_.file("gazette.conf");
    std::ofstream(path) << text;
    return path;
  }
  std::string db() const { return dir_.file("gazette.db"); }

  TempDir dir_;
};

// Several loopback addresses, one per source: the address the server reports says which won.
TEST_F(ConfigFile, ListenAddressComesFromTheFlagThenTheEnvironmentThenTheFile) {
  auto config = write_config("# where to listen\nlisten: 127.0.0.2:0\nthreads: 2\n");
  {
    ServerProcess server(db(), {"--config", config});
    EXPECT_EQ(server.host(), "127.0.0.2");
  }
  ScopedEnvironment environment("GAZETTE_LISTEN", "127.0.0.3:0");
  {
    ServerProcess server(db(), {"--config", config});
    EXPECT_EQ(server.host(), "127.0.0.3");
  }
  {
    ServerProcess server(db(), {"--config", config, "--listen", "127.0.0.4:0"});
    EXPECT_EQ(server.host(), "127.0.0.4");
  }
}

TEST_F(ConfigFile, TheFileMayBeNamedByTheEnvironmentAndSetTheDatabase) {
  auto other_db = dir_.file("from-the-file.db");
  auto config = write_config("db: " + other_db + "\n");
  ScopedEnvironment named("GAZETTE_CONFIG", config);
  auto published = run_gazette({"publish", reference_article().string()});
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_TRUE(std::filesystem::exists(other_db));
}

// The log level shows every step of the order: the command fails on a bad --listen, and its
// error line is shown or not as the level that won says.
TEST_F(ConfigFile, LogLevelComesFromTheFlagThenTheEnvironmentThenTheFileThenTheDefault) {
  auto fails = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"serve", "--db", db(), "--listen", "not-an-address"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run_gazette(args);
    EXPECT_EQ(result.exit_code, 1);
    return result.err.find("--listen: expected HOST:PORT") != std::string::npos;
  };
  EXPECT_TRUE(fails({})) << "the default, info, shows errors";
  auto config = write_config("log-level: critical\n");
  EXPECT_FALSE(fails({"--config", config})) << "the file's level hides them";
  ScopedEnvironment environment("GAZETTE_LOG_LEVEL", "error");
  EXPECT_TRUE(fails({"--config", config})) << "the environment's beats the file's";
  EXPECT_FALSE(fails({"--config", config, "--log-level", "off"})) << "the flag beats both";
}

TEST_F(ConfigFile, AMistakeIsRefusedWithItsLineBeforeAnythingStarts) {
  struct Case {
    std::string text;
    std::string expected;
  };
  for (const auto& [text, expected] : std::vector<Case>{
           {"listen: 127.0.0.1:0\nlisten-on: 127.0.0.1:0\n",
            "gazette.conf:2: unknown setting listen-on"},
           {"threads: 0\n", "gazette.conf:1: --threads: Value 0 not in range"},
           {"log-level: loud\n", "gazette.conf:1: --log-level: loud not in"},
           {"threads: [1, 2]\n", "gazette.conf:1: threads: expected one value"},
           {"db: a.db\ndb: b.db\n", "gazette.conf:2: db: set twice"},
           {"db: [unclosed\n", "gazette.conf:2:"},
       }) {
    auto config = write_config(text);
    auto result = run_gazette({"serve", "--db", db(), "--config", config});
    EXPECT_EQ(result.exit_code, 2) << text;
    EXPECT_NE(result.err.find(expected), std::string::npos) << text << " → " << result.err;
    EXPECT_FALSE(std::filesystem::exists(db())) << text << ": the database was created";
  }
  auto missing = run_gazette({"serve", "--config", dir_.file("nowhere.conf")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the configuration file"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing
