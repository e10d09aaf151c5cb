// `gazette newsletter …`: the sending settings, the daily digest for cron (send-digest), the
// queue sent now (send-queue), what is queued or failed (status), and one address exported or
// erased (the reader's rights). Registers its subcommands on the CLI.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace gazette::app {

class NewsletterCommand {
 public:
  /// Adds `newsletter` and its subcommands to `cli`; `add_db` adds the --db option to a command.
  NewsletterCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db);
  ~NewsletterCommand();

  bool chosen() const;
  /// Runs the chosen subcommand on database `db`; returns the exit status.
  int run(const std::string& db);

 private:
  struct Options;
  std::unique_ptr<Options> options_;
  CLI::App* command_ = nullptr;
};

}  // namespace gazette::app
