// Process helpers for integration tests: spawn, capture, wait, and a server guard.
#include "gazette_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace gazette::testing {

namespace fs = std::filesystem;

namespace {

// Generous: a loaded CI machine may be slow to start a process, never this slow.
constexpr int kStartTimeoutMs = 20000;

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

std::string read_all(int fd) {
  std::string text;
  std::array<char, 4096> buffer;
  ssize_t count;
  while ((count = read(fd, buffer.data(), buffer.size())) > 0) text.append(buffer.data(), count);
  return text;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -WTERMSIG(status);
}

}  // namespace

fs::path gazette_binary() {
  return GAZETTE_BINARY;
}
fs::path shared_fixtures() {
  return GAZETTE_SHARED_FIXTURES;
}
fs::path reference_article() {
  return shared_fixtures() / "seed" / "article.md";
}
std::string reference_photo() {
  std::ifstream in(shared_fixtures() / "seed" / "banniere-assad-damas.jpg", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string CommandResult::last_line() const {
  auto end = out.find_last_not_of("\n");
  if (end == std::string::npos) return "";
  auto start = out.rfind('\n', end);
  return out.substr(start == std::string::npos ? 0 : start + 1,
                    end - (start == std::string::npos ? 0 : start + 1) + 1);
}

CommandResult run_gazette(const std::vector<std::string>& args) {
  return run_gazette_with_input(args, std::string());
}

CommandResult run_gazette_with_input(const std::vector<std::string>& args,
                                     const std::string& input) {
  std::vector<std::string> full = {gazette_binary().string()};
  full.insert(full.end(), args.begin(), args.end());
  // stderr goes to a file so that neither pipe can fill up while we read the other.
  TempDir dir;
  auto err_path = dir.file("stderr");
  // Standard input from a file (empty by default), so a command never waits on a terminal.
  auto in_path = dir.file("stdin");
  {
    FILE* in = std::fopen(in_path.c_str(), "w");
    if (!in) throw std::runtime_error("cannot write " + in_path);
    std::fwrite(input.data(), 1, input.size(), in);
    std::fclose(in);
  }
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in_path.c_str(), O_RDONLY, 0);
  pid_t pid;
  auto argv = argv_of(full);
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    throw std::runtime_error("cannot start " + full[0]);
  }
  CommandResult result;
  result.out = read_all(out_pipe[0]);
  close(out_pipe[0]);
  result.exit_code = wait_for(pid);
  int err_fd = open(err_path.c_str(), O_RDONLY);
  result.err = read_all(err_fd);
  close(err_fd);
  return result;
}

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() /
          ("gazette-test-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(const std::string& db, std::vector<std::string> extra_args,
                             std::vector<std::string> launcher) {
  std::vector<std::string> args = std::move(launcher);
  for (const auto& arg : {gazette_binary().string(), std::string("serve"), std::string("--db"), db})
    args.push_back(arg);
  // A test that names the address or a configuration file chooses where to listen itself.
  if (std::find(extra_args.begin(), extra_args.end(), "--listen") == extra_args.end() &&
      std::find(extra_args.begin(), extra_args.end(), "--config") == extra_args.end())
    args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  auto argv = argv_of(args);
  // posix_spawnp: a launcher is found on the PATH.
  int rc = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  stdout_fd_ = out_pipe[0];
  if (rc != 0) throw std::runtime_error("cannot start gazette serve");

  // Wait for "gazette: listening on http://HOST:PORT" — no sleeps, no fixed port.
  const std::string marker = "listening on http://";
  std::string seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
  while (seen.find('\n', seen.find(marker)) == std::string::npos ||
         seen.find(marker) == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    pollfd fd{stdout_fd_, POLLIN, 0};
    if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) {
      stop();
      throw std::runtime_error("gazette serve did not start; it printed: " + seen);
    }
    char buffer[512];
    auto count = read(stdout_fd_, buffer, sizeof buffer);
    if (count <= 0) {
      int status = stop();
      throw std::runtime_error("gazette serve exited (" + std::to_string(status) +
                               ") before listening; it printed: " + seen);
    }
    seen.append(buffer, count);
  }
  auto start = seen.find(marker) + marker.size();
  auto address = seen.substr(start, seen.find('\n', start) - start);
  auto colon = address.rfind(':');
  host_ = address.substr(0, colon);
  port_ = static_cast<unsigned short>(std::stoi(address.substr(colon + 1)));
}

int ServerProcess::stop() {
  if (pid_ < 0) return 0;
  kill(pid_, SIGTERM);
  int status = wait_for(pid_);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
  return status;
}

void ServerProcess::kill_now() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  wait_for(pid_);
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
}

unsigned short free_port() {
  int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(socket_fd);
    throw std::runtime_error("no free port");
  }
  close(socket_fd);
  return ntohs(address.sin_port);
}

ServerProcess::~ServerProcess() {
  // A server that crashed or failed to stop cleanly fails the test even if every request passed.
  int status = stop();
  if (status != 0) ADD_FAILURE() << "gazette serve ended with status " << status;
}

}  // namespace gazette::testing
