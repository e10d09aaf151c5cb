// SqliteWxrImportStore: one transaction writes a whole WordPress site — people, terms,
// articles, comments, the id mapping and the redirects — so a failure leaves nothing behind.
#include "store/sqlite/sqlite_wxr_import_store.h"

#include <map>

namespace gazette::store::sqlite {

namespace {

std::int64_t to_unix(content::Timestamp time) {
  return time.time_since_epoch().count();
}

std::optional<std::int64_t> id_by_slug(Connection& connection, std::string_view sql,
                                       std::string_view slug) {
  auto statement = connection.prepare(sql);
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return statement.column_int(0);
}

// Inserts a row unless its slug exists; whether it did.
bool insert_new(Connection& connection, std::string_view sql, std::string_view slug,
                std::string_view name) {
  connection.prepare(sql).bind(1, slug).bind(2, name).run();
  return connection.changes() > 0;
}

std::int64_t insert_redirect(Connection& connection, std::string_view from, std::string_view to) {
  auto key = redirect_key(from);
  if (key.empty() || key == redirect_key(to)) return 0;
  connection.prepare("INSERT OR IGNORE INTO redirects (from_path, to_path) VALUES (?, ?)")
      .bind(1, key)
      .bind(2, to)
      .run();
  return connection.changes();
}

std::optional<std::int64_t> insert_media(Connection& connection, const NewMedia& media,
                                         std::int64_t now) {
  connection
      .prepare(
          "INSERT INTO media (name, sha256, mime_type, width, height, byte_size, bytes, created_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
      .bind(1, media.name)
      .bind(2, media.sha256)
      .bind(3, media.mime_type)
      .bind(4, std::int64_t{media.width})
      .bind(5, std::int64_t{media.height})
      .bind(6, static_cast<std::int64_t>(media.bytes.size()))
      .bind_blob(7, media.bytes)
      .bind(8, now)
      .run();
  return id_by_slug(connection, "SELECT id FROM media WHERE sha256 = ?", media.sha256);
}

}  // namespace

WxrImportResult SqliteWxrImportStore::import_site(const WxrImport& site) {
  WxrImportResult result;
  auto writer = pool_.write();
  Connection& db = *writer;
  Transaction transaction(db);

  for (const auto& author : site.authors) {
    if (insert_new(db, "INSERT OR IGNORE INTO authors (slug, name) VALUES (?, ?)", author.slug,
                   author.name))
      ++result.authors_created;
  }
  for (const auto& category : site.categories) {
    if (insert_new(db, "INSERT OR IGNORE INTO categories (slug, name) VALUES (?, ?)", category.slug,
                   category.name)) {
      ++result.categories_created;
      if (!category.parent_slug.empty()) {
        db.prepare(
              "UPDATE categories SET parent_id = (SELECT id FROM categories WHERE slug = ?)"
              " WHERE slug = ?")
            .bind(1, category.parent_slug)
            .bind(2, category.slug)
            .run();
      }
    }
  }
  for (const auto& tag : site.tags) {
    if (insert_new(db, "INSERT OR IGNORE INTO tags (slug, name) VALUES (?, ?)", tag.slug, tag.name))
      ++result.tags_created;
  }

  for (const auto& article : site.articles) {
    {
      auto known = db.prepare("SELECT 1 FROM wxr_items WHERE source = ? AND item_key = ?");
      known.bind(1, site.source).bind(2, article.key);
      if (known.step()) {
        ++result.articles_already_imported;
        continue;
      }
    }
    insert_new(db, "INSERT OR IGNORE INTO sections (slug, name) VALUES (?, ?)",
               article.section.slug, article.section.name);
    auto section_id =
        id_by_slug(db, "SELECT id FROM sections WHERE slug = ?", article.section.slug);
    auto author_id = id_by_slug(db, "SELECT id FROM authors WHERE slug = ?", article.author_slug);
    if (!section_id || !author_id) db.fail("import: article without its section or author");
    std::optional<std::int64_t> image_id;
    if (article.image) image_id = insert_media(db, *article.image, to_unix(article.updated_at));
    db.prepare(
          "INSERT INTO articles (slug, title, lead, body_markdown, body_html, status,"
          " published_at, updated_at, author_id, section_id, image_id, image_caption, image_alt)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, article.slug)
        .bind(2, article.title)
        .bind(3, article.lead)
        .bind(4, article.body_markdown)
        .bind(5, article.body_html)
        .bind(6, content::to_string(article.status))
        .bind(7, to_unix(article.published_at))
        .bind(8, to_unix(article.updated_at))
        .bind(9, *author_id)
        .bind(10, *section_id)
        .bind(11, image_id)
        .bind(12, article.image_caption)
        .bind(13, article.image_alt)
        .run();
    std::int64_t article_id = db.last_insert_id();
    result.created.push_back(content::ArticleId{article_id});
    ++result.articles_created;
    db.prepare("INSERT INTO wxr_items (source, item_key, article_id) VALUES (?, ?, ?)")
        .bind(1, site.source)
        .bind(2, article.key)
        .bind(3, article_id)
        .run();

    std::int64_t position = 0;
    for (const auto& slug : article.category_slugs) {
      db.prepare(
            "INSERT OR IGNORE INTO article_categories (article_id, category_id, position)"
            " SELECT ?, id, ? FROM categories WHERE slug = ?")
          .bind(1, article_id)
          .bind(2, position++)
          .bind(3, slug)
          .run();
    }
    position = 0;
    for (const auto& slug : article.tag_slugs) {
      db.prepare(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id, position)"
            " SELECT ?, id, ? FROM tags WHERE slug = ?")
          .bind(1, article_id)
          .bind(2, position++)
          .bind(3, slug)
          .run();
    }
    if (article.sticky)
      db.prepare("INSERT OR IGNORE INTO sticky_articles (article_id) VALUES (?)")
          .bind(1, article_id)
          .run();
    if (article.comments_closed)
      db.prepare(
            "INSERT OR IGNORE INTO comment_closed_articles (article_id, closed_at) VALUES (?, ?)")
          .bind(1, article_id)
          .bind(2, to_unix(article.updated_at))
          .run();

    std::map<std::int64_t, std::int64_t> comment_ids;  // WordPress id → ours
    for (const auto& comment : article.comments) {
      std::optional<std::int64_t> parent;
      if (auto found = comment_ids.find(comment.wp_parent); found != comment_ids.end())
        parent = found->second;
      db.prepare(
            "INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url,"
            " body, status, ip, avatar_key, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(1, article_id)
          .bind(2, parent)
          .bind(3, comment.author_name)
          .bind(4, comment.author_email)
          .bind(5, comment.author_url)
          .bind(6, comment.body)
          .bind(7, content::to_string(comment.status))
          .bind(8, comment.ip)
          .bind(9, comment.avatar_key)
          .bind(10, to_unix(comment.created_at))
          .bind(11, to_unix(comment.created_at))
          .run();
      auto comment_id = db.last_insert_id();
      comment_ids[comment.wp_id] = comment_id;
      ++result.comments_created;
      db.prepare("INSERT OR IGNORE INTO wxr_comments (source, wp_id, comment_id) VALUES (?, ?, ?)")
          .bind(1, site.source)
          .bind(2, comment.wp_id)
          .bind(3, comment_id)
          .run();
    }
    std::string to = "/" + article.section.slug + "/" + article.slug + "/";
    for (const auto& from : article.old_paths)
      result.redirects_created += insert_redirect(db, from, to);
  }
  for (const auto& redirect : site.redirects)
    result.redirects_created += insert_redirect(db, redirect.from, redirect.to);

  transaction.commit();
  return result;
}

bool SqliteWxrImportStore::article_slug_taken(std::string_view slug) {
  auto connection = pool_.read();
  return id_by_slug(*connection, "SELECT id FROM articles WHERE slug = ?", slug).has_value();
}

std::optional<std::int64_t> SqliteWxrImportStore::imported_article(std::string_view source,
                                                                   std::string_view key) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT article_id FROM wxr_items WHERE source = ? AND item_key = ?");
  statement.bind(1, source).bind(2, key);
  if (!statement.step() || statement.column_is_null(0)) return std::nullopt;
  return statement.column_int(0);
}

std::optional<std::string> SqliteWxrImportStore::find_redirect(std::string_view from) {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT to_path FROM redirects WHERE from_path = ?");
  statement.bind(1, redirect_key(from));
  if (!statement.step()) return std::nullopt;
  return statement.column_text(0);
}

}  // namespace gazette::store::sqlite
