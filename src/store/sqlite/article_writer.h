// The one writer of an article row in SQLite: the INSERT or UPDATE of its shared fields
// (content::ArticleFields), its categories and tags, its photo and its pin — what `gazette
// publish` and the demo (SqliteStore), the newsroom's editor (SqliteEditorialStore) and a
// WordPress import (SqliteWxrImportStore) each save, inside their caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "content/article_writes.h"
#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

/// An article as the writer stores it: the shared fields and what they refer to, resolved.
struct ArticleRecord {
  const content::ArticleFields& fields;
  std::int64_t author_id = 0;
  std::int64_t section_id = 0;
  std::optional<std::int64_t> image_id;
  const std::vector<content::Term>& categories;  // in their order; created when missing
  const std::vector<content::Term>& tags;
  /// The newsroom's version counter; nullopt leaves it to the trigger of migrations/0003, which
  /// bumps it when the content changed.
  std::optional<std::int64_t> version;
};

/// Whether write_article reads where the article appears before and after (what
/// ArticleChanged announces); a bulk import, announcing nothing per article, skips it.
enum class Placements { read, skip };

struct WrittenArticle {
  std::int64_t id = 0;
  bool created = false;
  std::optional<content::ArticlePlacement> before;
  std::optional<content::ArticlePlacement> after;
};

/// Inserts the article (`existing` nullopt) or updates row `existing`, slug included; files it
/// under its categories and tags, in their order; pins or unpins it when `fields.pinned` says.
/// With Placements::read, where it appears at `now` before and after the write.
WrittenArticle write_article(Connection& connection, std::optional<std::int64_t> existing,
                             const ArticleRecord& article, content::Timestamp now,
                             Placements placements = Placements::read);

/// What the write did, as the stores return it (placements read).
content::SavedArticle saved_article(WrittenArticle written);

}  // namespace gazette::store::sqlite
