// `gazette live post|end ARTICLE_PATH`: live coverage from a shell, through LiveService, on the
// database a running server reads (its change feed carries the entry to the pages and streams).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace gazette::app {

class LiveCommand {
 public:
  /// Adds `live` and its subcommands to `cli`; `add_db` adds the --db option to a command.
  LiveCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db);
  ~LiveCommand();

  /// Whether the command line chose `gazette live`.
  bool chosen() const;
  /// Runs the chosen subcommand on database `db`; returns the exit status.
  int run(const std::string& db);

 private:
  struct Options;
  std::unique_ptr<Options> options_;
  CLI::App* command_ = nullptr;
};

}  // namespace gazette::app
