// PostgresLiveStore (see postgres_live_store.h).
#include "store/postgres/postgres_live_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

constexpr std::string_view kEntryColumns =
    "SELECT e.id, e.article_id, e.body_markdown, e.body_html, m.name, m.mime_type, m.width,"
    " m.height, e.image_caption, e.image_credit, e.image_alt, au.slug, au.name, e.key_event,"
    " e.pinned, e.created_at, e.edited_at, e.deleted_at"
    " FROM live_entries e JOIN authors au ON au.id = e.author_id"
    " LEFT JOIN media m ON m.id = e.image_id";

std::optional<content::Timestamp> optional_time(const Result& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return from_unix(rows.integer(row, column));
}

std::vector<content::LiveEntry> read_entries(Connection& connection, const Result& rows) {
  std::vector<content::LiveEntry> list;
  for (int row = 0; row < rows.rows(); ++row) {
    content::LiveEntry entry;
    entry.id = content::LiveEntryId{rows.integer(row, 0)};
    entry.article = content::ArticleId{rows.integer(row, 1)};
    entry.body_markdown = rows.text(row, 2);
    entry.body_html = rows.text(row, 3);
    if (!rows.is_null(row, 4)) {
      entry.photo = content::LivePhoto{{rows.text(row, 4),
                                        rows.text(row, 5),
                                        static_cast<int>(rows.integer(row, 6)),
                                        static_cast<int>(rows.integer(row, 7)),
                                        {}},
                                       rows.text(row, 8),
                                       rows.text(row, 9),
                                       rows.text(row, 10)};
      attach_variants(connection, entry.photo->image);
    }
    entry.author = {rows.text(row, 11), rows.text(row, 12)};
    entry.key_event = is_true(rows, row, 13);
    entry.pinned = is_true(rows, row, 14);
    entry.created_at = from_unix(rows.integer(row, 15));
    entry.edited_at = optional_time(rows, row, 16);
    entry.deleted_at = optional_time(rows, row, 17);
    list.push_back(std::move(entry));
  }
  return list;
}

// The photo's media id: nullopt inside when the entry has no photo; false when it names none.
bool photo_id(Connection& connection, const content::LiveEntryText& text,
              std::optional<std::int64_t>& id) {
  id.reset();
  if (!text.photo) return true;
  auto found = connection.query("SELECT id FROM media WHERE name = $1",
                                Params().add(text.photo->media_name));
  if (found.rows() == 0) return false;
  id = found.integer(0, 0);
  return true;
}

std::string_view photo_field(const content::LiveEntryText& text,
                             std::string content::LivePhotoChoice::*field) {
  return text.photo ? std::string_view((*text.photo).*field) : std::string_view("");
}

}  // namespace

std::optional<content::LiveCoverage> PostgresLiveStore::coverage(content::ArticleId article) {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT started_at, ended_at FROM live_coverage WHERE article_id = $1",
                        Params().add(article.value));
  if (rows.rows() == 0) return std::nullopt;
  return content::LiveCoverage{article, from_unix(rows.integer(0, 0)), optional_time(rows, 0, 1)};
}

void PostgresLiveStore::start_coverage(WriteTransaction& write, content::ArticleId article,
                                       content::Timestamp now) {
  connection_of(write, database_)
      .query(
          "INSERT INTO live_coverage (article_id, started_at) VALUES ($1, $2)"
          " ON CONFLICT (article_id) DO NOTHING",
          Params().add(article.value).add(to_unix(now)));
}

bool PostgresLiveStore::end_coverage(WriteTransaction& write, content::ArticleId article,
                                     content::Timestamp now) {
  auto changed = connection_of(write, database_)
                     .query(
                         "UPDATE live_coverage SET ended_at = $1"
                         " WHERE article_id = $2 AND ended_at IS NULL",
                         Params().add(to_unix(now)).add(article.value));
  return changed.affected() > 0;
}

std::optional<content::LiveEntryId> PostgresLiveStore::add_entry(WriteTransaction& write,
                                                                 content::ArticleId article,
                                                                 std::string_view author_slug,
                                                                 const content::LiveEntryText& text,
                                                                 content::Timestamp now) {
  Connection& connection = connection_of(write, database_);
  std::optional<std::int64_t> image;
  if (!photo_id(connection, text, image)) return std::nullopt;
  auto author =
      connection.query("SELECT id FROM authors WHERE slug = $1", Params().add(author_slug));
  if (author.rows() == 0) return std::nullopt;
  auto inserted = connection.query(
      "INSERT INTO live_entries (article_id, author_id, body_markdown, body_html, image_id,"
      " image_caption, image_credit, image_alt, key_event, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      Params()
          .add(article.value)
          .add(author.integer(0, 0))
          .add(text.body_markdown)
          .add(text.body_html)
          .add(image)
          .add(photo_field(text, &content::LivePhotoChoice::caption))
          .add(photo_field(text, &content::LivePhotoChoice::credit))
          .add(photo_field(text, &content::LivePhotoChoice::alt))
          .add(text.key_event ? "true" : "false")
          .add(to_unix(now)));
  return content::LiveEntryId{inserted.integer(0, 0)};
}

bool PostgresLiveStore::edit_entry(WriteTransaction& write, content::LiveEntryId id,
                                   const content::LiveEntryText& text, content::Timestamp now) {
  Connection& connection = connection_of(write, database_);
  std::optional<std::int64_t> image;
  if (!photo_id(connection, text, image)) return false;
  auto changed = connection.query(
      "UPDATE live_entries SET body_markdown = $1, body_html = $2, image_id = $3,"
      " image_caption = $4, image_credit = $5, image_alt = $6, key_event = $7, edited_at = $8"
      " WHERE id = $9 AND deleted_at IS NULL",
      Params()
          .add(text.body_markdown)
          .add(text.body_html)
          .add(image)
          .add(photo_field(text, &content::LivePhotoChoice::caption))
          .add(photo_field(text, &content::LivePhotoChoice::credit))
          .add(photo_field(text, &content::LivePhotoChoice::alt))
          .add(text.key_event ? "true" : "false")
          .add(to_unix(now))
          .add(id.value));
  return changed.affected() > 0;
}

bool PostgresLiveStore::delete_entry(WriteTransaction& write, content::LiveEntryId id,
                                     content::Timestamp now) {
  auto changed = connection_of(write, database_)
                     .query(
                         "UPDATE live_entries SET deleted_at = $1, pinned = false"
                         " WHERE id = $2 AND deleted_at IS NULL",
                         Params().add(to_unix(now)).add(id.value));
  return changed.affected() > 0;
}

void PostgresLiveStore::pin_entry(WriteTransaction& write, content::ArticleId article,
                                  std::optional<content::LiveEntryId> id) {
  connection_of(write, database_)
      .query("UPDATE live_entries SET pinned = (id = $1) WHERE article_id = $2",
             Params().add(id ? id->value : std::int64_t{0}).add(article.value));
}

std::optional<content::LiveEntry> PostgresLiveStore::find_entry(content::LiveEntryId id) {
  auto connection = database_.read();
  auto rows =
      connection->query(std::string(kEntryColumns) + " WHERE e.id = $1", Params().add(id.value));
  auto list = read_entries(*connection, rows);
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

std::vector<content::LiveEntry> PostgresLiveStore::entries(content::ArticleId article,
                                                           std::size_t limit) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kEntryColumns) +
                                    " WHERE e.article_id = $1 AND e.deleted_at IS NULL"
                                    " ORDER BY e.created_at DESC, e.id DESC LIMIT $2",
                                Params().add(article.value).add(static_cast<std::int64_t>(limit)));
  return read_entries(*connection, rows);
}

std::vector<content::LiveCard> PostgresLiveStore::cards(
    const std::vector<content::ArticleId>& articles) {
  std::vector<content::LiveCard> list;
  if (articles.empty()) return list;
  auto connection = database_.read();
  for (auto id : articles) {
    auto rows = connection->query(
        "SELECT c.ended_at IS NULL,"
        " (SELECT MAX(e.created_at) FROM live_entries e"
        "   WHERE e.article_id = c.article_id AND e.deleted_at IS NULL)"
        " FROM live_coverage c WHERE c.article_id = $1",
        Params().add(id.value));
    if (rows.rows() > 0) list.push_back({id, is_true(rows, 0, 0), optional_time(rows, 0, 1)});
  }
  return list;
}

}  // namespace gazette::store::postgres
