// SqliteWxrImportStore: one transaction writes a whole WordPress site — people, terms,
// articles, comments, the id mapping and the redirects — an article at a time as the importer
// reads the file, so a failure anywhere leaves nothing behind.
#include "store/sqlite/sqlite_wxr_import_store.h"

#include <map>

#include "store/sqlite/article_writer.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

namespace {

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

}  // namespace

namespace {

// The writes of one import, on the writer of the caller's transaction.
class SqliteWxrImportWriter final : public WxrImportWriter {
 public:
  SqliteWxrImportWriter(Connection& writer, std::string source, content::Timestamp now)
      : writer_(writer), source_(std::move(source)), now_(now) {}

  void add_author(const ImportedAuthor& author) override {
    if (insert_new(db(), "INSERT OR IGNORE INTO authors (slug, name) VALUES (?, ?)", author.slug,
                   author.name))
      ++result_.authors_created;
  }

  void add_category(const ImportedCategory& category) override {
    if (!insert_new(db(), "INSERT OR IGNORE INTO categories (slug, name) VALUES (?, ?)",
                    category.slug, category.name))
      return;
    ++result_.categories_created;
    if (!category.parent_slug.empty()) {
      db().prepare(
              "UPDATE categories SET parent_id = (SELECT id FROM categories WHERE slug = ?)"
              " WHERE slug = ?")
          .bind(1, category.parent_slug)
          .bind(2, category.slug)
          .run();
    }
  }

  void add_tag(const content::Term& tag) override {
    if (insert_new(db(), "INSERT OR IGNORE INTO tags (slug, name) VALUES (?, ?)", tag.slug,
                   tag.name))
      ++result_.tags_created;
  }

  void add_article(const ImportedArticle& article) override;

  std::string add_media(const content::NewMedia& media) override {
    auto stored = db().prepare("SELECT name FROM media WHERE id = ?");
    stored.bind(1, keep_media(db(), media, now_));
    if (!stored.step()) db().fail("import: media insert");
    return stored.column_text(0);
  }

  void add_redirect(const Redirect& redirect) override {
    result_.redirects_created += insert_redirect(db(), redirect.from, redirect.to);
  }

  bool article_slug_taken(std::string_view slug) override {
    return id_by_slug(db(), "SELECT id FROM articles WHERE slug = ?", slug).has_value();
  }

  bool imported(std::string_view key) override {
    auto known = db().prepare("SELECT 1 FROM wxr_items WHERE source = ? AND item_key = ?");
    known.bind(1, source_).bind(2, key);
    return known.step();
  }

  WxrImportResult result() const override { return result_; }

 private:
  Connection& db() { return writer_; }

  Connection& writer_;
  std::string source_;
  content::Timestamp now_;
  WxrImportResult result_;
};

void SqliteWxrImportWriter::add_article(const ImportedArticle& article) {
  Connection& db = this->db();
  if (imported(article.key)) {
    ++result_.articles_already_imported;
    return;
  }
  insert_new(db, "INSERT OR IGNORE INTO sections (slug, name) VALUES (?, ?)", article.section.slug,
             article.section.name);
  auto section_id = id_by_slug(db, "SELECT id FROM sections WHERE slug = ?", article.section.slug);
  auto author_id = id_by_slug(db, "SELECT id FROM authors WHERE slug = ?", article.author_slug);
  if (!section_id || !author_id) db.fail("import: article without its section or author");
  std::optional<std::int64_t> image_id;
  if (article.image) image_id = keep_media(db, *article.image, now_);
  ArticleRecord record{.fields = article,
                       .author_id = *author_id,
                       .section_id = *section_id,
                       .image_id = image_id,
                       .categories = article.categories,
                       .tags = article.tags,
                       .version = std::nullopt};
  // Nothing is announced per article (the import announces once that everything changed).
  std::int64_t article_id = write_article(db, std::nullopt, record, now_, Placements::skip).id;
  ++result_.articles_created;
  db.prepare("INSERT INTO wxr_items (source, item_key, article_id) VALUES (?, ?, ?)")
      .bind(1, source_)
      .bind(2, article.key)
      .bind(3, article_id)
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
    ++result_.comments_created;
    db.prepare("INSERT OR IGNORE INTO wxr_comments (source, wp_id, comment_id) VALUES (?, ?, ?)")
        .bind(1, source_)
        .bind(2, comment.wp_id)
        .bind(3, comment_id)
        .run();
  }
  std::string to = "/" + article.section.slug + "/" + article.slug + "/";
  for (const auto& from : article.old_paths)
    result_.redirects_created += insert_redirect(db, from, to);
}

}  // namespace

std::unique_ptr<WxrImportWriter> SqliteWxrImportStore::begin_import(WriteTransaction& write,
                                                                    std::string source,
                                                                    content::Timestamp now) {
  return std::make_unique<SqliteWxrImportWriter>(writer_of(write, pool_), std::move(source), now);
}

void SqliteWxrImportStore::export_site(
    const std::function<void(const SiteExport&)>& site_read,
    const std::function<void(const ExportedArticle&)>& article_read) {
  auto connection = pool_.read();
  Connection& db = *connection;
  // One snapshot of the whole site; ended (a read commits nothing) whatever happens.
  struct Snapshot {
    Connection& db;
    explicit Snapshot(Connection& connection) : db(connection) { db.execute("BEGIN"); }
    ~Snapshot() {
      try {
        db.execute("COMMIT");
      } catch (...) {
      }
    }
  } snapshot(db);
  SiteExport site;
  {
    auto settings = db.prepare("SELECT key, value FROM settings");
    while (settings.step()) {
      auto key = settings.column_text(0);
      if (key == "title") site.settings.title = settings.column_text(1);
      if (key == "description") site.settings.description = settings.column_text(1);
      if (key == "language") site.settings.language = settings.column_text(1);
      if (key == "url") site.url = settings.column_text(1);
    }
  }
  {
    auto authors = db.prepare("SELECT id, slug, name, bio FROM authors ORDER BY id");
    while (authors.step())
      site.authors.push_back({authors.column_int(0), authors.column_text(1), authors.column_text(2),
                              authors.column_text(3)});
  }
  {
    auto categories = db.prepare(
        "SELECT c.slug, c.name, coalesce(p.slug, '') FROM categories c"
        " LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.id");
    while (categories.step())
      site.categories.push_back(
          {categories.column_text(0), categories.column_text(1), categories.column_text(2)});
  }
  {
    auto tags = db.prepare("SELECT slug, name FROM tags ORDER BY id");
    while (tags.step()) site.tags.push_back({tags.column_text(0), tags.column_text(1)});
  }
  site_read(site);

  // Articles one at a time, each with its own terms and comments read by its id.
  auto articles = db.prepare(
      "SELECT a.id, a.slug, a.title, a.lead, a.body_markdown, a.body_html, a.status,"
      " a.published_at, a.updated_at, au.slug, s.slug, s.name,"
      " EXISTS (SELECT 1 FROM sticky_articles x WHERE x.article_id = a.id),"
      " EXISTS (SELECT 1 FROM comment_closed_articles x WHERE x.article_id = a.id)"
      " FROM articles a JOIN authors au ON au.id = a.author_id"
      " JOIN sections s ON s.id = a.section_id ORDER BY a.id");
  while (articles.step()) {
    ExportedArticle article;
    article.id = content::ArticleId{articles.column_int(0)};
    article.slug = articles.column_text(1);
    article.title = articles.column_text(2);
    article.lead = articles.column_text(3);
    article.body_markdown = articles.column_text(4);
    article.body_html = articles.column_text(5);
    article.status = content::parse_article_status(articles.column_text(6))
                         .value_or(content::ArticleStatus::draft);
    article.published_at = content::Timestamp(std::chrono::seconds(articles.column_int(7)));
    article.updated_at = content::Timestamp(std::chrono::seconds(articles.column_int(8)));
    article.author_slug = articles.column_text(9);
    article.section = {articles.column_text(10), articles.column_text(11)};
    article.sticky = articles.column_int(12) != 0;
    article.comments_closed = articles.column_int(13) != 0;
    article.categories = article_categories(db, article.id);
    article.tags = article_tags(db, article.id);
    article.coauthors = article_coauthors(db, article.id);
    {
      auto comments = db.prepare(
          "SELECT id, parent_id, author_name, author_email, author_url, body, status, ip,"
          " created_at FROM comments WHERE article_id = ? ORDER BY id");
      comments.bind(1, article.id.value);
      while (comments.step()) {
        content::Comment comment;
        comment.id = content::CommentId{comments.column_int(0)};
        comment.article = article.id;
        if (!comments.column_is_null(1))
          comment.parent = content::CommentId{comments.column_int(1)};
        comment.author_name = comments.column_text(2);
        comment.author_email = comments.column_text(3);
        comment.author_url = comments.column_text(4);
        comment.body = comments.column_text(5);
        comment.status = content::parse_comment_status(comments.column_text(6))
                             .value_or(content::CommentStatus::pending);
        comment.ip = comments.column_text(7);
        comment.created_at = content::Timestamp(std::chrono::seconds(comments.column_int(8)));
        article.comments.push_back(std::move(comment));
      }
    }
    article_read(article);
  }
}

std::optional<std::string> SqliteWxrImportStore::find_redirect(std::string_view from) {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT to_path FROM redirects WHERE from_path = ?");
  statement.bind(1, redirect_key(from));
  if (!statement.step()) return std::nullopt;
  return statement.column_text(0);
}

}  // namespace gazette::store::sqlite
