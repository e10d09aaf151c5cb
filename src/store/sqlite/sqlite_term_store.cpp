// SqliteTermStore: the newsroom's term queries and writes in SQL (see term_store.h).
#include "store/sqlite/sqlite_term_store.h"

#include "store/sqlite/media_variants.h"

namespace gazette::store::sqlite {

bool SqliteTermStore::save_section(std::string_view slug, std::string_view name,
                                   std::string_view description, bool create) {
  auto writer = pool_.write();
  Transaction transaction(*writer);
  if (create) {
    {
      auto found = writer->prepare("SELECT 1 FROM sections WHERE slug = ?");
      found.bind(1, slug);
      if (found.step()) return false;
    }
    writer
        ->prepare(
            "INSERT INTO sections (slug, name, description, position)"
            " VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM sections))")
        .bind(1, slug)
        .bind(2, name)
        .bind(3, description)
        .run();
  } else {
    writer->prepare("UPDATE sections SET name = ?, description = ? WHERE slug = ?")
        .bind(1, name)
        .bind(2, description)
        .bind(3, slug)
        .run();
    if (writer->changes() == 0) return false;
  }
  transaction.commit();
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

std::optional<AuthorProfile> SqliteTermStore::find_author_profile(std::string_view slug) {
  auto connection = pool_.read();
  AuthorProfile profile;
  {
    auto statement = connection->prepare(
        "SELECT a.id, a.slug, a.name, a.bio, m.name, m.mime_type, m.width, m.height"
        " FROM authors a LEFT JOIN media m ON m.id = a.image_id WHERE a.slug = ?");
    statement.bind(1, slug);
    if (!statement.step()) return std::nullopt;
    profile.author = {statement.column_int(0), statement.column_text(1), statement.column_text(2),
                      statement.column_text(3)};
    if (!statement.column_is_null(4)) {
      profile.photo = content::MediaRef{statement.column_text(4),
                                        statement.column_text(5),
                                        static_cast<int>(statement.column_int(6)),
                                        static_cast<int>(statement.column_int(7)),
                                        {}};
    }
  }
  if (profile.photo) attach_variants(*connection, *profile.photo);
  return profile;
}

bool SqliteTermStore::save_author_profile(std::string_view slug, std::string_view name,
                                          std::string_view bio,
                                          const std::optional<std::string>& photo_name) {
  auto writer = pool_.write();
  Transaction transaction(*writer);
  auto statement = writer->prepare(
      "UPDATE authors SET name = ?1, bio = ?2,"
      " image_id = (SELECT id FROM media WHERE name = ?3) WHERE slug = ?4");
  statement.bind(1, name).bind(2, bio).bind(4, slug);
  if (photo_name) {
    statement.bind(3, *photo_name);
  } else {
    statement.bind_null(3);
  }
  statement.run();
  if (writer->changes() == 0) return false;
  transaction.commit();
  return true;
}

}  // namespace gazette::store::sqlite
