// The gazette subcommands, each a function from its options to an exit status.
#pragma once

#include <optional>
#include <string>

namespace gazette::app {

struct ServeOptions {
  std::string db;
  std::string listen;
  std::optional<std::string> theme_dir;
};

struct PublishOptions {
  std::string db;
  std::string file;
};

struct DemoOptions {
  std::string db;
  int articles = 0;  // > 0: a generated site of this many articles instead of the demo articles
};

/// Serves the site until SIGINT/SIGTERM; prints "gazette: listening on http://HOST:PORT".
int serve(const ServeOptions& options);
/// Publishes one Markdown article file; prints its URL path as the last line.
int publish(const PublishOptions& options);
/// Fills the database with demo content.
int demo(const DemoOptions& options);

}  // namespace gazette::app
