// SqliteStore: the Store's queries and writes in SQL. Listings use the indexes made in
// migrations/0001 ("published, newest first" per section, author, tag and category).
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/rows.h"

#include "store/sqlite/media_variants.h"
#include "store/sqlite/pins.h"

namespace gazette::store::sqlite {

using content::ArticleId;
using content::Timestamp;

namespace {

// Readers see an article once it is published and its time has come.
constexpr std::string_view kVisible = " a.status = 'published' AND a.published_at <= ?1";

// An article's categories and tags, in the order its editor gave them.

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
      clause += " AND au.slug = ?2";
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
  }
  return clause;
}

}  // namespace

content::SiteSettings SqliteStore::settings() {
  auto connection = pool_.read();
  content::SiteSettings settings;
  auto statement = connection->prepare("SELECT key, value FROM settings");
  while (statement.step()) {
    auto key = statement.column_text(0);
    auto value = statement.column_text(1);
    if (key == "title")
      settings.title = value;
    else if (key == "description")
      settings.description = value;
    else if (key == "language")
      settings.language = value;
    else if (key == "time_zone")
      settings.time_zone = value;
    else if (key == "logo")
      settings.logo = value;
    else if (key == "url")
      settings.url = value;
    else if (key == "feed_content")
      // Written by hand before the newsroom had the field: anything but "full" meant the lead.
      settings.feed_content =
          content::parse_feed_content(value).value_or(content::FeedContent::excerpt);
  }
  return settings;
}

void SqliteStore::save_settings(const content::SiteSettings& settings) {
  auto writer = pool_.write();
  Transaction transaction(*writer);
  const auto feed_content = std::string(content::to_string(settings.feed_content));
  for (const auto& [key, value] : {std::pair{"title", &settings.title},
                                   {"description", &settings.description},
                                   {"language", &settings.language},
                                   {"time_zone", &settings.time_zone},
                                   {"logo", &settings.logo},
                                   {"url", &settings.url},
                                   {"feed_content", &feed_content}}) {
    writer
        ->prepare(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, std::string_view(key))
        .bind(2, *value)
        .run();
  }
  transaction.commit();
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
  auto statement = connection->prepare("SELECT id, slug, name, bio FROM authors WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return content::Author{statement.column_int(0), statement.column_text(1),
                         statement.column_text(2), statement.column_text(3)};
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
        " a.image_caption" + std::string(kSummaryFrom) + " WHERE" + std::string(kVisible) +
        " AND s.slug = ?2 AND a.slug = ?3");
    statement.bind(1, now_unix()).bind(2, section_slug).bind(3, slug);
    if (!statement.step()) return std::nullopt;
    article.summary = read_summary(statement);
    article.status = content::ArticleStatus::published;
    article.updated_at = from_unix(statement.column_int(15));
    article.body_markdown = statement.column_text(16);
    article.body_html = statement.column_text(17);
    article.image_caption = statement.column_text(18);
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
  content::ArticlePage result;
  {
    auto statement =
        connection->prepare(std::string(kSummaryColumns) + std::string(kSummaryFrom) + where +
                            " ORDER BY a.published_at DESC, a.id DESC"
                            " LIMIT ?4 OFFSET ?5");
    statement.bind(1, now_unix()).bind(3, except ? except->value : std::int64_t{-1});
    if (filter.kind != ArticleFilter::Kind::all) statement.bind(2, filter.slug);
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
    statement.bind(1, now_unix()).bind(2, limit);
    while (statement.step()) articles.push_back(read_summary(statement));
  }
  for (auto& summary : articles) {
    if (summary.image) attach_variants(*connection, *summary.image);
  }
  return articles;
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

namespace {

// Saves `draft` inside the caller's transaction.
SavedArticle save_in(Connection& connection, const ArticleDraft& draft) {
  auto now = from_unix(now_unix());
  std::int64_t author_id = ensure_term(connection, "authors", draft.author);
  std::int64_t section_id = ensure_term(connection, "sections", draft.section);
  std::optional<std::int64_t> image_id;
  if (draft.image) image_id = keep_media(connection, *draft.image);
  for (const auto& variant : draft.image_variants) {
    auto variant_id = keep_media(connection, variant);
    if (!image_id || variant_id == *image_id) continue;  // a "copy" identical to the original
    connection
        .prepare(
            "INSERT INTO media_variants (original_id, variant_id) VALUES (?, ?)"
            " ON CONFLICT DO NOTHING")
        .bind(1, *image_id)
        .bind(2, variant_id)
        .run();
  }

  std::optional<std::int64_t> existing;
  {
    auto found = connection.prepare("SELECT id FROM articles WHERE slug = ?");
    found.bind(1, draft.slug);
    if (found.step()) existing = found.column_int(0);
  }
  std::optional<content::ArticlePlacement> before;
  if (existing) before = read_placement(connection, *existing, now);
  auto statement = connection.prepare(
      existing ? "UPDATE articles SET title = ?2, lead = ?3, body_markdown = ?4, body_html = ?5,"
                 " status = ?6, published_at = ?7, updated_at = ?8, author_id = ?9,"
                 " section_id = ?10, image_id = ?11, image_caption = ?12, image_alt = ?13"
                 " WHERE slug = ?1"
               : "INSERT INTO articles (slug, title, lead, body_markdown, body_html, status,"
                 " published_at, updated_at, author_id, section_id, image_id, image_caption,"
                 " image_alt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  statement.bind(1, draft.slug)
      .bind(2, draft.title)
      .bind(3, draft.lead)
      .bind(4, draft.body_markdown)
      .bind(5, draft.body_html)
      .bind(6, content::to_string(draft.status))
      .bind(7, to_unix(draft.published_at))
      .bind(8, to_unix(draft.updated_at))
      .bind(9, author_id)
      .bind(10, section_id)
      .bind(11, image_id)
      .bind(12, draft.image_caption)
      .bind(13, draft.image_alt)
      .run();
  std::int64_t article_id = existing ? *existing : connection.last_insert_id();

  replace_article_categories(connection, article_id, draft.categories);
  replace_article_tags(connection, article_id, draft.tags);
  if (draft.pinned) write_pin(connection, article_id, *draft.pinned);
  auto after = read_placement(connection, article_id, now);
  return {ArticleId{article_id}, !existing,        draft.section.slug, draft.slug,
          std::move(before),     std::move(*after)};
}

}  // namespace

SavedArticle SqliteStore::save_article(const ArticleDraft& draft) {
  auto writer = pool_.write();
  Transaction transaction(*writer);
  auto saved = save_in(*writer, draft);
  transaction.commit();
  return saved;
}

std::vector<SavedArticle> SqliteStore::save_articles(const std::vector<ArticleDraft>& drafts) {
  auto writer = pool_.write();
  Transaction transaction(*writer);
  std::vector<SavedArticle> saved;
  saved.reserve(drafts.size());
  for (const auto& draft : drafts) saved.push_back(save_in(*writer, draft));
  transaction.commit();
  return saved;
}

}  // namespace gazette::store::sqlite
