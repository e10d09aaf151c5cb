// SqliteCommentStore: comments and their moderation in SQL (tables of migrations/0004). Every
// write reads each comment's state before and after inside its transaction, so the caller learns
// exactly which article pages changed.
#include "store/sqlite/sqlite_comment_store.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

using content::ArticleId;
using content::Comment;
using content::CommentId;
using content::CommentStatus;
using content::Timestamp;

namespace {

// The columns read_comment() expects, in order.
constexpr std::string_view kCommentColumns =
    "SELECT c.id, c.article_id, c.parent_id, c.author_name, c.author_email, c.author_url, c.body,"
    " c.status, c.spam_reason, c.ip, c.user_agent, c.avatar_key, c.by_staff, c.created_at,"
    " c.updated_at";

// The columns read_article() expects, from `offset` on, and the joins they need.
constexpr std::string_view kArticleColumns =
    "a.id, s.slug, a.slug, a.title, a.published_at,"
    " EXISTS (SELECT 1 FROM comment_closed_articles x WHERE x.article_id = a.id)";
constexpr std::string_view kArticleFrom = " FROM articles a JOIN sections s ON s.id = a.section_id";

// The key of the form-signing secret among the comment settings.
constexpr std::string_view kSecretKey = "secret";

Comment read_comment(const Statement& row) {
  Comment comment;
  comment.id = CommentId{row.column_int(0)};
  comment.article = ArticleId{row.column_int(1)};
  if (!row.column_is_null(2)) comment.parent = CommentId{row.column_int(2)};
  comment.author_name = row.column_text(3);
  comment.author_email = row.column_text(4);
  comment.author_url = row.column_text(5);
  comment.body = row.column_text(6);
  comment.status =
      content::parse_comment_status(row.column_text(7)).value_or(CommentStatus::pending);
  comment.spam_reason = row.column_text(8);
  comment.ip = row.column_text(9);
  comment.user_agent = row.column_text(10);
  comment.avatar_key = row.column_text(11);
  comment.by_staff = row.column_int(12) != 0;
  comment.created_at = from_unix(row.column_int(13));
  comment.updated_at = from_unix(row.column_int(14));
  return comment;
}

content::CommentedArticle read_article(const Statement& row, int offset) {
  content::CommentedArticle article;
  article.id = ArticleId{row.column_int(offset)};
  article.section_slug = row.column_text(offset + 1);
  article.slug = row.column_text(offset + 2);
  article.title = row.column_text(offset + 3);
  article.published_at = from_unix(row.column_int(offset + 4));
  article.closed = row.column_int(offset + 5) != 0;
  return article;
}

// A comment's article and status, read inside the writer's transaction.
struct CommentState {
  content::CommentedArticle article;
  CommentStatus status;
};

std::optional<CommentState> read_state(Connection& connection, CommentId id) {
  auto statement = connection.prepare("SELECT c.status, " + std::string(kArticleColumns) +
                                      " FROM comments c JOIN articles a ON a.id = c.article_id"
                                      " JOIN sections s ON s.id = a.section_id WHERE c.id = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return CommentState{
      read_article(statement, 1),
      content::parse_comment_status(statement.column_text(0)).value_or(CommentStatus::pending)};
}

bool has_approved_replies(Connection& connection, CommentId id) {
  auto statement = connection.prepare(
      "SELECT EXISTS (SELECT 1 FROM comments WHERE parent_id = ? AND status = 'approved')");
  statement.bind(1, id.value);
  return statement.step() && statement.column_int(0) != 0;
}

// Deletes comment `id`, moving its replies up to its parent first so a conversation keeps its
// shape. Readers see a change if it was visible or if visible replies moved.
std::optional<CommentChange> delete_one(Connection& connection, CommentId id) {
  auto before = read_state(connection, id);
  if (!before) return std::nullopt;
  bool moved_visible = has_approved_replies(connection, id);
  connection
      .prepare(
          "UPDATE comments SET parent_id = (SELECT parent_id FROM comments WHERE id = ?1)"
          " WHERE parent_id = ?1")
      .bind(1, id.value)
      .run();
  connection.prepare("DELETE FROM comments WHERE id = ?").bind(1, id.value).run();
  return CommentChange{id, std::move(before->article),
                       before->status == CommentStatus::approved || moved_visible, moved_visible};
}

// Inserts `comment` inside the caller's transaction; its id.
CommentId insert_comment(Connection& writer, const NewComment& comment) {
  writer
      .prepare(
          "INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url,"
          " body, status, spam_reason, ip, user_agent, avatar_key, by_staff, created_at,"
          " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)")
      .bind(1, comment.article.value)
      .bind(2, comment.parent ? std::optional<std::int64_t>(comment.parent->value) : std::nullopt)
      .bind(3, comment.author_name)
      .bind(4, comment.author_email)
      .bind(5, comment.author_url)
      .bind(6, comment.body)
      .bind(7, content::to_string(comment.status))
      .bind(8, comment.spam_reason)
      .bind(9, comment.ip)
      .bind(10, comment.user_agent)
      .bind(11, comment.avatar_key)
      .bind(12, std::int64_t{comment.by_staff ? 1 : 0})
      .bind(13, to_unix(comment.created_at))
      .run();
  return CommentId{writer.last_insert_id()};
}

}  // namespace

content::CommentSettings SqliteCommentStore::comment_settings() {
  auto connection = pool_.read();
  content::CommentSettings settings;
  auto statement = connection->prepare("SELECT key, value FROM comment_settings");
  while (statement.step())
    content::apply_comment_setting_row(settings, statement.column_text(0),
                                       statement.column_text(1));
  return settings;
}

void SqliteCommentStore::save_comment_settings(WriteTransaction& write,
                                               const content::CommentSettings& settings) {
  Connection& writer = writer_of(write, pool_);
  for (const auto& [key, value] : content::comment_setting_rows(settings)) {
    writer
        .prepare(
            "INSERT INTO comment_settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
  }
}

std::optional<std::string> SqliteCommentStore::comment_secret() {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT value FROM comment_settings WHERE key = ?");
  statement.bind(1, kSecretKey);
  if (!statement.step()) return std::nullopt;
  return statement.column_text(0);
}

std::string SqliteCommentStore::keep_comment_secret(WriteTransaction& write,
                                                    std::string_view candidate) {
  Connection& writer = writer_of(write, pool_);
  // Another process may have stored one in between: the first key written is the site's.
  writer.prepare("INSERT INTO comment_settings (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .bind(1, kSecretKey)
      .bind(2, candidate)
      .run();
  auto statement = writer.prepare("SELECT value FROM comment_settings WHERE key = ?");
  statement.bind(1, kSecretKey);
  if (!statement.step()) writer.fail("comment secret");
  return statement.column_text(0);
}

std::optional<content::CommentedArticle> SqliteCommentStore::find_commented_article(
    std::string_view section_slug, std::string_view slug) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT " + std::string(kArticleColumns) + std::string(kArticleFrom) +
      " WHERE a.status = 'published' AND a.published_at <= ?1 AND s.slug = ?2 AND a.slug = ?3");
  statement.bind(1, pool_.now_unix()).bind(2, section_slug).bind(3, slug);
  if (!statement.step()) return std::nullopt;
  return read_article(statement, 0);
}

std::optional<content::CommentedArticle> SqliteCommentStore::find_commented_article(ArticleId id) {
  auto connection = pool_.read();
  auto statement = connection->prepare("SELECT " + std::string(kArticleColumns) +
                                       std::string(kArticleFrom) + " WHERE a.id = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return read_article(statement, 0);
}

bool SqliteCommentStore::set_comments_closed(WriteTransaction& write, ArticleId id, bool closed,
                                             Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  {
    auto found = writer.prepare("SELECT 1 FROM articles WHERE id = ?");
    found.bind(1, id.value);
    if (!found.step()) return false;
  }
  if (closed) {
    writer
        .prepare(
            "INSERT INTO comment_closed_articles (article_id, closed_at) VALUES (?, ?)"
            " ON CONFLICT DO NOTHING")
        .bind(1, id.value)
        .bind(2, to_unix(now))
        .run();
  } else {
    writer.prepare("DELETE FROM comment_closed_articles WHERE article_id = ?")
        .bind(1, id.value)
        .run();
  }
  return true;
}

std::vector<Comment> SqliteCommentStore::approved_comments(ArticleId id) {
  auto connection = pool_.read();
  std::vector<Comment> comments;
  auto statement =
      connection->prepare(std::string(kCommentColumns) +
                          " FROM comments c WHERE c.article_id = ? AND c.status = 'approved'"
                          " ORDER BY c.created_at, c.id");
  statement.bind(1, id.value);
  while (statement.step()) comments.push_back(read_comment(statement));
  return comments;
}

std::optional<Comment> SqliteCommentStore::find_comment(CommentId id) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare(std::string(kCommentColumns) + " FROM comments c WHERE c.id = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return read_comment(statement);
}

std::int64_t SqliteCommentStore::comments_from_ip_since(std::string_view ip, Timestamp since) {
  auto connection = pool_.read();
  auto statement =
      connection->prepare("SELECT count(*) FROM comments WHERE ip = ? AND created_at >= ?");
  statement.bind(1, ip).bind(2, to_unix(since));
  return statement.step() ? statement.column_int(0) : 0;
}

bool SqliteCommentStore::has_approved_comment_by(std::string_view email) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT EXISTS (SELECT 1 FROM comments WHERE author_email = ? AND status = 'approved')");
  statement.bind(1, email);
  return statement.step() && statement.column_int(0) != 0;
}

bool SqliteCommentStore::has_same_comment(ArticleId id, std::string_view body) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT EXISTS (SELECT 1 FROM comments WHERE article_id = ? AND body = ?"
      " AND status <> 'trash')");
  statement.bind(1, id.value).bind(2, body);
  return statement.step() && statement.column_int(0) != 0;
}

CommentId SqliteCommentStore::add_comment(WriteTransaction& write, const NewComment& comment) {
  return insert_comment(writer_of(write, pool_), comment);
}

std::optional<CommentId> SqliteCommentStore::add_comment_spending(WriteTransaction& write,
                                                                  const NewComment& comment,
                                                                  const SpentFormToken& token) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM used_form_tokens WHERE expires_at < ?")
      .bind(1, to_unix(comment.created_at))
      .run();
  // The primary key decides: a token already there inserts nothing, and the comment neither.
  writer
      .prepare(
          "INSERT INTO used_form_tokens (token, expires_at) VALUES (?, ?)"
          " ON CONFLICT (token) DO NOTHING")
      .bind(1, token.token)
      .bind(2, to_unix(token.expires_at))
      .run();
  if (writer.changes() == 0) return std::nullopt;
  auto id = insert_comment(writer, comment);
  return id;
}

std::vector<CommentChange> SqliteCommentStore::set_comment_status(WriteTransaction& write,
                                                                  const std::vector<CommentId>& ids,
                                                                  CommentStatus status,
                                                                  std::string_view spam_reason,
                                                                  Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  std::vector<CommentChange> changes;
  for (auto id : ids) {
    auto before = read_state(writer, id);
    if (!before) continue;
    writer
        .prepare("UPDATE comments SET status = ?2, spam_reason = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(1, id.value)
        .bind(2, content::to_string(status))
        .bind(3, status == CommentStatus::spam ? spam_reason : std::string_view(""))
        .bind(4, to_unix(now))
        .run();
    changes.push_back({id, std::move(before->article), before->status == CommentStatus::approved,
                       status == CommentStatus::approved});
  }
  return changes;
}

std::optional<CommentChange> SqliteCommentStore::edit_comment(WriteTransaction& write, CommentId id,
                                                              const CommentEdit& edit,
                                                              Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  auto before = read_state(writer, id);
  if (!before) return std::nullopt;
  writer
      .prepare(
          "UPDATE comments SET author_name = ?2, author_url = ?3, body = ?4, updated_at = ?5"
          " WHERE id = ?1")
      .bind(1, id.value)
      .bind(2, edit.author_name)
      .bind(3, edit.author_url)
      .bind(4, edit.body)
      .bind(5, to_unix(now))
      .run();
  bool visible = before->status == CommentStatus::approved;
  return CommentChange{id, std::move(before->article), visible, visible};
}

std::vector<CommentChange> SqliteCommentStore::delete_comments(WriteTransaction& write,
                                                               const std::vector<CommentId>& ids) {
  Connection& writer = writer_of(write, pool_);
  std::vector<CommentChange> changes;
  for (auto id : ids) {
    if (auto change = delete_one(writer, id)) changes.push_back(std::move(*change));
  }
  return changes;
}

std::vector<CommentChange> SqliteCommentStore::erase_comments_by(WriteTransaction& write,
                                                                 std::string_view email) {
  Connection& writer = writer_of(write, pool_);
  std::vector<CommentId> ids;
  {
    auto statement = writer.prepare("SELECT id FROM comments WHERE author_email = ?");
    statement.bind(1, email);
    while (statement.step()) ids.push_back(CommentId{statement.column_int(0)});
  }
  std::vector<CommentChange> changes;
  for (auto id : ids) {
    if (auto change = delete_one(writer, id)) changes.push_back(std::move(*change));
  }
  return changes;
}

namespace {

// The WHERE clause of a moderation list, with only the conditions `query` sets (?1 status,
// ?2 article, ?3 e-mail, ?6 text), so SQLite can use the index of the one that narrows
// (comments_by_article, comments_by_status, comments_by_email). The text is found with
// instr(), so "%", "_", quotes and FTS operators in a search are just characters.
std::string moderation_filter(const CommentQuery& query) {
  std::string where;
  auto add = [&](std::string_view condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  if (query.status) add("c.status = ?1");
  if (query.article) add("c.article_id = ?2");
  if (!query.author_email.empty()) add("c.author_email = ?3");
  if (!query.text.empty())
    add("(instr(lower(c.author_name), lower(?6)) > 0 OR instr(lower(c.author_email), lower(?6)) > 0"
        " OR instr(lower(c.body), lower(?6)) > 0)");
  return where;
}

void bind_moderation_filter(Statement& statement, const CommentQuery& query) {
  if (query.status) statement.bind(1, content::to_string(*query.status));
  if (query.article) statement.bind(2, query.article->value);
  if (!query.author_email.empty()) statement.bind(3, query.author_email);
  if (!query.text.empty()) statement.bind(6, query.text);
}

}  // namespace

ModerationList SqliteCommentStore::list_comments(const CommentQuery& query) {
  auto connection = pool_.read();
  ModerationList list;
  {
    auto statement = connection->prepare(
        std::string(kCommentColumns) + ", " + std::string(kArticleColumns) +
        " FROM comments c JOIN articles a ON a.id = c.article_id"
        " JOIN sections s ON s.id = a.section_id" +
        moderation_filter(query) + " ORDER BY c.created_at DESC, c.id DESC LIMIT ?4 OFFSET ?5");
    bind_moderation_filter(statement, query);
    statement.bind(4, query.limit).bind(5, query.offset);
    while (statement.step())
      list.entries.push_back({read_comment(statement), read_article(statement, 15)});
  }
  {
    auto statement =
        connection->prepare("SELECT count(*) FROM comments c" + moderation_filter(query));
    bind_moderation_filter(statement, query);
    if (statement.step()) list.total = statement.column_int(0);
  }
  return list;
}

std::map<CommentStatus, std::int64_t> SqliteCommentStore::count_comments_by_status(
    const CommentQuery& filter) {
  auto connection = pool_.read();
  std::map<CommentStatus, std::int64_t> counts;
  for (auto status : content::kCommentStatuses) counts[status] = 0;
  auto every_status = filter;
  every_status.status.reset();
  auto statement = connection->prepare("SELECT c.status, count(*) FROM comments c" +
                                       moderation_filter(every_status) + " GROUP BY c.status");
  bind_moderation_filter(statement, every_status);
  while (statement.step()) {
    if (auto status = content::parse_comment_status(statement.column_text(0)))
      counts[*status] = statement.column_int(1);
  }
  return counts;
}

}  // namespace gazette::store::sqlite
