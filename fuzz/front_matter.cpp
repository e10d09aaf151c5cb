// Fuzz target: an article file as `gazette publish` reads it (transfer/article_file.h): the
// `---` front matter's YAML, each field's checks, dates in the site's time zone, and the body.
#include <algorithm>

#include "fuzz_input.h"
#include "site/target.h"
#include "transfer/article_file.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  auto parsed = transfer::parse_article_file(text, "Europe/Paris");
  if (auto* error = std::get_if<transfer::ArticleFileError>(&parsed)) {
    auto lines = 1 + std::count(text.begin(), text.end(), '\n');
    fuzz::require(error->line >= 1 && error->line <= lines, "an error names a line of the file");
    fuzz::require(!error->reason.empty(), "an error says why");
    return 0;
  }
  const auto& file = std::get<transfer::ArticleFile>(parsed);
  fuzz::require(!file.title.empty() && !file.section.empty(), "title and section are required");
  fuzz::require(text.ends_with(file.body_markdown), "the body is the end of the file");
  // `gazette publish` refuses an empty slug; any other must be one the reader site serves.
  fuzz::require(file.slug.empty() || site::is_slug(file.slug), "the slug is one the site serves");
  return 0;
}
