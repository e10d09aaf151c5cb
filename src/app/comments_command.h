// `gazette comments …`: moderation and comment settings from the command line, until the
// newsroom's screens exist (and for scripts after). Registers its subcommands on the CLI.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace gazette::app {

class CommentsCommand {
 public:
  /// Adds `comments` and its subcommands to `cli`; `add_db` adds the --db option to a command.
  CommentsCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db);
  ~CommentsCommand();

  /// Whether the command line chose `gazette comments`.
  bool chosen() const;
  /// Runs the chosen subcommand on database `db`; returns the exit status.
  int run(const std::string& db);

 private:
  struct Options;
  std::unique_ptr<Options> options_;
  CLI::App* command_ = nullptr;
};

}  // namespace gazette::app
