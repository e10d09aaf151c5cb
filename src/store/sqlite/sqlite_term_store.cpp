// SqliteTermStore: the newsroom's term queries and writes in SQL (see term_store.h).
#include "store/sqlite/sqlite_term_store.h"

#include "content/line_list.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

// The tables of a kind of label. Table names cannot be bound: they come from this fixed list.
struct LabelTables {
  std::string table;        // tags | categories
  std::string links;        // article_tags | article_categories
  std::string link_column;  // tag_id | category_id
};

LabelTables tables_of(LabelKind kind) {
  if (kind == LabelKind::category) return {"categories", "article_categories", "category_id"};
  if (kind == LabelKind::tag) return {"tags", "article_tags", "tag_id"};
  throw std::invalid_argument("only tags and categories are labels");
}

std::optional<std::int64_t> label_id(Connection& connection, const LabelTables& tables,
                                     std::string_view slug) {
  auto statement = connection.prepare("SELECT id FROM " + tables.table + " WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return statement.column_int(0);
}

std::vector<content::ArticleId> articles_of(Connection& connection, const LabelTables& tables,
                                            std::int64_t id) {
  auto statement = connection.prepare("SELECT article_id FROM " + tables.links + " WHERE " +
                                      tables.link_column + " = ? ORDER BY article_id");
  statement.bind(1, id);
  std::vector<content::ArticleId> ids;
  while (statement.step()) ids.push_back(content::ArticleId{statement.column_int(0)});
  return ids;
}

}  // namespace

bool SqliteTermStore::save_section(WriteTransaction& write, std::string_view slug,
                                   std::string_view name, std::string_view description,
                                   bool create) {
  Connection& writer = writer_of(write, pool_);
  if (create) {
    {
      auto found = writer.prepare("SELECT 1 FROM sections WHERE slug = ?");
      found.bind(1, slug);
      if (found.step()) return false;
    }
    writer
        .prepare(
            "INSERT INTO sections (slug, name, description, position)"
            " VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM sections))")
        .bind(1, slug)
        .bind(2, name)
        .bind(3, description)
        .run();
  } else {
    writer.prepare("UPDATE sections SET name = ?, description = ? WHERE slug = ?")
        .bind(1, name)
        .bind(2, description)
        .bind(3, slug)
        .run();
    if (writer.changes() == 0) return false;
  }
  return true;
}

std::vector<content::Term> SqliteTermStore::categories() {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT slug, name FROM categories ORDER BY name");
  std::vector<content::Term> terms;
  while (statement.step()) terms.push_back({statement.column_text(0), statement.column_text(1)});
  return terms;
}

std::vector<content::Term> SqliteTermStore::tags_starting_with(std::string_view prefix,
                                                               std::int64_t limit) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT t.slug, t.name FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id"
      " WHERE substr(lower(t.name), 1, length(?1)) = lower(?1)"
      " GROUP BY t.id ORDER BY count(at.article_id) DESC, t.name LIMIT ?2");
  statement.bind(1, prefix).bind(2, limit);
  std::vector<content::Term> terms;
  while (statement.step()) terms.push_back({statement.column_text(0), statement.column_text(1)});
  return terms;
}

std::vector<LabelUsage> SqliteTermStore::labels(LabelKind kind) {
  auto tables = tables_of(kind);
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT l.slug, l.name, count(x.article_id) FROM " + tables.table + " l LEFT JOIN " +
      tables.links + " x ON x." + tables.link_column + " = l.id GROUP BY l.id ORDER BY l.name");
  std::vector<LabelUsage> labels;
  while (statement.step()) {
    labels.push_back(
        {{statement.column_text(0), statement.column_text(1)}, statement.column_int(2)});
  }
  return labels;
}

LabelRename SqliteTermStore::rename_label(WriteTransaction& write, LabelKind kind,
                                          std::string_view slug, std::string_view name,
                                          std::string_view new_slug) {
  auto tables = tables_of(kind);
  Connection& writer = writer_of(write, pool_);
  auto id = label_id(writer, tables, slug);
  if (!id) return LabelRename::not_found;
  auto other = label_id(writer, tables, new_slug);
  if (other && *other != *id) return LabelRename::slug_taken;
  writer.prepare("UPDATE " + tables.table + " SET name = ?, slug = ? WHERE id = ?")
      .bind(1, name)
      .bind(2, new_slug)
      .bind(3, *id)
      .run();
  return LabelRename::done;
}

std::optional<std::vector<content::ArticleId>> SqliteTermStore::merge_label(WriteTransaction& write,
                                                                            LabelKind kind,
                                                                            std::string_view from,
                                                                            std::string_view into) {
  auto tables = tables_of(kind);
  Connection& writer = writer_of(write, pool_);
  auto from_id = label_id(writer, tables, from);
  auto into_id = label_id(writer, tables, into);
  if (!from_id || !into_id || *from_id == *into_id) return std::nullopt;
  auto moved = articles_of(writer, tables, *from_id);
  // An article filed under both keeps its place under `into`.
  writer
      .prepare("INSERT OR IGNORE INTO " + tables.links + " (article_id, " + tables.link_column +
               ", position) SELECT article_id, ?1, position FROM " + tables.links + " WHERE " +
               tables.link_column + " = ?2")
      .bind(1, *into_id)
      .bind(2, *from_id)
      .run();
  writer.prepare("DELETE FROM " + tables.links + " WHERE " + tables.link_column + " = ?")
      .bind(1, *from_id)
      .run();
  if (kind == LabelKind::category) {
    writer.prepare("UPDATE categories SET parent_id = ?1 WHERE parent_id = ?2")
        .bind(1, *into_id)
        .bind(2, *from_id)
        .run();
  }
  writer.prepare("DELETE FROM " + tables.table + " WHERE id = ?").bind(1, *from_id).run();
  return moved;
}

std::optional<std::vector<content::ArticleId>> SqliteTermStore::delete_label(
    WriteTransaction& write, LabelKind kind, std::string_view slug) {
  auto tables = tables_of(kind);
  Connection& writer = writer_of(write, pool_);
  auto id = label_id(writer, tables, slug);
  if (!id) return std::nullopt;
  auto detached = articles_of(writer, tables, *id);
  writer.prepare("DELETE FROM " + tables.links + " WHERE " + tables.link_column + " = ?")
      .bind(1, *id)
      .run();
  if (kind == LabelKind::category) {
    writer.prepare("UPDATE categories SET parent_id = NULL WHERE parent_id = ?").bind(1, *id).run();
  }
  writer.prepare("DELETE FROM " + tables.table + " WHERE id = ?").bind(1, *id).run();
  return detached;
}

std::vector<content::Author> SqliteTermStore::authors() {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT id, slug, name, bio FROM authors ORDER BY name");
  std::vector<content::Author> authors;
  while (statement.step()) {
    authors.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                       statement.column_text(3)});
  }
  return authors;
}

std::optional<content::Author> SqliteTermStore::find_author_profile(std::string_view slug) {
  auto connection = pool_.read();
  return read_author(*connection, slug);
}

bool SqliteTermStore::save_author_profile(WriteTransaction& write, std::string_view slug,
                                          const AuthorProfileEdit& profile) {
  Connection& writer = writer_of(write, pool_);
  auto statement = writer.prepare(
      "UPDATE authors SET name = ?1, bio = ?2, role = ?5, links = ?6,"
      " image_id = (SELECT id FROM media WHERE name = ?3) WHERE slug = ?4");
  statement.bind(1, profile.name)
      .bind(2, profile.bio)
      .bind(4, slug)
      .bind(5, profile.role)
      .bind(6, content::join_lines(profile.links));
  if (profile.photo_name) {
    statement.bind(3, *profile.photo_name);
  } else {
    statement.bind_null(3);
  }
  statement.run();
  return writer.changes() != 0;
}

bool SqliteTermStore::create_author(WriteTransaction& write, const content::Term& author) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("INSERT INTO authors (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
      .bind(1, author.slug)
      .bind(2, author.name)
      .run();
  return writer.changes() != 0;
}

}  // namespace gazette::store::sqlite
