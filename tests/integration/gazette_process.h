// Running the real gazette binary from tests: one-shot commands (publish, demo) and a server
// guard that starts `gazette serve` on a free port and stops it, like h2o's spawn_h2o.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace gazette::testing {

/// The built binary and the shared fixtures, as CMake passed them in.
std::filesystem::path gazette_binary();
std::filesystem::path shared_fixtures();
std::filesystem::path reference_article();
/// The bytes of the reference article's photo (a 1600-px JPEG).
std::string reference_photo();

/// What a finished command printed and how it ended.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  /// The last non-empty line of standard output.
  std::string last_line() const;
};

/// Runs `gazette ARGS…` to completion.
CommandResult run_gazette(const std::vector<std::string>& args);
/// Runs `gazette ARGS…` to completion with `input` as its standard input.
CommandResult run_gazette_with_input(const std::vector<std::string>& args,
                                     const std::string& input);

/// A temporary folder removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// `gazette serve --db DB --listen 127.0.0.1:0`, running until stop() or destruction; started
/// through `launcher` when given (e.g. {"prlimit", "--nofile=128"}: a program that runs the
/// rest of its command line in its own process). When `extra_args` has --listen or --config,
/// the test chooses the address and must make it a free port (`:0`).
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db, std::vector<std::string> extra_args = {},
                         std::vector<std::string> launcher = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& host() const { return host_; }
  unsigned short port() const { return port_; }
  /// Sends SIGTERM and waits; returns the exit status (-signal if killed by one).
  int stop();
  /// Sends SIGKILL (a crash, a machine gone) and waits for the process to be gone.
  void kill_now();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string host_;
  unsigned short port_ = 0;
};

/// A TCP port on 127.0.0.1 that nothing listens on now (for a program that cannot pick one).
unsigned short free_port();

}  // namespace gazette::testing
