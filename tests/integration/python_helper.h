// A test's helper server written in Python (tests/integration/*.py: the SMTP sink, the webhook
// receiver), run in its own process as `python3 SCRIPT FOLDER`: it prints "listening on PORT"
// once it listens, and stops when its standard input ends — which the guard's destructor does.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace gazette::testing {

class PythonHelper {
 public:
  /// Starts tests/integration/`script` on `folder` (made if missing); throws `failure` when it
  /// does not say it listens.
  PythonHelper(const std::string& script, const std::filesystem::path& folder,
               const std::string& failure) {
    std::filesystem::create_directories(folder);
    int to_child[2], from_child[2];
    // Close-on-exec: the gazette servers the test starts later must not hold the helper's
    // input open, or closing it would not stop the helper.
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0)
      throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      std::string path = std::string(GAZETTE_SOURCE_DIR) + "/tests/integration/" + script;
      execl("/usr/bin/python3", "python3", path.c_str(), folder.c_str(), nullptr);
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    stdin_ = to_child[1];
    FILE* out = fdopen(from_child[0], "r");
    char line[128] = {0};
    bool listening =
        std::fgets(line, sizeof line, out) && std::sscanf(line, "listening on %hu", &port_) == 1;
    std::fclose(out);
    if (!listening) throw std::runtime_error(failure);
  }
  ~PythonHelper() {
    close(stdin_);  // the helper stops when its input ends
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  PythonHelper(const PythonHelper&) = delete;
  PythonHelper& operator=(const PythonHelper&) = delete;

  unsigned short port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  unsigned short port_ = 0;
};

}  // namespace gazette::testing
