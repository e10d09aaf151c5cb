// `gazette live post` reads an entry's Markdown from standard input and prints its id;
// `gazette live end` ends the coverage. A refusal is one line on stderr and exit status 1.
#include "app/live_command.h"

#include <cstdio>
#include <iostream>
#include <iterator>

#include "app/backend.h"

namespace gazette::app {

struct LiveCommand::Options {
  CLI::App* post = nullptr;
  CLI::App* end = nullptr;
  std::string article_path;
  bool key_event = false;
  std::string author_email;
};

LiveCommand::LiveCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db)
    : options_(std::make_unique<Options>()) {
  command_ = cli.add_subcommand("live", "Live coverage (« En direct ») of a published article");
  command_->require_subcommand(1);
  auto& options = *options_;
  options.post = command_->add_subcommand(
      "post", "Post an entry (Markdown from standard input); starts the coverage if needed");
  options.post->add_option("article", options.article_path, "The article's path: /section/slug/")
      ->required();
  options.post->add_flag("--key", options.key_event, "A key event (summarised on top)");
  options.post->add_option("--author", options.author_email,
                           "Sign as this newsroom account (an author posts to their own "
                           "coverage only); default: the article's author");
  add_db(options.post);
  options.end = command_->add_subcommand("end", "End the coverage (« Fin du direct »)");
  options.end->add_option("article", options.article_path, "The article's path: /section/slug/")
      ->required();
  add_db(options.end);
}

LiveCommand::~LiveCommand() = default;

bool LiveCommand::chosen() const {
  return command_->parsed();
}

int LiveCommand::run(const std::string& db) {
  const auto& options = *options_;
  Backend backend(db);
  publishing::LiveWriter writer;
  if (!options.author_email.empty()) {
    auto account = backend.account_store.find_credentials(options.author_email);
    if (!account) {
      std::fprintf(stderr, "gazette live: no newsroom account %s\n", options.author_email.c_str());
      return 1;
    }
    writer = account->user;
  }
  if (*options.end) {
    if (auto refused = backend.live.end(options.article_path, writer)) {
      std::fprintf(stderr, "gazette live end: %s\n",
                   std::string(publishing::describe(*refused)).c_str());
      return 1;
    }
    std::printf("ended\n");
    return 0;
  }
  publishing::LiveDraft draft;
  draft.markdown.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  draft.key_event = options.key_event;
  auto posted = backend.live.post(options.article_path, writer, draft);
  if (auto* refused = std::get_if<publishing::LiveRefusal>(&posted)) {
    std::fprintf(stderr, "gazette live post: %s\n",
                 std::string(publishing::describe(*refused)).c_str());
    return 1;
  }
  std::printf("%lld\n", static_cast<long long>(std::get<content::LiveEntryId>(posted).value));
  return 0;
}

}  // namespace gazette::app
