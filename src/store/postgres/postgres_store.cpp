// PostgresStore: the Store's queries and writes in PostgreSQL's SQL (as SqliteStore's).
#include "store/postgres/postgres_store.h"

#include "content/line_list.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

namespace {

// Readers see an article once it is published and its time has come; $1 is now.
constexpr std::string_view kVisible = " a.status = 'published' AND a.published_at <= $1";

// The WHERE clause of a listing: $1 now, $2 the excluded id, $3 the slug (when filtered).
std::string filter_clause(ArticleFilter::Kind kind) {
  std::string clause = " WHERE" + std::string(kVisible) + " AND a.id <> $2";
  switch (kind) {
    case ArticleFilter::Kind::all:
      break;
    case ArticleFilter::Kind::section:
      clause += " AND s.slug = $3";
      break;
    case ArticleFilter::Kind::author:
      // Signed first, or after someone else.
      clause +=
          " AND a.id IN (SELECT id FROM articles WHERE author_id ="
          " (SELECT id FROM authors WHERE slug = $3) UNION ALL SELECT co.article_id"
          " FROM article_coauthors co JOIN authors x ON x.id = co.author_id WHERE x.slug = $3)";
      break;
    case ArticleFilter::Kind::tag:
      clause +=
          " AND a.id IN (SELECT at.article_id FROM article_tags at"
          " JOIN tags t ON t.id = at.tag_id WHERE t.slug = $3)";
      break;
    case ArticleFilter::Kind::category:
      clause +=
          " AND a.id IN (SELECT ac.article_id FROM article_categories ac"
          " JOIN categories c ON c.id = ac.category_id WHERE c.slug = $3)";
      break;
    case ArticleFilter::Kind::article_kind:
      clause += " AND a.kind = $3";
      break;
  }
  return clause;
}

std::vector<content::ArticleSummary> summaries(Connection& connection, const Result& rows,
                                               std::size_t count) {
  std::vector<content::ArticleSummary> articles;
  for (int row = 0; row < static_cast<int>(count); ++row) {
    articles.push_back(read_summary(rows, row));
    if (articles.back().image) attach_variants(connection, *articles.back().image);
  }
  return articles;
}

}  // namespace

content::SiteSettings PostgresStore::settings() {
  auto connection = database_.read();
  content::SiteSettings settings;
  auto rows = connection->query("SELECT key, value FROM settings");
  for (int row = 0; row < rows.rows(); ++row)
    content::apply_setting_row(settings, rows.text(row, 0), rows.text(row, 1));
  return settings;
}

void PostgresStore::save_settings(WriteTransaction& write, const content::SiteSettings& settings) {
  Connection& connection = connection_of(write, database_);
  for (const auto& [key, value] : content::setting_rows(settings)) {
    connection.query(
        "INSERT INTO settings (key, value) VALUES ($1, $2)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        Params().add(key).add(value));
  }
}

std::vector<content::Section> PostgresStore::sections() {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT id, slug, name, description FROM sections ORDER BY position, id");
  std::vector<content::Section> sections;
  for (int row = 0; row < rows.rows(); ++row)
    sections.push_back(
        {rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
  return sections;
}

std::optional<content::Section> PostgresStore::find_section(std::string_view slug) {
  auto connection = database_.read();
  auto rows = connection->query("SELECT id, slug, name, description FROM sections WHERE slug = $1",
                                Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return content::Section{rows.integer(0, 0), rows.text(0, 1), rows.text(0, 2), rows.text(0, 3)};
}

std::optional<content::Author> PostgresStore::find_author(std::string_view slug) {
  auto connection = database_.read();
  return read_author(*connection, slug);
}

std::optional<content::Term> PostgresStore::find_tag(std::string_view slug) {
  auto connection = database_.read();
  auto rows = connection->query("SELECT slug, name FROM tags WHERE slug = $1", Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return content::Term{rows.text(0, 0), rows.text(0, 1)};
}

std::optional<content::Term> PostgresStore::find_category(std::string_view slug) {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT slug, name FROM categories WHERE slug = $1", Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return content::Term{rows.text(0, 0), rows.text(0, 1)};
}

std::optional<content::Article> PostgresStore::find_published_article(std::string_view section_slug,
                                                                      std::string_view slug) {
  auto connection = database_.read();
  auto rows = connection->query(
      std::string(kSummaryColumns) + ", a.updated_at, a.body_markdown, a.body_html," +
          " a.image_caption, a.sponsor" + std::string(kSummaryFrom) + " WHERE" +
          std::string(kVisible) + " AND s.slug = $2 AND a.slug = $3",
      Params().add(database_.now_unix()).add(section_slug).add(slug));
  if (rows.rows() == 0) return std::nullopt;
  content::Article article;
  article.summary = read_summary(rows, 0);
  article.status = content::ArticleStatus::published;
  article.updated_at = from_unix(rows.integer(0, kSummaryColumnCount));
  article.body_markdown = rows.text(0, kSummaryColumnCount + 1);
  article.body_html = rows.text(0, kSummaryColumnCount + 2);
  article.image_caption = rows.text(0, kSummaryColumnCount + 3);
  article.sponsor = rows.text(0, kSummaryColumnCount + 4);
  if (article.summary.image) attach_variants(*connection, *article.summary.image);
  article.categories = article_categories(*connection, article.summary.id);
  article.tags = article_tags(*connection, article.summary.id);
  return article;
}

content::ArticlePage PostgresStore::published_articles(const ArticleFilter& filter,
                                                       const PageRequest& page,
                                                       std::optional<content::ArticleId> except) {
  auto connection = database_.read();
  Params params;
  params.add(database_.now_unix()).add(except ? except->value : std::int64_t{-1});
  int next = 3;  // the number of the next parameter
  auto where = filter_clause(filter.kind);
  if (filter.kind != ArticleFilter::Kind::all) {
    params.add(filter.slug);
    ++next;
  }
  // Date bounds (the Content API's filters), numbered after the listing's own parameters.
  auto bound = [&](const std::optional<content::Timestamp>& time, std::string_view condition) {
    if (!time) return;
    params.add(to_unix(*time));
    where += " AND " + std::string(condition) + " $" + std::to_string(next++);
  };
  bound(filter.published_from, "a.published_at >=");
  bound(filter.published_before, "a.published_at <");
  bound(filter.updated_since, "a.updated_at >=");
  // One row more than asked tells whether another page follows.
  params.add(page.limit + 1).add(page.offset);
  auto limits = " LIMIT $" + std::to_string(next) + " OFFSET $" + std::to_string(next + 1);
  auto rows = connection->query(std::string(kSummaryColumns) + std::string(kSummaryFrom) + where +
                                    " ORDER BY a.published_at DESC, a.id DESC" + limits,
                                params);
  content::ArticlePage result;
  auto count = static_cast<std::size_t>(rows.rows());
  if (static_cast<std::int64_t>(count) > page.limit) {
    result.has_more = true;
    count = static_cast<std::size_t>(page.limit);
  }
  result.articles = summaries(*connection, rows, count);
  return result;
}

std::vector<content::ArticleSummary> PostgresStore::pinned_articles(std::int64_t limit) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kSummaryColumns) + std::string(kSummaryFrom) +
                                    " JOIN sticky_articles p ON p.article_id = a.id WHERE" +
                                    std::string(kVisible) +
                                    " ORDER BY a.published_at DESC, a.id DESC LIMIT $2",
                                Params().add(database_.now_unix()).add(limit));
  return summaries(*connection, rows, static_cast<std::size_t>(rows.rows()));
}

std::vector<content::ChangeNote> PostgresStore::change_notes(content::ArticleId article) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT kind, note, changed_at, id FROM article_changes WHERE article_id = $1"
      " ORDER BY id",
      Params().add(article.value));
  std::vector<content::ChangeNote> notes;
  for (int row = 0; row < rows.rows(); ++row) {
    notes.push_back(
        {rows.integer(row, 3),
         content::parse_change_kind(rows.text(row, 0)).value_or(content::ChangeKind::update),
         rows.text(row, 1), from_unix(rows.integer(row, 2))});
  }
  return notes;
}

std::vector<content::ListedCorrection> PostgresStore::corrections(const PageRequest& page) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT c.kind, c.note, c.changed_at, a.id, a.title, s.slug, a.slug, c.id"
      " FROM article_changes c JOIN articles a ON a.id = c.article_id"
      " JOIN sections s ON s.id = a.section_id WHERE" +
          std::string(kVisible) +
          " AND c.kind IN ('correction', 'clarification', 'retraction')"
          " ORDER BY c.changed_at DESC, c.id DESC LIMIT $2 OFFSET $3",
      Params().add(database_.now_unix()).add(page.limit).add(page.offset));
  std::vector<content::ListedCorrection> list;
  for (int row = 0; row < rows.rows(); ++row) {
    list.push_back(
        {{rows.integer(row, 7),
          content::parse_change_kind(rows.text(row, 0)).value_or(content::ChangeKind::correction),
          rows.text(row, 1), from_unix(rows.integer(row, 2))},
         content::ArticleId{rows.integer(row, 3)},
         rows.text(row, 4),
         rows.text(row, 5),
         rows.text(row, 6)});
  }
  return list;
}

std::vector<content::Term> PostgresStore::published_tags() {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT t.slug, t.name FROM tags t WHERE EXISTS (SELECT 1 FROM article_tags at"
      " JOIN articles a ON a.id = at.article_id WHERE at.tag_id = t.id AND" +
          std::string(kVisible) + ") ORDER BY t.name, t.slug",
      Params().add(database_.now_unix()));
  std::vector<content::Term> tags;
  for (int row = 0; row < rows.rows(); ++row)
    tags.push_back({rows.text(row, 0), rows.text(row, 1)});
  return tags;
}

std::vector<content::Author> PostgresStore::published_authors() {
  auto connection = database_.read();
  auto rows = connection->query(
      // Two EXISTS, not one with OR: each walks its own index.
      "SELECT au.id, au.slug, au.name, au.bio, au.role, au.links FROM authors au WHERE EXISTS"
      " (SELECT 1 FROM articles a WHERE a.author_id = au.id AND" +
          std::string(kVisible) +
          ") OR EXISTS (SELECT 1 FROM article_coauthors co JOIN articles a ON a.id = co.article_id"
          " WHERE co.author_id = au.id AND" +
          std::string(kVisible) + ") ORDER BY au.name, au.slug",
      Params().add(database_.now_unix()));
  std::vector<content::Author> authors;
  for (int row = 0; row < rows.rows(); ++row) {
    authors.push_back({rows.integer(row, 0), rows.text(row, 1), rows.text(row, 2),
                       rows.text(row, 3), rows.text(row, 4), content::split_lines(rows.text(row, 5)),
                       std::nullopt});
  }
  return authors;
}

std::optional<content::MediaFile> PostgresStore::find_media(std::string_view name) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT name, mime_type, width, height, bytes, created_at FROM media WHERE name = $1",
      Params().add(name));
  if (rows.rows() == 0) return std::nullopt;
  content::MediaFile file;
  file.ref = {rows.text(0, 0),
              rows.text(0, 1),
              static_cast<int>(rows.integer(0, 2)),
              static_cast<int>(rows.integer(0, 3)),
              {}};
  file.bytes = rows.bytes(0, 4);
  file.created_at = from_unix(rows.integer(0, 5));
  return file;
}

content::SavedArticle PostgresStore::save_article(WriteTransaction& write,
                                                  const content::ArticleDraft& draft,
                                                  content::Timestamp now) {
  Connection& connection = connection_of(write, database_);
  std::optional<std::int64_t> existing;
  auto found =
      connection.query("SELECT id FROM articles WHERE slug = $1", Params().add(draft.slug));
  if (found.rows() > 0) existing = found.integer(0, 0);
  std::optional<std::int64_t> image_id;
  if (draft.image) image_id = keep_image(connection, *draft.image, draft.image_variants, now);
  if (image_id && draft.image_credit)
    connection.query("UPDATE media SET credit = $1 WHERE id = $2",
                     Params().add(*draft.image_credit).add(*image_id));
  if (image_id && draft.image_focal)
    connection.query("UPDATE media SET focal_x = $1, focal_y = $2 WHERE id = $3",
                     Params()
                         .add(std::int64_t{draft.image_focal->x})
                         .add(std::int64_t{draft.image_focal->y})
                         .add(*image_id));
  ArticleRecord record{.fields = draft,
                       .author_id = ensure_term(connection, "authors", draft.author),
                       .section_id = ensure_term(connection, "sections", draft.section),
                       .image_id = image_id,
                       .categories = draft.categories,
                       .tags = draft.tags,
                       .version = std::nullopt};
  return write_article(connection, existing, record, now);
}

}  // namespace gazette::store::postgres
