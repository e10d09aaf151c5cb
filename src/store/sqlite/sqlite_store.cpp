// SqliteStore: the Store's queries and writes in SQL. Listings use the indexes made in
// migrations/0001 ("published, newest first" per section, author, tag and category).
#include "store/sqlite/sqlite_store.h"

#include "content/line_list.h"

#include "store/sqlite/article_writer.h"
#include "store/sqlite/media_variants.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

using content::ArticleId;
using content::Timestamp;

namespace {

// Readers see an article once it is published and its time has come.
constexpr std::string_view kVisible = " a.status = 'published' AND a.published_at <= ?1";

// The WHERE clause that picks a listing's articles; ?1 is now, ?2 the slug, ?3 the excluded id.
std::string filter_clause(ArticleFilter::Kind kind) {
  std::string clause = " WHERE" + std::string(kVisible) + " AND a.id <> ?3";
  switch (kind) {
    case ArticleFilter::Kind::all:
      break;
    case ArticleFilter::Kind::section:
      clause += " AND s.slug = ?2";
      break;
    case ArticleFilter::Kind::author:
      // Signed first, or after someone else.
      clause +=
          " AND a.id IN (SELECT id FROM articles WHERE author_id ="
          " (SELECT id FROM authors WHERE slug = ?2) UNION ALL SELECT co.article_id"
          " FROM article_coauthors co JOIN authors x ON x.id = co.author_id WHERE x.slug = ?2)";
      break;
    case ArticleFilter::Kind::tag:
      clause +=
          " AND a.id IN (SELECT at.article_id FROM article_tags at"
          " JOIN tags t ON t.id = at.tag_id WHERE t.slug = ?2)";
      break;
    case ArticleFilter::Kind::category:
      clause +=
          " AND a.id IN (SELECT ac.article_id FROM article_categories ac"
          " JOIN categories c ON c.id = ac.category_id WHERE c.slug = ?2)";
      break;
    case ArticleFilter::Kind::article_kind:
      clause += " AND a.kind = ?2";
      break;
  }
  return clause;
}

}  // namespace

content::SiteSettings SqliteStore::settings() {
  auto connection = pool_.read();
  content::SiteSettings settings;
  auto statement = connection->prepare("SELECT key, value FROM settings");
  while (statement.step())
    content::apply_setting_row(settings, statement.column_text(0), statement.column_text(1));
  return settings;
}

void SqliteStore::save_settings(WriteTransaction& write, const content::SiteSettings& settings) {
  Connection& writer = writer_of(write, pool_);
  for (const auto& [key, value] : content::setting_rows(settings)) {
    writer
        .prepare(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, std::string_view(key))
        .bind(2, value)
        .run();
  }
}

std::vector<content::Section> SqliteStore::sections() {
  auto connection = pool_.read();
  std::vector<content::Section> sections;
  auto statement =
      connection->prepare("SELECT id, slug, name, description FROM sections ORDER BY position, id");
  while (statement.step()) {
    sections.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                        statement.column_text(3)});
  }
  return sections;
}

std::optional<content::Section> SqliteStore::find_section(std::string_view slug) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT id, slug, name, description FROM sections WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return content::Section{statement.column_int(0), statement.column_text(1),
                          statement.column_text(2), statement.column_text(3)};
}

std::optional<content::Author> SqliteStore::find_author(std::string_view slug) {
  auto connection = pool_.read();
  return read_author(*connection, slug);
}

std::optional<content::Term> SqliteStore::find_tag(std::string_view slug) {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT slug, name FROM tags WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return content::Term{statement.column_text(0), statement.column_text(1)};
}

std::optional<content::Term> SqliteStore::find_category(std::string_view slug) {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT slug, name FROM categories WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return content::Term{statement.column_text(0), statement.column_text(1)};
}

std::optional<content::Article> SqliteStore::find_published_article(std::string_view section_slug,
                                                                    std::string_view slug) {
  auto connection = pool_.read();
  content::Article article;
  {
    auto statement = connection->prepare(
        std::string(kSummaryColumns) + ", a.status, a.updated_at, a.body_markdown, a.body_html," +
        " a.image_caption, a.sponsor" + std::string(kSummaryFrom) + " WHERE" +
        std::string(kVisible) + " AND s.slug = ?2 AND a.slug = ?3");
    statement.bind(1, pool_.now_unix()).bind(2, section_slug).bind(3, slug);
    if (!statement.step()) return std::nullopt;
    article.summary = read_summary(statement);
    article.status = content::ArticleStatus::published;
    article.updated_at = from_unix(statement.column_int(kSummaryColumnCount + 1));
    article.body_markdown = statement.column_text(kSummaryColumnCount + 2);
    article.body_html = statement.column_text(kSummaryColumnCount + 3);
    article.image_caption = statement.column_text(kSummaryColumnCount + 4);
    article.sponsor = statement.column_text(kSummaryColumnCount + 5);
  }
  if (article.summary.image) attach_variants(*connection, *article.summary.image);
  article.categories = article_categories(*connection, article.summary.id);
  article.tags = article_tags(*connection, article.summary.id);
  return article;
}

content::ArticlePage SqliteStore::published_articles(const ArticleFilter& filter,
                                                     const PageRequest& page,
                                                     std::optional<ArticleId> except) {
  auto connection = pool_.read();
  std::string where = filter_clause(filter.kind);
  // Date bounds, numbered after the listing's own parameters.
  if (filter.published_from) where += " AND a.published_at >= ?6";
  if (filter.published_before) where += " AND a.published_at < ?7";
  if (filter.updated_since) where += " AND a.updated_at >= ?8";
  content::ArticlePage result;
  {
    auto statement =
        connection->prepare(std::string(kSummaryColumns) + std::string(kSummaryFrom) + where +
                            " ORDER BY a.published_at DESC, a.id DESC"
                            " LIMIT ?4 OFFSET ?5");
    statement.bind(1, pool_.now_unix()).bind(3, except ? except->value : std::int64_t{-1});
    if (filter.kind != ArticleFilter::Kind::all) statement.bind(2, filter.slug);
    if (filter.published_from) statement.bind(6, to_unix(*filter.published_from));
    if (filter.published_before) statement.bind(7, to_unix(*filter.published_before));
    if (filter.updated_since) statement.bind(8, to_unix(*filter.updated_since));
    // One row more than asked tells whether another page follows.
    statement.bind(4, page.limit + 1).bind(5, page.offset);
    while (statement.step()) result.articles.push_back(read_summary(statement));
  }
  if (static_cast<std::int64_t>(result.articles.size()) > page.limit) {
    result.articles.pop_back();
    result.has_more = true;
  }
  for (auto& summary : result.articles) {
    if (summary.image) attach_variants(*connection, *summary.image);
  }
  return result;
}

std::vector<content::ArticleSummary> SqliteStore::pinned_articles(std::int64_t limit) {
  // Driven by the few pinned rows — CROSS JOIN keeps sticky_articles the outer loop — rather
  // than by a walk down every published article probing each for a pin.
  constexpr std::string_view kFrom = " FROM sticky_articles p CROSS JOIN";
  static_assert(kSummaryFrom.starts_with(" FROM articles a"));
  auto connection = pool_.read();
  std::vector<content::ArticleSummary> articles;
  {
    auto statement =
        connection->prepare(std::string(kSummaryColumns) + std::string(kFrom) +
                            std::string(kSummaryFrom.substr(std::string_view(" FROM").size())) +
                            " WHERE a.id = p.article_id AND" + std::string(kVisible) +
                            " ORDER BY a.published_at DESC, a.id DESC LIMIT ?2");
    statement.bind(1, pool_.now_unix()).bind(2, limit);
    while (statement.step()) articles.push_back(read_summary(statement));
  }
  for (auto& summary : articles) {
    if (summary.image) attach_variants(*connection, *summary.image);
  }
  return articles;
}

std::vector<content::ChangeNote> SqliteStore::change_notes(content::ArticleId article) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT kind, note, changed_at, id FROM article_changes WHERE article_id = ?"
      " ORDER BY id");
  statement.bind(1, article.value);
  std::vector<content::ChangeNote> notes;
  while (statement.step()) {
    notes.push_back(
        {statement.column_int(3),
         content::parse_change_kind(statement.column_text(0)).value_or(content::ChangeKind::update),
         statement.column_text(1), from_unix(statement.column_int(2))});
  }
  return notes;
}

std::vector<content::ListedCorrection> SqliteStore::corrections(const PageRequest& page) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT c.kind, c.note, c.changed_at, a.id, a.title, s.slug, a.slug, c.id"
      " FROM article_changes c JOIN articles a ON a.id = c.article_id"
      " JOIN sections s ON s.id = a.section_id WHERE" +
      std::string(kVisible) +
      " AND c.kind IN ('correction', 'clarification', 'retraction')"
      " ORDER BY c.changed_at DESC, c.id DESC LIMIT ?2 OFFSET ?3");
  statement.bind(1, pool_.now_unix()).bind(2, page.limit).bind(3, page.offset);
  std::vector<content::ListedCorrection> list;
  while (statement.step()) {
    list.push_back({{statement.column_int(7),
                     content::parse_change_kind(statement.column_text(0))
                         .value_or(content::ChangeKind::correction),
                     statement.column_text(1), from_unix(statement.column_int(2))},
                    content::ArticleId{statement.column_int(3)},
                    statement.column_text(4),
                    statement.column_text(5),
                    statement.column_text(6)});
  }
  return list;
}

std::vector<content::Term> SqliteStore::published_tags() {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT t.slug, t.name FROM tags t WHERE EXISTS (SELECT 1 FROM article_tags at"
      " JOIN articles a ON a.id = at.article_id WHERE at.tag_id = t.id AND" +
      std::string(kVisible) + ") ORDER BY t.name, t.slug");
  statement.bind(1, pool_.now_unix());
  std::vector<content::Term> tags;
  while (statement.step()) tags.push_back({statement.column_text(0), statement.column_text(1)});
  return tags;
}

std::vector<content::Author> SqliteStore::published_authors() {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      // Two EXISTS, not one with OR: each walks its own index (articles_by_author,
      // article_coauthors_by_author) rather than every article for every author.
      "SELECT au.id, au.slug, au.name, au.bio, au.role, au.links FROM authors au WHERE EXISTS"
      " (SELECT 1 FROM articles a WHERE a.author_id = au.id AND" +
      std::string(kVisible) +
      ") OR EXISTS (SELECT 1 FROM article_coauthors co JOIN articles a ON a.id = co.article_id"
      " WHERE co.author_id = au.id AND" +
      std::string(kVisible) + ") ORDER BY au.name, au.slug");
  statement.bind(1, pool_.now_unix());
  std::vector<content::Author> authors;
  while (statement.step()) {
    authors.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                       statement.column_text(3), statement.column_text(4),
                       content::split_lines(statement.column_text(5)), std::nullopt});
  }
  return authors;
}

std::optional<content::MediaFile> SqliteStore::find_media(std::string_view name) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT name, mime_type, width, height, bytes, created_at FROM media WHERE name = ?");
  statement.bind(1, name);
  if (!statement.step()) return std::nullopt;
  content::MediaFile file;
  file.ref = {statement.column_text(0),
              statement.column_text(1),
              static_cast<int>(statement.column_int(2)),
              static_cast<int>(statement.column_int(3)),
              {}};
  file.bytes = statement.column_text(4);
  file.created_at = from_unix(statement.column_int(5));
  return file;
}

content::SavedArticle SqliteStore::save_article(WriteTransaction& write,
                                                const content::ArticleDraft& draft, Timestamp now) {
  Connection& connection = writer_of(write, pool_);
  std::optional<std::int64_t> existing;
  {
    auto found = connection.prepare("SELECT id FROM articles WHERE slug = ?");
    found.bind(1, draft.slug);
    if (found.step()) existing = found.column_int(0);
  }
  std::optional<std::int64_t> image_id;
  if (draft.image) image_id = keep_image(connection, *draft.image, draft.image_variants, now);
  if (image_id && draft.image_credit) {
    connection.prepare("UPDATE media SET credit = ? WHERE id = ?")
        .bind(1, *draft.image_credit)
        .bind(2, *image_id)
        .run();
  }
  if (image_id && draft.image_focal) {
    connection.prepare("UPDATE media SET focal_x = ?, focal_y = ? WHERE id = ?")
        .bind(1, std::int64_t{draft.image_focal->x})
        .bind(2, std::int64_t{draft.image_focal->y})
        .bind(3, *image_id)
        .run();
  }
  ArticleRecord record{.fields = draft,
                       .author_id = ensure_term(connection, "authors", draft.author),
                       .section_id = ensure_term(connection, "sections", draft.section),
                       .image_id = image_id,
                       .categories = draft.categories,
                       .tags = draft.tags,
                       .version = std::nullopt};
  return saved_article(write_article(connection, existing, record, now));
}

}  // namespace gazette::store::sqlite
