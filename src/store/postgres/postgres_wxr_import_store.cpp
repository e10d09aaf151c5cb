// PostgresWxrImportStore: one transaction writes a whole WordPress site — people, terms,
// articles, comments, the id mapping and the redirects — an article at a time as the importer
// reads the file, so a failure anywhere leaves nothing behind (see postgres_wxr_import_store.h).
#include "store/postgres/postgres_wxr_import_store.h"

#include <map>

#include "content/comment.h"
#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

std::optional<std::int64_t> id_by_slug(Connection& connection, std::string_view sql,
                                       std::string_view slug) {
  auto rows = connection.query(sql, Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return rows.integer(0, 0);
}

// Inserts a person or term unless its slug exists; whether it did. `table` comes from a fixed
// list in this file, never from input.
bool insert_new(Connection& connection, std::string_view table, std::string_view slug,
                std::string_view name) {
  return connection
             .query("INSERT INTO " + std::string(table) +
                        " (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING",
                    Params().add(slug).add(name))
             .affected() > 0;
}

std::int64_t insert_redirect(Connection& connection, std::string_view from, std::string_view to) {
  auto key = redirect_key(from);
  if (key.empty() || key == redirect_key(to)) return 0;
  return connection
      .query(
          "INSERT INTO redirects (from_path, to_path) VALUES ($1, $2)"
          " ON CONFLICT (from_path) DO NOTHING",
          Params().add_bytes(key).add(to))
      .affected();
}

// The writes of one import, on the connection of the caller's write transaction.
class PostgresWxrImportWriter final : public WxrImportWriter {
 public:
  PostgresWxrImportWriter(Connection& writer, std::string source, content::Timestamp now)
      : db_(writer), source_(std::move(source)), now_(now) {}

  void add_author(const ImportedAuthor& author) override {
    if (insert_new(db_, "authors", author.slug, author.name)) ++result_.authors_created;
  }

  void add_category(const ImportedCategory& category) override {
    if (!insert_new(db_, "categories", category.slug, category.name)) return;
    ++result_.categories_created;
    if (!category.parent_slug.empty())
      db_.query(
          "UPDATE categories SET parent_id = (SELECT id FROM categories WHERE slug = $1)"
          " WHERE slug = $2",
          Params().add(category.parent_slug).add(category.slug));
  }

  void add_tag(const content::Term& tag) override {
    if (insert_new(db_, "tags", tag.slug, tag.name)) ++result_.tags_created;
  }

  void add_article(const ImportedArticle& article) override;

  std::string add_media(const content::NewMedia& media) override {
    auto id = keep_media(db_, media, now_);
    return db_.query("SELECT name FROM media WHERE id = $1", Params().add(id)).text(0, 0);
  }

  void add_redirect(const Redirect& redirect) override {
    result_.redirects_created += insert_redirect(db_, redirect.from, redirect.to);
  }

  bool article_slug_taken(std::string_view slug) override {
    return id_by_slug(db_, "SELECT id FROM articles WHERE slug = $1", slug).has_value();
  }

  bool imported(std::string_view key) override {
    return db_.query("SELECT 1 FROM wxr_items WHERE source = $1 AND item_key = $2",
                     Params().add(source_).add(key))
               .rows() > 0;
  }

  WxrImportResult result() const override { return result_; }

 private:
  Connection& db_;
  std::string source_;
  content::Timestamp now_;
  WxrImportResult result_;
};

void PostgresWxrImportWriter::add_article(const ImportedArticle& article) {
  if (imported(article.key)) {
    ++result_.articles_already_imported;
    return;
  }
  insert_new(db_, "sections", article.section.slug, article.section.name);
  auto section_id =
      id_by_slug(db_, "SELECT id FROM sections WHERE slug = $1", article.section.slug);
  auto author_id = id_by_slug(db_, "SELECT id FROM authors WHERE slug = $1", article.author_slug);
  if (!section_id || !author_id)
    throw PostgresError("import: article without its section or author");
  std::optional<std::int64_t> image_id;
  if (article.image) image_id = keep_media(db_, *article.image, now_);
  ArticleRecord record{.fields = article,
                       .author_id = *author_id,
                       .section_id = *section_id,
                       .image_id = image_id,
                       .categories = article.categories,
                       .tags = article.tags,
                       .version = std::nullopt};
  // Nothing is announced per article (the import announces once that everything changed).
  auto article_id = write_article(db_, std::nullopt, record, now_).id.value;
  ++result_.articles_created;
  db_.query("INSERT INTO wxr_items (source, item_key, article_id) VALUES ($1, $2, $3)",
            Params().add(source_).add(article.key).add(article_id));

  if (article.comments_closed)
    db_.query(
        "INSERT INTO comment_closed_articles (article_id, closed_at) VALUES ($1, $2)"
        " ON CONFLICT (article_id) DO NOTHING",
        Params().add(article_id).add(to_unix(article.updated_at)));

  std::map<std::int64_t, std::int64_t> comment_ids;  // WordPress id → ours
  for (const auto& comment : article.comments) {
    std::optional<std::int64_t> parent;
    if (auto found = comment_ids.find(comment.wp_parent); found != comment_ids.end())
      parent = found->second;
    auto inserted = db_.query(
        "INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url,"
        " body, status, ip, avatar_key, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        Params()
            .add(article_id)
            .add(parent)
            .add(comment.author_name)
            .add(comment.author_email)
            .add(comment.author_url)
            .add(comment.body)
            .add(content::to_string(comment.status))
            .add(comment.ip)
            .add(comment.avatar_key)
            .add(to_unix(comment.created_at)));
    auto comment_id = inserted.integer(0, 0);
    comment_ids[comment.wp_id] = comment_id;
    ++result_.comments_created;
    db_.query(
        "INSERT INTO wxr_comments (source, wp_id, comment_id) VALUES ($1, $2, $3)"
        " ON CONFLICT (source, wp_id) DO NOTHING",
        Params().add(source_).add(comment.wp_id).add(comment_id));
  }
  std::string to = "/" + article.section.slug + "/" + article.slug + "/";
  for (const auto& from : article.old_paths)
    result_.redirects_created += insert_redirect(db_, from, to);
}

std::vector<content::Comment> exported_comments(Connection& db, content::ArticleId article) {
  auto rows = db.query(
      "SELECT id, parent_id, author_name, author_email, author_url, body, status, ip,"
      " created_at FROM comments WHERE article_id = $1 ORDER BY id",
      Params().add(article.value));
  std::vector<content::Comment> comments;
  for (int row = 0; row < rows.rows(); ++row) {
    content::Comment comment;
    comment.id = content::CommentId{rows.integer(row, 0)};
    comment.article = article;
    if (!rows.is_null(row, 1)) comment.parent = content::CommentId{rows.integer(row, 1)};
    comment.author_name = rows.text(row, 2);
    comment.author_email = rows.text(row, 3);
    comment.author_url = rows.text(row, 4);
    comment.body = rows.text(row, 5);
    comment.status =
        content::parse_comment_status(rows.text(row, 6)).value_or(content::CommentStatus::pending);
    comment.ip = rows.text(row, 7);
    comment.created_at = from_unix(rows.integer(row, 8));
    comments.push_back(std::move(comment));
  }
  return comments;
}

// One snapshot of the whole site for an export, ended (a read commits nothing) whatever happens.
class ExportSnapshot {
 public:
  explicit ExportSnapshot(Connection& connection) : connection_(connection) {
    connection_.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  ~ExportSnapshot() {
    try {
      connection_.execute("ROLLBACK");
    } catch (const PostgresError&) {
      // A broken connection ended the transaction; the lease drops it.
    }
  }
  ExportSnapshot(const ExportSnapshot&) = delete;
  ExportSnapshot& operator=(const ExportSnapshot&) = delete;

 private:
  Connection& connection_;
};

// Articles are read this many at a time (by id), so a site of a million is never in memory.
constexpr std::int64_t kExportBatch = 200;

}  // namespace

std::unique_ptr<WxrImportWriter> PostgresWxrImportStore::begin_import(WriteTransaction& write,
                                                                      std::string source,
                                                                      content::Timestamp now) {
  return std::make_unique<PostgresWxrImportWriter>(connection_of(write, database_),
                                                   std::move(source), now);
}

void PostgresWxrImportStore::export_site(
    const std::function<void(const SiteExport&)>& site_read,
    const std::function<void(const ExportedArticle&)>& article_read) {
  auto connection = database_.read();
  Connection& db = *connection;
  ExportSnapshot snapshot(db);
  SiteExport site;
  {
    auto rows = db.query("SELECT key, value FROM settings");
    for (int row = 0; row < rows.rows(); ++row) {
      auto key = rows.text(row, 0);
      if (key == "title") site.settings.title = rows.text(row, 1);
      if (key == "description") site.settings.description = rows.text(row, 1);
      if (key == "language") site.settings.language = rows.text(row, 1);
      if (key == "url") site.url = rows.text(row, 1);
    }
  }
  {
    auto rows = db.query("SELECT id, slug, name, bio FROM authors ORDER BY id");
    for (int row = 0; row < rows.rows(); ++row)
      site.authors.push_back(
          {rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
  }
  {
    auto rows = db.query(
        "SELECT c.slug, c.name, coalesce(p.slug, '') FROM categories c"
        " LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.id");
    for (int row = 0; row < rows.rows(); ++row)
      site.categories.push_back({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2)});
  }
  {
    auto rows = db.query("SELECT slug, name FROM tags ORDER BY id");
    for (int row = 0; row < rows.rows(); ++row)
      site.tags.push_back({rows.text(row, 0), rows.text(row, 1)});
  }
  site_read(site);

  // Articles a batch at a time in id order, each with its own terms and comments read by id.
  std::int64_t after = 0;
  for (;;) {
    auto rows = db.query(
        "SELECT a.id, a.slug, a.title, a.lead, a.body_markdown, a.body_html, a.status,"
        " a.published_at, a.updated_at, au.slug, s.slug, s.name,"
        " EXISTS (SELECT 1 FROM sticky_articles x WHERE x.article_id = a.id),"
        " EXISTS (SELECT 1 FROM comment_closed_articles x WHERE x.article_id = a.id)"
        " FROM articles a JOIN authors au ON au.id = a.author_id"
        " JOIN sections s ON s.id = a.section_id WHERE a.id > $1 ORDER BY a.id LIMIT $2",
        Params().add(after).add(kExportBatch));
    if (rows.rows() == 0) return;
    for (int row = 0; row < rows.rows(); ++row) {
      ExportedArticle article;
      article.id = content::ArticleId{rows.integer(row, 0)};
      article.slug = rows.text(row, 1);
      article.title = rows.text(row, 2);
      article.lead = rows.text(row, 3);
      article.body_markdown = rows.text(row, 4);
      article.body_html = rows.text(row, 5);
      article.status =
          content::parse_article_status(rows.text(row, 6)).value_or(content::ArticleStatus::draft);
      article.published_at = from_unix(rows.integer(row, 7));
      article.updated_at = from_unix(rows.integer(row, 8));
      article.author_slug = rows.text(row, 9);
      article.section = {rows.text(row, 10), rows.text(row, 11)};
      article.sticky = rows.text(row, 12) == "t";
      article.comments_closed = rows.text(row, 13) == "t";
      article.categories = article_categories(db, article.id);
      article.tags = article_tags(db, article.id);
    article.coauthors = article_coauthors(db, article.id);
      article.comments = exported_comments(db, article.id);
      after = article.id.value;
      article_read(article);
    }
  }
}

std::optional<std::string> PostgresWxrImportStore::find_redirect(std::string_view from) {
  auto connection = database_.read();
  auto rows = connection->query("SELECT to_path FROM redirects WHERE from_path = $1",
                                Params().add_bytes(redirect_key(from)));
  if (rows.rows() == 0) return std::nullopt;
  return rows.text(0, 0);
}

}  // namespace gazette::store::postgres
