// SqliteAccountStore: accounts and sessions in SQL (see account_store.h).
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/rows.h"
#include "store/sqlite/sqlite_write_transaction.h"

namespace gazette::store::sqlite {

using content::Timestamp;
using content::User;
using content::UserId;

namespace {

// The columns read_user() expects, in order, then the password hash.
constexpr std::string_view kUserColumns =
    "SELECT u.id, u.email, u.name, u.role, au.slug, u.password_hash FROM users u"
    " JOIN authors au ON au.id = u.author_id";

User read_user(const Statement& row, int first = 0) {
  User user;
  user.id = UserId{row.column_int(first)};
  user.email = row.column_text(first + 1);
  user.name = row.column_text(first + 2);
  user.role = content::parse_role(row.column_text(first + 3)).value_or(content::Role::contributor);
  user.author_slug = row.column_text(first + 4);
  return user;
}

// The author profile the new account signs with: `wanted` when free (created when missing),
// else the first free "slug-2", "slug-3"… so that two people never share a byline.
std::int64_t byline_for(Connection& connection, const content::Term& wanted) {
  for (int attempt = 1;; ++attempt) {
    std::string slug = attempt == 1 ? wanted.slug : wanted.slug + "-" + std::to_string(attempt);
    std::optional<std::int64_t> author_id;
    {
      auto found = connection.prepare("SELECT id FROM authors WHERE slug = ?");
      found.bind(1, slug);
      if (found.step()) author_id = found.column_int(0);
    }
    if (!author_id) {
      connection.prepare("INSERT INTO authors (slug, name) VALUES (?, ?)")
          .bind(1, slug)
          .bind(2, wanted.name)
          .run();
      return connection.last_insert_id();
    }
    auto taken = connection.prepare("SELECT 1 FROM users WHERE author_id = ?");
    taken.bind(1, *author_id);
    if (!taken.step()) return *author_id;
  }
}

}  // namespace

std::optional<User> SqliteAccountStore::create_user(WriteTransaction& write, const NewUser& user,
                                                    Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  {
    auto found = writer.prepare("SELECT 1 FROM users WHERE email = ?");
    found.bind(1, user.email);
    if (found.step()) return std::nullopt;
  }
  auto author_id = byline_for(writer, user.author);
  writer
      .prepare(
          "INSERT INTO users (email, name, role, password_hash, author_id, created_at)"
          " VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, user.email)
      .bind(2, user.name)
      .bind(3, content::to_string(user.role))
      .bind(4, user.password_hash)
      .bind(5, author_id)
      .bind(6, to_unix(now))
      .run();
  auto created = writer.prepare(std::string(kUserColumns) + " WHERE u.id = ?");
  created.bind(1, writer.last_insert_id());
  if (!created.step()) writer.fail("account insert");
  return read_user(created);
}

std::optional<UserCredentials> SqliteAccountStore::find_credentials(std::string_view email) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kUserColumns) + " WHERE u.email = ?");
  statement.bind(1, email);
  if (!statement.step()) return std::nullopt;
  return UserCredentials{read_user(statement), statement.column_text(5)};
}

std::optional<User> SqliteAccountStore::find_user(UserId id) {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kUserColumns) + " WHERE u.id = ?");
  statement.bind(1, id.value);
  if (!statement.step()) return std::nullopt;
  return read_user(statement);
}

std::vector<User> SqliteAccountStore::users() {
  auto connection = pool_.read();
  auto statement = connection->prepare(std::string(kUserColumns) + " ORDER BY u.name, u.id");
  std::vector<User> users;
  while (statement.step()) users.push_back(read_user(statement));
  return users;
}

bool SqliteAccountStore::set_password(WriteTransaction& write, UserId id,
                                      std::string_view password_hash) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE users SET password_hash = ? WHERE id = ?")
      .bind(1, password_hash)
      .bind(2, id.value)
      .run();
  bool changed = writer.changes() > 0;
  // A new password ends every session: whoever knew the old one is signed out.
  writer.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, id.value).run();
  return changed;
}

bool SqliteAccountStore::set_role(WriteTransaction& write, UserId id, content::Role role) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("UPDATE users SET role = ? WHERE id = ?")
      .bind(1, content::to_string(role))
      .bind(2, id.value)
      .run();
  return writer.changes() > 0;
}

void SqliteAccountStore::create_session(WriteTransaction& write, std::string_view token_hash,
                                        UserId user, std::string_view csrf_token, Timestamp now,
                                        Timestamp expires_at) {
  Connection& writer = writer_of(write, pool_);
  writer
      .prepare(
          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
          " VALUES (?, ?, ?, ?, ?)")
      .bind(1, token_hash)
      .bind(2, user.value)
      .bind(3, csrf_token)
      .bind(4, to_unix(now))
      .bind(5, to_unix(expires_at))
      .run();
}

std::optional<SessionRecord> SqliteAccountStore::find_session(std::string_view token_hash,
                                                              Timestamp now) {
  auto connection = pool_.read();
  auto statement = connection->prepare(
      "SELECT u.id, u.email, u.name, u.role, au.slug, s.csrf_token, s.expires_at"
      " FROM sessions s JOIN users u ON u.id = s.user_id JOIN authors au ON au.id = u.author_id"
      " WHERE s.token_hash = ? AND s.expires_at > ?");
  statement.bind(1, token_hash).bind(2, to_unix(now));
  if (!statement.step()) return std::nullopt;
  return SessionRecord{read_user(statement), statement.column_text(5),
                       Timestamp(std::chrono::seconds(statement.column_int(6)))};
}

void SqliteAccountStore::delete_session(WriteTransaction& write, std::string_view token_hash) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

void SqliteAccountStore::delete_expired_sessions(WriteTransaction& write, Timestamp now) {
  Connection& writer = writer_of(write, pool_);
  writer.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(1, to_unix(now)).run();
}

}  // namespace gazette::store::sqlite
