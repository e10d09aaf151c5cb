// PostgresTermStore: the newsroom's term queries and writes in SQL (see postgres_term_store.h).
#include "store/postgres/postgres_term_store.h"

#include <stdexcept>

#include "content/line_list.h"
#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

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
  auto rows =
      connection.query("SELECT id FROM " + tables.table + " WHERE slug = $1", Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return rows.integer(0, 0);
}

std::vector<content::ArticleId> articles_of(Connection& connection, const LabelTables& tables,
                                            std::int64_t id) {
  auto rows = connection.query("SELECT article_id FROM " + tables.links + " WHERE " +
                                   tables.link_column + " = $1 ORDER BY article_id",
                               Params().add(id));
  std::vector<content::ArticleId> ids;
  for (int row = 0; row < rows.rows(); ++row)
    ids.push_back(content::ArticleId{rows.integer(row, 0)});
  return ids;
}

std::vector<content::Term> terms(const Result& rows) {
  std::vector<content::Term> terms;
  for (int row = 0; row < rows.rows(); ++row)
    terms.push_back({rows.text(row, 0), rows.text(row, 1)});
  return terms;
}

}  // namespace

bool PostgresTermStore::save_section(WriteTransaction& write, std::string_view slug,
                                     std::string_view name, std::string_view description,
                                     bool create) {
  Connection& connection = connection_of(write, database_);
  if (create) {
    if (connection.query("SELECT 1 FROM sections WHERE slug = $1", Params().add(slug)).rows() > 0)
      return false;
    connection.query(
        "INSERT INTO sections (slug, name, description, position)"
        " VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM sections))",
        Params().add(slug).add(name).add(description));
    return true;
  }
  return connection
             .query("UPDATE sections SET name = $1, description = $2 WHERE slug = $3",
                    Params().add(name).add(description).add(slug))
             .affected() > 0;
}

std::vector<content::Term> PostgresTermStore::categories() {
  auto connection = database_.read();
  return terms(connection->query("SELECT slug, name FROM categories ORDER BY name"));
}

std::vector<content::Term> PostgresTermStore::tags_starting_with(std::string_view prefix,
                                                                 std::int64_t limit) {
  auto connection = database_.read();
  // A prefix compared as text, never a LIKE pattern; lower() under "C" folds ASCII only.
  return terms(connection->query(
      "SELECT t.slug, t.name FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id"
      " WHERE left(lower(t.name), length($1::text)) = lower($1::text)"
      " GROUP BY t.id ORDER BY count(at.article_id) DESC, t.name LIMIT $2",
      Params().add(prefix).add(limit)));
}

std::vector<LabelUsage> PostgresTermStore::labels(LabelKind kind) {
  auto tables = tables_of(kind);
  auto connection = database_.read();
  auto rows = connection->query("SELECT l.slug, l.name, count(x.article_id) FROM " + tables.table +
                                " l LEFT JOIN " + tables.links + " x ON x." + tables.link_column +
                                " = l.id GROUP BY l.id ORDER BY l.name");
  std::vector<LabelUsage> labels;
  for (int row = 0; row < rows.rows(); ++row)
    labels.push_back({{rows.text(row, 0), rows.text(row, 1)}, rows.integer(row, 2)});
  return labels;
}

LabelRename PostgresTermStore::rename_label(WriteTransaction& write, LabelKind kind,
                                            std::string_view slug, std::string_view name,
                                            std::string_view new_slug) {
  auto tables = tables_of(kind);
  Connection& connection = connection_of(write, database_);
  auto id = label_id(connection, tables, slug);
  if (!id) return LabelRename::not_found;
  auto other = label_id(connection, tables, new_slug);
  if (other && *other != *id) return LabelRename::slug_taken;
  connection.query("UPDATE " + tables.table + " SET name = $1, slug = $2 WHERE id = $3",
                   Params().add(name).add(new_slug).add(*id));
  return LabelRename::done;
}

std::optional<std::vector<content::ArticleId>> PostgresTermStore::merge_label(
    WriteTransaction& write, LabelKind kind, std::string_view from, std::string_view into) {
  auto tables = tables_of(kind);
  Connection& connection = connection_of(write, database_);
  auto from_id = label_id(connection, tables, from);
  auto into_id = label_id(connection, tables, into);
  if (!from_id || !into_id || *from_id == *into_id) return std::nullopt;
  auto moved = articles_of(connection, tables, *from_id);
  // An article filed under both keeps its place under `into`.
  connection.query("INSERT INTO " + tables.links + " (article_id, " + tables.link_column +
                       ", position) SELECT article_id, $1, position FROM " + tables.links +
                       " WHERE " + tables.link_column + " = $2 ON CONFLICT DO NOTHING",
                   Params().add(*into_id).add(*from_id));
  connection.query("DELETE FROM " + tables.links + " WHERE " + tables.link_column + " = $1",
                   Params().add(*from_id));
  if (kind == LabelKind::category)
    connection.query("UPDATE categories SET parent_id = $1 WHERE parent_id = $2",
                     Params().add(*into_id).add(*from_id));
  connection.query("DELETE FROM " + tables.table + " WHERE id = $1", Params().add(*from_id));
  return moved;
}

std::optional<std::vector<content::ArticleId>> PostgresTermStore::delete_label(
    WriteTransaction& write, LabelKind kind, std::string_view slug) {
  auto tables = tables_of(kind);
  Connection& connection = connection_of(write, database_);
  auto id = label_id(connection, tables, slug);
  if (!id) return std::nullopt;
  auto detached = articles_of(connection, tables, *id);
  connection.query("DELETE FROM " + tables.links + " WHERE " + tables.link_column + " = $1",
                   Params().add(*id));
  if (kind == LabelKind::category)
    connection.query("UPDATE categories SET parent_id = NULL WHERE parent_id = $1",
                     Params().add(*id));
  connection.query("DELETE FROM " + tables.table + " WHERE id = $1", Params().add(*id));
  return detached;
}

std::vector<content::Author> PostgresTermStore::authors() {
  auto connection = database_.read();
  auto rows = connection->query("SELECT id, slug, name, bio FROM authors ORDER BY name");
  std::vector<content::Author> authors;
  for (int row = 0; row < rows.rows(); ++row)
    authors.push_back(
        {rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
  return authors;
}

std::optional<content::Author> PostgresTermStore::find_author_profile(std::string_view slug) {
  auto connection = database_.read();
  return read_author(*connection, slug);
}

bool PostgresTermStore::save_author_profile(WriteTransaction& write, std::string_view slug,
                                            const AuthorProfileEdit& profile) {
  Params params;
  params.add(profile.name).add(profile.bio);
  if (profile.photo_name)
    params.add(*profile.photo_name);
  else
    params.add_null();
  params.add(slug).add(profile.role).add(content::join_lines(profile.links));
  return connection_of(write, database_)
             .query(
                 "UPDATE authors SET name = $1, bio = $2, role = $5, links = $6,"
                 " image_id = (SELECT id FROM media WHERE name = $3) WHERE slug = $4",
                 params)
             .affected() > 0;
}

bool PostgresTermStore::create_author(WriteTransaction& write, const content::Term& author) {
  return connection_of(write, database_)
             .query("INSERT INTO authors (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING",
                    Params().add(author.slug).add(author.name))
             .affected() > 0;
}

}  // namespace gazette::store::postgres
