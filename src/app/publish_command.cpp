// `gazette publish FILE.md`: one article from a Markdown file into the database.
#include <cstdio>

#include "app/backend.h"
#include "app/commands.h"
#include "transfer/article_publisher.h"

namespace gazette::app {

int publish(const PublishOptions& options) {
  Backend backend(options.db);
  auto result = transfer::publish_article_file(options.file, backend.articles, backend.clock.now());
  if (auto* error = std::get_if<transfer::PublishError>(&result)) {
    std::fprintf(stderr, "gazette publish: %s\n", error->message.c_str());
    return 1;
  }
  const auto& saved = std::get<content::SavedArticle>(result);
  std::printf("%s article %lld\n", saved.created ? "created" : "updated",
              static_cast<long long>(saved.id.value));
  // The last line is the article's path, for scripts.
  std::printf("/%s/%s/\n", saved.section_slug.c_str(), saved.slug.c_str());
  return 0;
}

}  // namespace gazette::app
