// SqliteLiveStore (see sqlite_live_store.h and live_store.h).
#include "store/sqlite/sqlite_live_store.h"

#include "store/sqlite/media_variants.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

constexpr std::string_view kEntryColumns =
    "SELECT e.id, e.article_id, e.body_markdown, e.body_html, m.name, m.mime_type, m.width,"
    " m.height, e.image_caption, e.image_credit, e.image_alt, au.slug, au.name, e.key_event,"
    " e.pinned, e.created_at, e.edited_at, e.deleted_at"
    " FROM live_entries e JOIN authors au ON au.id = e.author_id"
    " LEFT JOIN media m ON m.id = e.image_id";

std::optional<content::Timestamp> optional_time(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return from_unix(row.column_int(column));
}

content::LiveEntry read_entry(const Statement& row) {
  content::LiveEntry entry;
  entry.id = content::LiveEntryId{row.column_int(0)};
  entry.article = content::ArticleId{row.column_int(1)};
  entry.body_markdown = row.column_text(2);
  entry.body_html = row.column_text(3);
  if (!row.column_is_null(4)) {
    entry.photo = content::LivePhoto{{row.column_text(4),
                                      row.column_text(5),
                                      static_cast<int>(row.column_int(6)),
                                      static_cast<int>(row.column_int(7)),
                                      {}},
                                     row.column_text(8),
                                     row.column_text(9),
                                     row.column_text(10)};
  }
  entry.author = {row.column_text(11), row.column_text(12)};
  entry.key_event = row.column_int(13) != 0;
  entry.pinned = row.column_int(14) != 0;
  entry.created_at = from_unix(row.column_int(15));
  entry.edited_at = optional_time(row, 16);
  entry.deleted_at = optional_time(row, 17);
  return entry;
}

// The id of the media row named `name`, when there is one.
std::optional<std::int64_t> media_id(Connection& connection, std::string_view name) {
  auto statement = connection.prepare("SELECT id FROM media WHERE name = ?");
  statement.bind(1, name);
  if (!statement.step()) return std::nullopt;
  return statement.column_int(0);
}

// The photo's media id: nullopt inside when the entry has no photo; false when it names none.
bool photo_id(Connection& connection, const content::LiveEntryText& text,
              std::optional<std::int64_t>& id) {
  id.reset();
  if (!text.photo) return true;
  id = media_id(connection, text.photo->media_name);
  return id.has_value();
}

void add_variants(Connection& connection, std::vector<content::LiveEntry>& entries) {
  for (auto& entry : entries)
    if (entry.photo) attach_variants(connection, entry.photo->image);
}

}  // namespace

std::optional<content::LiveCoverage> SqliteLiveStore::coverage(content::ArticleId article) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT started_at, ended_at FROM live_coverage WHERE article_id = ?");
  statement.bind(1, article.value);
  if (!statement.step()) return std::nullopt;
  return content::LiveCoverage{article, from_unix(statement.column_int(0)),
                               optional_time(statement, 1)};
}

void SqliteLiveStore::start_coverage(WriteTransaction& write, content::ArticleId article,
                                     content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("INSERT OR IGNORE INTO live_coverage (article_id, started_at) VALUES (?, ?)")
      .bind(1, article.value)
      .bind(2, to_unix(now))
      .run();
}

bool SqliteLiveStore::end_coverage(WriteTransaction& write, content::ArticleId article,
                                   content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE live_coverage SET ended_at = ? WHERE article_id = ? AND ended_at IS NULL")
      .bind(1, to_unix(now))
      .bind(2, article.value)
      .run();
  return writer.changes() > 0;
}

std::optional<content::LiveEntryId> SqliteLiveStore::add_entry(WriteTransaction& write,
                                                               content::ArticleId article,
                                                               std::string_view author_slug,
                                                               const content::LiveEntryText& text,
                                                               content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  std::optional<std::int64_t> image;
  if (!photo_id(writer, text, image)) return std::nullopt;
  std::int64_t author_id = 0;
  {
    auto author = writer.prepare("SELECT id FROM authors WHERE slug = ?");
    author.bind(1, author_slug);
    if (!author.step()) return std::nullopt;
    author_id = author.column_int(0);
  }
  writer
      .prepare(
          "INSERT INTO live_entries (article_id, author_id, body_markdown, body_html, image_id,"
          " image_caption, image_credit, image_alt, key_event, created_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, article.value)
      .bind(2, author_id)
      .bind(3, text.body_markdown)
      .bind(4, text.body_html)
      .bind(5, image)
      .bind(6, text.photo ? std::string_view(text.photo->caption) : std::string_view(""))
      .bind(7, text.photo ? std::string_view(text.photo->credit) : std::string_view(""))
      .bind(8, text.photo ? std::string_view(text.photo->alt) : std::string_view(""))
      .bind(9, std::int64_t{text.key_event ? 1 : 0})
      .bind(10, to_unix(now))
      .run();
  return content::LiveEntryId{writer.last_insert_id()};
}

bool SqliteLiveStore::edit_entry(WriteTransaction& write, content::LiveEntryId id,
                                 const content::LiveEntryText& text, content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  std::optional<std::int64_t> image;
  if (!photo_id(writer, text, image)) return false;
  writer
      .prepare(
          "UPDATE live_entries SET body_markdown = ?, body_html = ?, image_id = ?,"
          " image_caption = ?, image_credit = ?, image_alt = ?, key_event = ?, edited_at = ?"
          " WHERE id = ? AND deleted_at IS NULL")
      .bind(1, text.body_markdown)
      .bind(2, text.body_html)
      .bind(3, image)
      .bind(4, text.photo ? std::string_view(text.photo->caption) : std::string_view(""))
      .bind(5, text.photo ? std::string_view(text.photo->credit) : std::string_view(""))
      .bind(6, text.photo ? std::string_view(text.photo->alt) : std::string_view(""))
      .bind(7, std::int64_t{text.key_event ? 1 : 0})
      .bind(8, to_unix(now))
      .bind(9, id.value)
      .run();
  return writer.changes() > 0;
}

bool SqliteLiveStore::delete_entry(WriteTransaction& write, content::LiveEntryId id,
                                   content::Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "UPDATE live_entries SET deleted_at = ?, pinned = 0 WHERE id = ? AND deleted_at IS NULL")
      .bind(1, to_unix(now))
      .bind(2, id.value)
      .run();
  return writer.changes() > 0;
}

void SqliteLiveStore::pin_entry(WriteTransaction& write, content::ArticleId article,
                                std::optional<content::LiveEntryId> id) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE live_entries SET pinned = (id = ?) WHERE article_id = ?")
      .bind(1, id ? id->value : std::int64_t{0})
      .bind(2, article.value)
      .run();
}

std::optional<content::LiveEntry> SqliteLiveStore::find_entry(content::LiveEntryId id) {
  auto connection = pool_.read();
  std::vector<content::LiveEntry> found;
  {
    auto statement = connection->prepare(std::string(kEntryColumns) + " WHERE e.id = ?");
    statement.bind(1, id.value);
    if (statement.step()) found.push_back(read_entry(statement));
  }
  if (found.empty()) return std::nullopt;
  add_variants(*connection, found);
  return std::move(found.front());
}

std::vector<content::LiveEntry> SqliteLiveStore::entries(content::ArticleId article,
                                                         std::size_t limit) {
  auto connection = pool_.read();
  std::vector<content::LiveEntry> list;
  {
    auto statement = connection->prepare(std::string(kEntryColumns) +
                                         " WHERE e.article_id = ? AND e.deleted_at IS NULL"
                                         " ORDER BY e.created_at DESC, e.id DESC LIMIT ?");
    statement.bind(1, article.value).bind(2, static_cast<std::int64_t>(limit));
    while (statement.step()) list.push_back(read_entry(statement));
  }
  add_variants(*connection, list);
  return list;
}

std::vector<content::LiveCard> SqliteLiveStore::cards(
    const std::vector<content::ArticleId>& articles) {
  std::vector<content::LiveCard> list;
  if (articles.empty()) return list;
  auto connection = pool_.read();
  for (auto id : articles) {
    auto statement = connection->prepare(
        "SELECT c.ended_at IS NULL,"
        " (SELECT MAX(e.created_at) FROM live_entries e"
        "   WHERE e.article_id = c.article_id AND e.deleted_at IS NULL)"
        " FROM live_coverage c WHERE c.article_id = ?");
    statement.bind(1, id.value);
    if (statement.step())
      list.push_back({id, statement.column_int(0) != 0, optional_time(statement, 1)});
  }
  return list;
}

}  // namespace gazette::store::sqlite
