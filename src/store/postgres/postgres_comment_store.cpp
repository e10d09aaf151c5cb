// PostgresCommentStore: comments and their moderation in SQL (tables of migrations/0005). Every
// write reads each comment's state before and after inside its transaction, so the caller learns
// exactly which article pages changed.
#include "store/postgres/postgres_comment_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

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
constexpr int kCommentColumnCount = 15;

// The columns read_article() expects, from `offset` on, and the joins they need.
constexpr std::string_view kArticleColumns =
    "a.id, s.slug, a.slug, a.title, a.published_at,"
    " EXISTS (SELECT 1 FROM comment_closed_articles x WHERE x.article_id = a.id)";
constexpr std::string_view kArticleFrom = " FROM articles a JOIN sections s ON s.id = a.section_id";

// The key of the form-signing secret among the comment settings.
constexpr std::string_view kSecretKey = "secret";

CommentStatus status_of(const std::string& text) {
  return content::parse_comment_status(text).value_or(CommentStatus::pending);
}

Comment read_comment(const Result& rows, int row) {
  Comment comment;
  comment.id = CommentId{rows.integer(row, 0)};
  comment.article = ArticleId{rows.integer(row, 1)};
  if (!rows.is_null(row, 2)) comment.parent = CommentId{rows.integer(row, 2)};
  comment.author_name = rows.text(row, 3);
  comment.author_email = rows.text(row, 4);
  comment.author_url = rows.text(row, 5);
  comment.body = rows.text(row, 6);
  comment.status = status_of(rows.text(row, 7));
  comment.spam_reason = rows.text(row, 8);
  comment.ip = rows.text(row, 9);
  comment.user_agent = rows.text(row, 10);
  comment.avatar_key = rows.text(row, 11);
  comment.by_staff = is_true(rows, row, 12);
  comment.created_at = from_unix(rows.integer(row, 13));
  comment.updated_at = from_unix(rows.integer(row, 14));
  return comment;
}

content::CommentedArticle read_article(const Result& rows, int row, int offset) {
  content::CommentedArticle article;
  article.id = ArticleId{rows.integer(row, offset)};
  article.section_slug = rows.text(row, offset + 1);
  article.slug = rows.text(row, offset + 2);
  article.title = rows.text(row, offset + 3);
  article.published_at = from_unix(rows.integer(row, offset + 4));
  article.closed = is_true(rows, row, offset + 5);
  return article;
}

// A comment's article and status, read inside the writer's transaction.
struct CommentState {
  content::CommentedArticle article;
  CommentStatus status;
};

std::optional<CommentState> read_state(Connection& connection, CommentId id) {
  auto rows = connection.query("SELECT c.status, " + std::string(kArticleColumns) +
                                   " FROM comments c JOIN articles a ON a.id = c.article_id"
                                   " JOIN sections s ON s.id = a.section_id WHERE c.id = $1",
                               Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return CommentState{read_article(rows, 0, 1), status_of(rows.text(0, 0))};
}

bool has_approved_replies(Connection& connection, CommentId id) {
  return connection
             .query("SELECT 1 FROM comments WHERE parent_id = $1 AND status = 'approved' LIMIT 1",
                    Params().add(id.value))
             .rows() > 0;
}

// Deletes comment `id`, moving its replies up to its parent first so a conversation keeps its
// shape. Readers see a change if it was visible or if visible replies moved.
std::optional<CommentChange> delete_one(Connection& connection, CommentId id) {
  auto before = read_state(connection, id);
  if (!before) return std::nullopt;
  bool moved_visible = has_approved_replies(connection, id);
  connection.query(
      "UPDATE comments SET parent_id = (SELECT parent_id FROM comments WHERE id = $1)"
      " WHERE parent_id = $1",
      Params().add(id.value));
  connection.query("DELETE FROM comments WHERE id = $1", Params().add(id.value));
  return CommentChange{id, std::move(before->article),
                       before->status == CommentStatus::approved || moved_visible, moved_visible};
}

// Inserts `comment` inside the caller's transaction; its id.
CommentId insert_comment(Connection& connection, const NewComment& comment) {
  Params params;
  params.add(comment.article.value)
      .add(comment.parent ? std::optional<std::int64_t>(comment.parent->value) : std::nullopt)
      .add(comment.author_name)
      .add(comment.author_email)
      .add(comment.author_url)
      .add(comment.body)
      .add(content::to_string(comment.status))
      .add(comment.spam_reason)
      .add(comment.ip)
      .add(comment.user_agent)
      .add(comment.avatar_key)
      .add(comment.by_staff ? "t" : "f")
      .add(to_unix(comment.created_at));
  return CommentId{
      connection
          .query("INSERT INTO comments (article_id, parent_id, author_name, author_email,"
                 " author_url, body, status, spam_reason, ip, user_agent, avatar_key,"
                 " by_staff, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6,"
                 " $7, $8, $9, $10, $11, $12::boolean, $13, $13) RETURNING id",
                 params)
          .integer(0, 0)};
}

std::vector<CommentChange> delete_all(Connection& connection, const std::vector<CommentId>& ids) {
  std::vector<CommentChange> changes;
  for (auto id : ids) {
    if (auto change = delete_one(connection, id)) changes.push_back(std::move(*change));
  }
  return changes;
}

// The WHERE clause of a moderation list with only the conditions `query` sets, and their
// parameters ($1, $2… in order), so the planner can use the index of the one that narrows
// (comments_by_article, comments_by_status, comments_by_email). The text is found with
// strpos(), so "%", "_" and quotes in a search are just characters; lower() under "C" folds
// ASCII letters only, as SQLite's does.
struct ModerationFilter {
  std::string where;
  Params params;
  int count = 0;

  explicit ModerationFilter(const CommentQuery& query) {
    if (query.status) add("c.status = ", content::to_string(*query.status));
    if (query.article) {
      add_condition("c.article_id = $" + std::to_string(++count));
      params.add(query.article->value);
    }
    if (!query.author_email.empty()) add("c.author_email = ", query.author_email);
    if (!query.text.empty()) {
      auto text = "lower($" + std::to_string(++count) + "::text COLLATE \"C\")";
      add_condition("(strpos(lower(c.author_name COLLATE \"C\"), " + text +
                    ") > 0 OR strpos(lower(c.author_email COLLATE \"C\"), " + text +
                    ") > 0 OR strpos(lower(c.body COLLATE \"C\"), " + text + ") > 0)");
      params.add(query.text);
    }
  }

  /// The next parameter's placeholder.
  std::string next() { return "$" + std::to_string(++count); }

 private:
  void add_condition(const std::string& condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  }
  void add(std::string_view column_is, std::string_view value) {
    add_condition(std::string(column_is) + "$" + std::to_string(++count));
    params.add(value);
  }
};

}  // namespace

content::CommentSettings PostgresCommentStore::comment_settings() {
  auto connection = database_.read();
  content::CommentSettings settings;
  auto rows = connection->query("SELECT key, value FROM comment_settings");
  for (int row = 0; row < rows.rows(); ++row)
    content::apply_comment_setting_row(settings, rows.text(row, 0), rows.text(row, 1));
  return settings;
}

void PostgresCommentStore::save_comment_settings(WriteTransaction& write,
                                                 const content::CommentSettings& settings) {
  Connection& connection = connection_of(write, database_);
  for (const auto& [key, value] : content::comment_setting_rows(settings)) {
    connection.query(
        "INSERT INTO comment_settings (key, value) VALUES ($1, $2)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        Params().add(key).add(value));
  }
}

std::optional<std::string> PostgresCommentStore::comment_secret() {
  auto connection = database_.read();
  auto rows = connection->query("SELECT value FROM comment_settings WHERE key = $1",
                                Params().add(kSecretKey));
  if (rows.rows() == 0) return std::nullopt;
  return rows.text(0, 0);
}

std::string PostgresCommentStore::keep_comment_secret(WriteTransaction& write,
                                                      std::string_view candidate) {
  Connection& connection = connection_of(write, database_);
  // Another node may have stored one in between: the first key written is the site's.
  connection.query(
      "INSERT INTO comment_settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      Params().add(kSecretKey).add(candidate));
  auto rows = connection.query("SELECT value FROM comment_settings WHERE key = $1",
                               Params().add(kSecretKey));
  if (rows.rows() == 0) throw PostgresError("comment secret: no row after insert");
  return rows.text(0, 0);
}

std::optional<content::CommentedArticle> PostgresCommentStore::find_commented_article(
    std::string_view section_slug, std::string_view slug) {
  auto connection = database_.read();
  auto rows =
      connection->query("SELECT " + std::string(kArticleColumns) + std::string(kArticleFrom) +
                            " WHERE a.status = 'published' AND a.published_at <= $1 AND s.slug = $2"
                            " AND a.slug = $3",
                        Params().add(database_.now_unix()).add(section_slug).add(slug));
  if (rows.rows() == 0) return std::nullopt;
  return read_article(rows, 0, 0);
}

std::optional<content::CommentedArticle> PostgresCommentStore::find_commented_article(
    ArticleId id) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT " + std::string(kArticleColumns) + std::string(kArticleFrom) + " WHERE a.id = $1",
      Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return read_article(rows, 0, 0);
}

bool PostgresCommentStore::set_comments_closed(WriteTransaction& write, ArticleId id, bool closed,
                                               Timestamp now) {
  Connection& connection = connection_of(write, database_);
  if (connection.query("SELECT 1 FROM articles WHERE id = $1", Params().add(id.value)).rows() == 0)
    return false;
  if (closed)
    connection.query(
        "INSERT INTO comment_closed_articles (article_id, closed_at) VALUES ($1, $2)"
        " ON CONFLICT DO NOTHING",
        Params().add(id.value).add(to_unix(now)));
  else
    connection.query("DELETE FROM comment_closed_articles WHERE article_id = $1",
                     Params().add(id.value));
  return true;
}

std::vector<Comment> PostgresCommentStore::approved_comments(ArticleId id) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kCommentColumns) +
                                    " FROM comments c WHERE c.article_id = $1"
                                    " AND c.status = 'approved' ORDER BY c.created_at, c.id",
                                Params().add(id.value));
  std::vector<Comment> comments;
  for (int row = 0; row < rows.rows(); ++row) comments.push_back(read_comment(rows, row));
  return comments;
}

std::optional<Comment> PostgresCommentStore::find_comment(CommentId id) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kCommentColumns) + " FROM comments c WHERE c.id = $1",
                                Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return read_comment(rows, 0);
}

std::int64_t PostgresCommentStore::comments_from_ip_since(std::string_view ip, Timestamp since) {
  auto connection = database_.read();
  return connection
      ->query("SELECT count(*) FROM comments WHERE ip = $1 AND created_at >= $2",
              Params().add(ip).add(to_unix(since)))
      .integer(0, 0);
}

bool PostgresCommentStore::has_approved_comment_by(std::string_view email) {
  auto connection = database_.read();
  return connection
             ->query(
                 "SELECT 1 FROM comments WHERE author_email = $1 AND status = 'approved' LIMIT 1",
                 Params().add(email))
             .rows() > 0;
}

bool PostgresCommentStore::has_same_comment(ArticleId id, std::string_view body) {
  auto connection = database_.read();
  return connection
             ->query(
                 "SELECT 1 FROM comments WHERE article_id = $1 AND body = $2"
                 " AND status <> 'trash' LIMIT 1",
                 Params().add(id.value).add(body))
             .rows() > 0;
}

CommentId PostgresCommentStore::add_comment(WriteTransaction& write, const NewComment& comment) {
  return insert_comment(connection_of(write, database_), comment);
}

std::optional<CommentId> PostgresCommentStore::add_comment_spending(WriteTransaction& write,
                                                                    const NewComment& comment,
                                                                    const SpentFormToken& token) {
  Connection& connection = connection_of(write, database_);
  connection.query("DELETE FROM used_form_tokens WHERE expires_at < $1",
                   Params().add(to_unix(comment.created_at)));
  // The primary key decides: a token already there inserts nothing, and the comment neither.
  auto spent = connection.query(
      "INSERT INTO used_form_tokens (token, expires_at) VALUES ($1, $2)"
      " ON CONFLICT (token) DO NOTHING",
      Params().add(token.token).add(to_unix(token.expires_at)));
  if (spent.affected() == 0) return std::nullopt;
  return insert_comment(connection, comment);
}

std::vector<CommentChange> PostgresCommentStore::set_comment_status(
    WriteTransaction& write, const std::vector<CommentId>& ids, CommentStatus status,
    std::string_view spam_reason, Timestamp now) {
  Connection& connection = connection_of(write, database_);
  std::vector<CommentChange> changes;
  for (auto id : ids) {
    auto before = read_state(connection, id);
    if (!before) continue;
    connection.query(
        "UPDATE comments SET status = $2, spam_reason = $3, updated_at = $4 WHERE id = $1",
        Params()
            .add(id.value)
            .add(content::to_string(status))
            .add(status == CommentStatus::spam ? spam_reason : std::string_view(""))
            .add(to_unix(now)));
    changes.push_back({id, std::move(before->article), before->status == CommentStatus::approved,
                       status == CommentStatus::approved});
  }
  return changes;
}

std::optional<CommentChange> PostgresCommentStore::edit_comment(WriteTransaction& write,
                                                                CommentId id,
                                                                const CommentEdit& edit,
                                                                Timestamp now) {
  Connection& connection = connection_of(write, database_);
  auto before = read_state(connection, id);
  if (!before) return std::nullopt;
  connection.query(
      "UPDATE comments SET author_name = $2, author_url = $3, body = $4, updated_at = $5"
      " WHERE id = $1",
      Params()
          .add(id.value)
          .add(edit.author_name)
          .add(edit.author_url)
          .add(edit.body)
          .add(to_unix(now)));
  bool visible = before->status == CommentStatus::approved;
  return CommentChange{id, std::move(before->article), visible, visible};
}

std::vector<CommentChange> PostgresCommentStore::delete_comments(
    WriteTransaction& write, const std::vector<CommentId>& ids) {
  return delete_all(connection_of(write, database_), ids);
}

std::vector<CommentChange> PostgresCommentStore::erase_comments_by(WriteTransaction& write,
                                                                   std::string_view email) {
  Connection& connection = connection_of(write, database_);
  auto rows = connection.query("SELECT id FROM comments WHERE author_email = $1 ORDER BY id",
                               Params().add(email));
  std::vector<CommentId> ids;
  for (int row = 0; row < rows.rows(); ++row) ids.push_back(CommentId{rows.integer(row, 0)});
  return delete_all(connection, ids);
}

ModerationList PostgresCommentStore::list_comments(const CommentQuery& query) {
  auto connection = database_.read();
  ModerationList list;
  {
    ModerationFilter filter(query);
    auto limit = filter.next();
    auto offset = filter.next();
    filter.params.add(query.limit).add(query.offset);
    auto rows =
        connection->query(std::string(kCommentColumns) + ", " + std::string(kArticleColumns) +
                              " FROM comments c JOIN articles a ON a.id = c.article_id"
                              " JOIN sections s ON s.id = a.section_id" +
                              filter.where + " ORDER BY c.created_at DESC, c.id DESC LIMIT " +
                              limit + " OFFSET " + offset,
                          filter.params);
    for (int row = 0; row < rows.rows(); ++row)
      list.entries.push_back(
          {read_comment(rows, row), read_article(rows, row, kCommentColumnCount)});
  }
  ModerationFilter filter(query);
  list.total = connection->query("SELECT count(*) FROM comments c" + filter.where, filter.params)
                   .integer(0, 0);
  return list;
}

std::map<CommentStatus, std::int64_t> PostgresCommentStore::count_comments_by_status(
    const CommentQuery& filter) {
  auto connection = database_.read();
  std::map<CommentStatus, std::int64_t> counts;
  for (auto status : content::kCommentStatuses) counts[status] = 0;
  auto every_status = filter;
  every_status.status.reset();
  ModerationFilter where(every_status);
  auto rows = connection->query(
      "SELECT c.status, count(*) FROM comments c" + where.where + " GROUP BY c.status",
      where.params);
  for (int row = 0; row < rows.rows(); ++row) {
    if (auto status = content::parse_comment_status(rows.text(row, 0)))
      counts[*status] = rows.integer(row, 1);
  }
  return counts;
}

}  // namespace gazette::store::postgres
