// Publishing an article file: from a checked ArticleFile (and its image) to what the Store
// saves, with the Markdown rendered and every slug derived. `gazette publish` and the demo
// content both go through here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "content/article_writes.h"
#include "publishing/article_service.h"
#include "transfer/article_file.h"

namespace gazette::transfer {

/// An image read from disk (or made by the demo), with the name it came with.
struct ImageFile {
  std::string file_name;
  std::string bytes;
};

/// Why an article could not be published, ready to print: "FILE:LINE: field: reason".
struct PublishError {
  std::string message;
};

/// The draft the Store saves for `file`; `now` stands for a missing date and is the update time.
std::variant<content::ArticleDraft, PublishError> prepare_article(const ArticleFile& file,
                                                                  std::optional<ImageFile> image,
                                                                  content::Timestamp now);

/// Reads, checks and saves the article file at `path` (its image is relative to the file).
/// Nothing is written unless everything is valid.
std::variant<content::SavedArticle, PublishError> publish_article_file(
    const std::filesystem::path& path, publishing::ArticleService& articles,
    content::Timestamp now);

}  // namespace gazette::transfer
