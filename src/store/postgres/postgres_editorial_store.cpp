// PostgresEditorialStore: the newsroom's article queries and writes in SQL (see
// editorial_store.h). A save checks the version, writes the article, its terms and a revision
// in the write's transaction; a refused save writes nothing, a conflicting one only its revision.
#include "store/postgres/postgres_editorial_store.h"

#include "content/line_list.h"
#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

using content::ArticleEdit;
using content::ArticleId;
using content::ArticleStatus;
using content::EditConflict;
using content::EditRefusal;
using content::EditRefused;
using content::EditResult;
using content::SavedArticle;
using content::Timestamp;

namespace {

ArticleStatus status_of(const std::string& text) {
  return content::parse_article_status(text).value_or(ArticleStatus::draft);
}

// `table` is sections or authors: table names cannot be bound, they come from this file.
std::optional<std::int64_t> id_by_slug(Connection& connection, std::string_view table,
                                       std::string_view slug) {
  auto rows = connection.query("SELECT id FROM " + std::string(table) + " WHERE slug = $1",
                               Params().add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return rows.integer(0, 0);
}

std::string name_by_slug(Connection& connection, std::string_view table, std::string_view slug) {
  auto rows = connection.query("SELECT name FROM " + std::string(table) + " WHERE slug = $1",
                               Params().add(slug));
  return rows.rows() > 0 ? rows.text(0, 0) : std::string(slug);
}

// A revision keeps its terms by name, one a line.
std::string join_names(const std::vector<content::Term>& terms) {
  std::vector<std::string> names;
  for (const auto& term : terms) names.push_back(term.name);
  return content::join_lines(names);
}

std::int64_t insert_revision(Connection& connection, const ArticleEdit& edit,
                             std::int64_t article_id, std::int64_t version, bool applied,
                             Timestamp now) {
  auto section_name = name_by_slug(connection, "sections", edit.section_slug);
  auto author_name = name_by_slug(connection, "authors", edit.author_slug);
  Params params;
  params.add(article_id)
      .add(version)
      .add(applied ? "t" : "f")
      .add(edit.saved_by.value)
      .add(edit.saved_by_name)
      .add(to_unix(now))
      .add(edit.note)
      .add(edit.slug)
      .add(edit.title)
      .add(edit.lead)
      .add(edit.body_markdown)
      .add(content::to_string(edit.status))
      .add(to_unix(edit.published_at))
      .add(edit.section_slug)
      .add(section_name)
      .add(edit.author_slug)
      .add(author_name)
      .add(join_names(edit.categories))
      .add(join_names(edit.tags));
  if (edit.image_name)
    params.add(*edit.image_name);
  else
    params.add_null();
  params.add(edit.image_caption)
      .add(edit.image_alt)
      .add(content::to_string(edit.change))
      .add(edit.change_note);
  if (edit.kind)
    params.add(content::to_string(*edit.kind));
  else
    params.add_null();
  params.add(edit.sponsor);
  // An edit that leaves the co-authors as they are records those the article has.
  params.add(content::join_term_lines(
      edit.coauthors ? *edit.coauthors : article_coauthors(connection, ArticleId{article_id})));
  return connection
      .query(
          "INSERT INTO article_revisions (article_id, article_version, applied, user_id,"
          " user_name, saved_at, note, slug, title, lead, body_markdown, status, published_at,"
          " section_slug, section_name, author_slug, author_name, categories, tags, image_name,"
          " image_caption, image_alt, change_kind, change_note, kind, sponsor, coauthors) VALUES"
          " ($1, $2, $3::boolean, (SELECT id FROM users WHERE id = $4), $5, $6, $7, $8, $9, $10,"
          " $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,"
          " coalesce($25::text, (SELECT kind FROM articles WHERE id = $1), 'news'),"
          " CASE WHEN $25::text IS NULL"
          " THEN coalesce((SELECT sponsor FROM articles WHERE id = $1), '') ELSE $26 END, $27)"
          " RETURNING id",
          params)
      .integer(0, 0);
}

constexpr std::string_view kRevisionSummaryColumns =
    "SELECT id, article_version, applied, user_name, saved_at, note, title, status,"
    " change_kind, change_note";

RevisionSummary read_revision_summary(const Result& rows, int row) {
  return RevisionSummary{
      rows.integer(row, 0),
      rows.integer(row, 1),
      is_true(rows, row, 2),
      rows.text(row, 3),
      from_unix(rows.integer(row, 4)),
      rows.text(row, 5),
      rows.text(row, 6),
      status_of(rows.text(row, 7)),
      content::parse_change_kind(rows.text(row, 8)).value_or(content::ChangeKind::typo),
      rows.text(row, 9)};
}

}  // namespace

NewsroomListing PostgresEditorialStore::list_articles(const NewsroomFilter& filter) {
  auto connection = database_.read();
  // The title is searched as plain text (strpos, never a LIKE pattern); lower() under "C" folds
  // ASCII letters only, as SQLite's lower() does.
  constexpr std::string_view kWhere =
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " JOIN authors au ON au.id = a.author_id"
      " WHERE ($1::text = '' OR a.status = $1::text) AND ($2::text = '' OR s.slug = $2::text)"
      // An author's articles are those they signed first or co-signed.
      " AND ($3::text = '' OR au.slug = $3::text OR EXISTS (SELECT 1 FROM article_coauthors c"
      " JOIN authors ca ON ca.id = c.author_id WHERE c.article_id = a.id AND ca.slug = $3::text))"
      " AND ($4::text = '' OR strpos(lower(a.title COLLATE \"C\"),"
      " lower($4::text COLLATE \"C\")) > 0)";
  Params params;
  params.add(filter.status ? content::to_string(*filter.status) : std::string_view(""))
      .add(filter.section_slug)
      .add(filter.author_slug)
      .add(filter.title_contains);
  Params paged = params;
  paged.add(filter.page.limit).add(filter.page.offset);
  NewsroomListing listing;
  auto rows = connection->query(
      "SELECT a.id, a.title, a.status, s.slug, s.name, au.slug, au.name, a.published_at,"
      " a.updated_at, " +
          std::string(kArticleIsPinned) + std::string(kWhere) +
          " ORDER BY a.updated_at DESC, a.id DESC LIMIT $5 OFFSET $6",
      paged);
  for (int row = 0; row < rows.rows(); ++row) {
    listing.rows.push_back({ArticleId{rows.integer(row, 0)},
                            rows.text(row, 1),
                            status_of(rows.text(row, 2)),
                            {rows.text(row, 3), rows.text(row, 4)},
                            {rows.text(row, 5), rows.text(row, 6)},
                            from_unix(rows.integer(row, 7)),
                            from_unix(rows.integer(row, 8)),
                            is_true(rows, row, 9)});
  }
  auto count = connection->query("SELECT count(*)" + std::string(kWhere), params);
  if (count.rows() > 0) listing.total = count.integer(0, 0);
  return listing;
}

std::optional<EditableArticle> PostgresEditorialStore::find_article(ArticleId id) {
  auto connection = database_.read();
  auto rows = connection->query(
      std::string(kSummaryColumns) +
          ", a.status, a.updated_at, a.body_markdown, a.body_html, a.image_caption, a.version, " +
          std::string(kArticleIsPinned) + ", a.sponsor" + std::string(kSummaryFrom) +
          " WHERE a.id = $1",
      Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  EditableArticle editable;
  auto& article = editable.article;
  article.summary = read_summary(rows, 0);
  article.status = status_of(rows.text(0, kSummaryColumnCount));
  article.updated_at = from_unix(rows.integer(0, kSummaryColumnCount + 1));
  article.body_markdown = rows.text(0, kSummaryColumnCount + 2);
  article.body_html = rows.text(0, kSummaryColumnCount + 3);
  article.image_caption = rows.text(0, kSummaryColumnCount + 4);
  editable.version = rows.integer(0, kSummaryColumnCount + 5);
  editable.pinned = is_true(rows, 0, kSummaryColumnCount + 6);
  article.sponsor = rows.text(0, kSummaryColumnCount + 7);
  if (article.summary.image) attach_variants(*connection, *article.summary.image);
  article.categories = article_categories(*connection, id);
  article.tags = article_tags(*connection, id);
  return editable;
}

EditResult PostgresEditorialStore::save_edit(WriteTransaction& write, const ArticleEdit& edit,
                                             Timestamp now) {
  Connection& connection = connection_of(write, database_);

  std::int64_t version = 1;
  if (edit.id) {
    auto found = connection.query("SELECT version FROM articles WHERE id = $1",
                                  Params().add(edit.id->value));
    if (found.rows() == 0) return EditRefused{EditRefusal::article_gone};
    std::int64_t current = found.integer(0, 0);
    if (current != edit.expected_version) {
      auto kept = insert_revision(connection, edit, edit.id->value, edit.expected_version,
                                  /*applied=*/false, now);
      return EditConflict{current, kept};
    }
    version = current + 1;
  }

  auto section_id = id_by_slug(connection, "sections", edit.section_slug);
  if (!section_id) return EditRefused{EditRefusal::no_section};
  auto author_id = id_by_slug(connection, "authors", edit.author_slug);
  if (!author_id) return EditRefused{EditRefusal::no_author};
  std::optional<std::int64_t> image_id;
  if (edit.image_name) {
    auto found =
        connection.query("SELECT id FROM media WHERE name = $1", Params().add(*edit.image_name));
    if (found.rows() == 0) return EditRefused{EditRefusal::image_missing};
    image_id = found.integer(0, 0);
  }
  if (connection
          .query("SELECT 1 FROM articles WHERE slug = $1 AND id <> $2",
                 Params().add(edit.slug).add(edit.id ? edit.id->value : std::int64_t{-1}))
          .rows() > 0)
    return EditRefused{EditRefusal::slug_taken};

  ArticleRecord record{.fields = edit,
                       .author_id = *author_id,
                       .section_id = *section_id,
                       .image_id = image_id,
                       .categories = edit.categories,
                       .tags = edit.tags,
                       .version = version};
  std::optional<std::int64_t> existing;
  if (edit.id) existing = edit.id->value;
  auto saved = write_article(connection, existing, record, now);
  insert_revision(connection, edit, saved.id.value, version, /*applied=*/true, now);
  return saved;
}

std::optional<content::ArticlePlacement> PostgresEditorialStore::delete_article(
    WriteTransaction& write, ArticleId id, Timestamp now) {
  Connection& connection = connection_of(write, database_);
  auto before = read_placement(connection, id.value, now);
  if (!before) return std::nullopt;
  connection.query("DELETE FROM articles WHERE id = $1", Params().add(id.value));
  return before;
}

std::vector<SavedArticle> PostgresEditorialStore::publish_due(WriteTransaction& write,
                                                              Timestamp now) {
  Connection& connection = connection_of(write, database_);
  auto due = connection.query(
      "SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= $1 ORDER BY id",
      Params().add(to_unix(now)));
  std::vector<SavedArticle> published;
  for (int row = 0; row < due.rows(); ++row) {
    auto id = due.integer(row, 0);
    auto before = read_placement(connection, id, now);
    // Only the status changes, so the version stays: an article going live does not turn the
    // edit open in someone's browser into a conflict.
    connection.query("UPDATE articles SET status = 'published' WHERE id = $1", Params().add(id));
    auto after = read_placement(connection, id, now);
    published.push_back(
        {ArticleId{id}, false, after->section_slug, after->slug, std::move(before), *after});
  }
  return published;
}

std::vector<SavedArticle> PostgresEditorialStore::published_between(Timestamp after,
                                                                    Timestamp until) {
  auto connection = database_.read();
  auto ids = connection->query(
      "SELECT id FROM articles WHERE status = 'published' AND published_at > $1"
      " AND published_at <= $2 AND updated_at < published_at ORDER BY id",
      Params().add(to_unix(after)).add(to_unix(until)));
  std::vector<SavedArticle> reached;
  for (int row = 0; row < ids.rows(); ++row) {
    auto id = ids.integer(row, 0);
    auto placement = read_placement(*connection, id, until);
    if (!placement) continue;
    auto hidden = *placement;
    hidden.visible = false;
    reached.push_back(
        {ArticleId{id}, false, placement->section_slug, placement->slug, hidden, *placement});
  }
  return reached;
}

std::optional<Timestamp> PostgresEditorialStore::next_due(Timestamp now) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT min(published_at) FROM articles WHERE status = 'scheduled'"
      " OR (status = 'published' AND published_at > $1)",
      Params().add(to_unix(now)));
  if (rows.rows() == 0 || rows.is_null(0, 0)) return std::nullopt;
  return from_unix(rows.integer(0, 0));
}

std::vector<RevisionSummary> PostgresEditorialStore::revisions(ArticleId article) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kRevisionSummaryColumns) +
                                    " FROM article_revisions WHERE article_id = $1"
                                    " ORDER BY id DESC",
                                Params().add(article.value));
  std::vector<RevisionSummary> list;
  for (int row = 0; row < rows.rows(); ++row) list.push_back(read_revision_summary(rows, row));
  return list;
}

std::optional<Revision> PostgresEditorialStore::find_revision(ArticleId article,
                                                              std::int64_t revision) {
  auto connection = database_.read();
  auto rows = connection->query(
      std::string(kRevisionSummaryColumns) +
          ", slug, lead, body_markdown, published_at, section_slug, section_name, author_slug,"
          " author_name, categories, tags, image_name, image_caption, image_alt, kind, sponsor,"
          " coauthors"
          " FROM article_revisions WHERE article_id = $1 AND id = $2",
      Params().add(article.value).add(revision));
  if (rows.rows() == 0) return std::nullopt;
  Revision result;
  result.summary = read_revision_summary(rows, 0);
  result.article = article;
  result.title = result.summary.title;
  result.status = result.summary.status;
  result.slug = rows.text(0, 10);
  result.lead = rows.text(0, 11);
  result.body_markdown = rows.text(0, 12);
  result.published_at = from_unix(rows.integer(0, 13));
  result.section = {rows.text(0, 14), rows.text(0, 15)};
  result.author = {rows.text(0, 16), rows.text(0, 17)};
  result.categories = content::split_lines(rows.text(0, 18));
  result.tags = content::split_lines(rows.text(0, 19));
  if (!rows.is_null(0, 20)) result.image_name = rows.text(0, 20);
  result.image_caption = rows.text(0, 21);
  result.image_alt = rows.text(0, 22);
  result.kind = kind_of(rows.text(0, 23));
  result.sponsor = rows.text(0, 24);
  result.coauthors = content::split_term_lines(rows.text(0, 25));
  return result;
}

}  // namespace gazette::store::postgres
