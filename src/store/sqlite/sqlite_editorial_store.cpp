// SqliteEditorialStore: the newsroom's article queries and writes in SQL (see
// editorial_store.h). A save checks the version, writes the article, its terms and a revision
// in one transaction; a refused save writes nothing, a conflicting one only its revision.
#include "store/sqlite/sqlite_editorial_store.h"

#include "content/line_list.h"
#include "store/sqlite/article_writer.h"
#include "store/sqlite/media_variants.h"
#include "store/sqlite/pins.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

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

std::optional<std::int64_t> id_by_slug(Connection& connection, std::string_view table,
                                       std::string_view slug) {
  auto statement = connection.prepare("SELECT id FROM " + std::string(table) + " WHERE slug = ?");
  statement.bind(1, slug);
  if (!statement.step()) return std::nullopt;
  return statement.column_int(0);
}

std::string name_by_slug(Connection& connection, std::string_view table, std::string_view slug) {
  auto statement = connection.prepare("SELECT name FROM " + std::string(table) + " WHERE slug = ?");
  statement.bind(1, slug);
  return statement.step() ? statement.column_text(0) : std::string(slug);
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
  auto statement = connection.prepare(
      "INSERT INTO article_revisions (article_id, article_version, applied, user_id,"
      " user_name, saved_at, note, slug, title, lead, body_markdown, status, published_at,"
      " section_slug, section_name, author_slug, author_name, categories, tags, image_name,"
      " image_caption, image_alt, change_kind, change_note, kind, sponsor, coauthors) VALUES"
      " (?1, ?2, ?3, (SELECT id FROM users WHERE id = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
      " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
      " coalesce(?25, (SELECT kind FROM articles WHERE id = ?1), 'news'),"
      " CASE WHEN ?25 IS NULL THEN coalesce((SELECT sponsor FROM articles WHERE id = ?1), '')"
      " ELSE ?26 END, ?27)");
  statement.bind(1, article_id)
      .bind(2, version)
      .bind(3, std::int64_t{applied ? 1 : 0})
      .bind(4, edit.saved_by.value)
      .bind(5, edit.saved_by_name)
      .bind(6, to_unix(now))
      .bind(7, edit.note)
      .bind(8, edit.slug)
      .bind(9, edit.title)
      .bind(10, edit.lead)
      .bind(11, edit.body_markdown)
      .bind(12, content::to_string(edit.status))
      .bind(13, to_unix(edit.published_at))
      .bind(14, edit.section_slug)
      .bind(15, section_name)
      .bind(16, edit.author_slug)
      .bind(17, author_name)
      .bind(18, join_names(edit.categories))
      .bind(19, join_names(edit.tags))
      .bind(21, edit.image_caption)
      .bind(22, edit.image_alt)
      .bind(23, content::to_string(edit.change))
      .bind(24, edit.change_note)
      .bind(26, edit.sponsor)
      // An edit that leaves the co-authors as they are records those the article has.
      .bind(27, content::join_term_lines(edit.coauthors
                                             ? *edit.coauthors
                                             : article_coauthors(connection, ArticleId{article_id})));
  if (edit.kind)
    statement.bind(25, content::to_string(*edit.kind));
  else
    statement.bind_null(25);
  if (edit.image_name) {
    statement.bind(20, *edit.image_name);
  } else {
    statement.bind_null(20);
  }
  statement.run();
  return connection.last_insert_id();
}

constexpr std::string_view kRevisionSummaryColumns =
    "SELECT id, article_version, applied, user_name, saved_at, note, title, status,"
    " change_kind, change_note";

RevisionSummary read_revision_summary(const Statement& row) {
  return RevisionSummary{
      row.column_int(0),
      row.column_int(1),
      row.column_int(2) != 0,
      row.column_text(3),
      from_unix(row.column_int(4)),
      row.column_text(5),
      row.column_text(6),
      status_of(row.column_text(7)),
      content::parse_change_kind(row.column_text(8)).value_or(content::ChangeKind::typo),
      row.column_text(9)};
}

}  // namespace

NewsroomListing SqliteEditorialStore::list_articles(const NewsroomFilter& filter) {
  auto connection = pool_.read();
  constexpr std::string_view kWhere =
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " JOIN authors au ON au.id = a.author_id"
      " WHERE (?1 = '' OR a.status = ?1) AND (?2 = '' OR s.slug = ?2)"
      // An author's articles are those they signed first or co-signed.
      " AND (?3 = '' OR au.slug = ?3 OR EXISTS (SELECT 1 FROM article_coauthors c"
      " JOIN authors ca ON ca.id = c.author_id WHERE c.article_id = a.id AND ca.slug = ?3))"
      " AND (?4 = '' OR instr(lower(a.title), lower(?4)) > 0)";
  auto bind_filter = [&](Statement& statement) {
    // A std::string, never a null string_view: SQLite binds a null pointer as NULL, not ''.
    statement.bind(1, std::string(filter.status ? content::to_string(*filter.status) : ""))
        .bind(2, filter.section_slug)
        .bind(3, filter.author_slug)
        .bind(4, filter.title_contains);
  };
  NewsroomListing listing;
  {
    auto statement = connection->prepare(
        "SELECT a.id, a.title, a.status, s.slug, s.name, au.slug, au.name, a.published_at,"
        " a.updated_at, " +
        std::string(kArticleIsPinned) + std::string(kWhere) +
        " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?5 OFFSET ?6");
    bind_filter(statement);
    statement.bind(5, filter.page.limit).bind(6, filter.page.offset);
    while (statement.step()) {
      listing.rows.push_back({ArticleId{statement.column_int(0)},
                              statement.column_text(1),
                              status_of(statement.column_text(2)),
                              {statement.column_text(3), statement.column_text(4)},
                              {statement.column_text(5), statement.column_text(6)},
                              from_unix(statement.column_int(7)),
                              from_unix(statement.column_int(8)),
                              statement.column_int(9) != 0});
    }
  }
  {
    auto statement = connection->prepare("SELECT count(*)" + std::string(kWhere));
    bind_filter(statement);
    if (statement.step()) listing.total = statement.column_int(0);
  }
  return listing;
}

std::optional<EditableArticle> SqliteEditorialStore::find_article(ArticleId id) {
  auto connection = pool_.read();
  EditableArticle editable;
  auto& article = editable.article;
  {
    auto statement = connection->prepare(
        std::string(kSummaryColumns) +
        ", a.status, a.updated_at, a.body_markdown, a.body_html, a.image_caption, a.version, " +
        std::string(kArticleIsPinned) + ", a.sponsor" + std::string(kSummaryFrom) +
        " WHERE a.id = ?");
    statement.bind(1, id.value);
    if (!statement.step()) return std::nullopt;
    article.summary = read_summary(statement);
    article.status = status_of(statement.column_text(kSummaryColumnCount));
    article.updated_at = from_unix(statement.column_int(kSummaryColumnCount + 1));
    article.body_markdown = statement.column_text(kSummaryColumnCount + 2);
    article.body_html = statement.column_text(kSummaryColumnCount + 3);
    article.image_caption = statement.column_text(kSummaryColumnCount + 4);
    editable.version = statement.column_int(kSummaryColumnCount + 5);
    editable.pinned = statement.column_int(kSummaryColumnCount + 6) != 0;
    article.sponsor = statement.column_text(kSummaryColumnCount + 7);
  }
  if (article.summary.image) attach_variants(*connection, *article.summary.image);
  article.categories = article_categories(*connection, id);
  article.tags = article_tags(*connection, id);
  return editable;
}

EditResult SqliteEditorialStore::save_edit(WriteTransaction& write, const ArticleEdit& edit,
                                           Timestamp now) {
  Connection& connection = writer_of(write, pool_);

  std::int64_t version = 1;
  if (edit.id) {
    auto found = connection.prepare("SELECT version FROM articles WHERE id = ?");
    found.bind(1, edit.id->value);
    if (!found.step()) return EditRefused{EditRefusal::article_gone};
    std::int64_t current = found.column_int(0);
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
    auto found = connection.prepare("SELECT id FROM media WHERE name = ?");
    found.bind(1, *edit.image_name);
    if (!found.step()) return EditRefused{EditRefusal::image_missing};
    image_id = found.column_int(0);
  }
  {
    auto taken = connection.prepare("SELECT 1 FROM articles WHERE slug = ? AND id <> ?");
    taken.bind(1, edit.slug).bind(2, edit.id ? edit.id->value : std::int64_t{-1});
    if (taken.step()) return EditRefused{EditRefusal::slug_taken};
  }

  ArticleRecord record{.fields = edit,
                       .author_id = *author_id,
                       .section_id = *section_id,
                       .image_id = image_id,
                       .categories = edit.categories,
                       .tags = edit.tags,
                       .version = version};
  std::optional<std::int64_t> existing;
  if (edit.id) existing = edit.id->value;
  auto written = write_article(connection, existing, record, now);
  insert_revision(connection, edit, written.id, version, /*applied=*/true, now);
  return saved_article(std::move(written));
}

std::optional<content::ArticlePlacement> SqliteEditorialStore::delete_article(
    WriteTransaction& write, ArticleId id, Timestamp now) {
  Connection& connection = writer_of(write, pool_);
  auto before = read_placement(connection, id.value, now);
  if (!before) return std::nullopt;
  connection.prepare("DELETE FROM articles WHERE id = ?").bind(1, id.value).run();
  return before;
}

std::vector<SavedArticle> SqliteEditorialStore::publish_due(WriteTransaction& write,
                                                            Timestamp now) {
  Connection& connection = writer_of(write, pool_);
  std::vector<std::int64_t> due;
  {
    auto statement = connection.prepare(
        "SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= ? ORDER BY id");
    statement.bind(1, to_unix(now));
    while (statement.step()) due.push_back(statement.column_int(0));
  }
  std::vector<SavedArticle> published;
  for (auto id : due) {
    auto before = read_placement(connection, id, now);
    // Only the status changes, so the version stays (see the trigger in migrations/0003).
    connection.prepare("UPDATE articles SET status = 'published' WHERE id = ?").bind(1, id).run();
    auto after = read_placement(connection, id, now);
    published.push_back(
        {ArticleId{id}, false, after->section_slug, after->slug, std::move(before), *after});
  }
  return published;
}

std::vector<SavedArticle> SqliteEditorialStore::published_between(Timestamp after,
                                                                  Timestamp until) {
  auto connection = pool_.read();
  std::vector<std::int64_t> ids;
  {
    auto statement = connection->prepare(
        "SELECT id FROM articles WHERE status = 'published' AND published_at > ?"
        " AND published_at <= ? AND updated_at < published_at ORDER BY id");
    statement.bind(1, to_unix(after)).bind(2, to_unix(until));
    while (statement.step()) ids.push_back(statement.column_int(0));
  }
  std::vector<SavedArticle> reached;
  for (auto id : ids) {
    auto placement = read_placement(*connection, id, until);
    if (!placement) continue;
    auto hidden = *placement;
    hidden.visible = false;
    reached.push_back(
        {ArticleId{id}, false, placement->section_slug, placement->slug, hidden, *placement});
  }
  return reached;
}

std::optional<Timestamp> SqliteEditorialStore::next_due(Timestamp now) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT min(published_at) FROM articles WHERE status = 'scheduled'"
      " OR (status = 'published' AND published_at > ?)");
  statement.bind(1, to_unix(now));
  if (!statement.step() || statement.column_is_null(0)) return std::nullopt;
  return from_unix(statement.column_int(0));
}

std::vector<RevisionSummary> SqliteEditorialStore::revisions(ArticleId article) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kRevisionSummaryColumns) +
                                       " FROM article_revisions WHERE article_id = ?"
                                       " ORDER BY id DESC");
  statement.bind(1, article.value);
  std::vector<RevisionSummary> list;
  while (statement.step()) list.push_back(read_revision_summary(statement));
  return list;
}

std::optional<Revision> SqliteEditorialStore::find_revision(ArticleId article,
                                                            std::int64_t revision) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      std::string(kRevisionSummaryColumns) +
      ", slug, lead, body_markdown, published_at, section_slug, section_name, author_slug,"
      " author_name, categories, tags, image_name, image_caption, image_alt, kind, sponsor,"
      " coauthors FROM article_revisions WHERE article_id = ? AND id = ?");
  statement.bind(1, article.value).bind(2, revision);
  if (!statement.step()) return std::nullopt;
  Revision result;
  result.summary = read_revision_summary(statement);
  result.article = article;
  result.title = result.summary.title;
  result.status = result.summary.status;
  result.slug = statement.column_text(10);
  result.lead = statement.column_text(11);
  result.body_markdown = statement.column_text(12);
  result.published_at = from_unix(statement.column_int(13));
  result.section = {statement.column_text(14), statement.column_text(15)};
  result.author = {statement.column_text(16), statement.column_text(17)};
  result.categories = content::split_lines(statement.column_text(18));
  result.tags = content::split_lines(statement.column_text(19));
  if (!statement.column_is_null(20)) result.image_name = statement.column_text(20);
  result.image_caption = statement.column_text(21);
  result.image_alt = statement.column_text(22);
  result.kind = kind_of(statement.column_text(23));
  result.sponsor = statement.column_text(24);
  result.coauthors = content::split_term_lines(statement.column_text(25));
  return result;
}

}  // namespace gazette::store::sqlite
