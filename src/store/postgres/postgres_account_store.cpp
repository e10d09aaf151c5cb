// PostgresAccountStore: accounts and sessions in SQL (see postgres_account_store.h).
#include "store/postgres/postgres_account_store.h"

#include "store/postgres/postgres_write_transaction.h"
#include "store/postgres/rows.h"

namespace gazette::store::postgres {

using content::Timestamp;
using content::User;
using content::UserId;

namespace {

// The columns read_user() expects, in order, then the password hash.
constexpr std::string_view kUserColumns =
    "SELECT u.id, u.email, u.name, u.role, au.slug, u.password_hash FROM users u"
    " JOIN authors au ON au.id = u.author_id";

User read_user(const Result& rows, int row) {
  User user;
  user.id = UserId{rows.integer(row, 0)};
  user.email = rows.text(row, 1);
  user.name = rows.text(row, 2);
  user.role = content::parse_role(rows.text(row, 3)).value_or(content::Role::contributor);
  user.author_slug = rows.text(row, 4);
  return user;
}

// The author profile the new account signs with: `wanted` when free (created when missing),
// else the first free "slug-2", "slug-3"… so that two people never share a byline.
std::int64_t byline_for(Connection& connection, const content::Term& wanted) {
  for (int attempt = 1;; ++attempt) {
    std::string slug = attempt == 1 ? wanted.slug : wanted.slug + "-" + std::to_string(attempt);
    auto found = connection.query("SELECT id FROM authors WHERE slug = $1", Params().add(slug));
    if (found.rows() == 0)
      return connection
          .query("INSERT INTO authors (slug, name) VALUES ($1, $2) RETURNING id",
                 Params().add(slug).add(wanted.name))
          .integer(0, 0);
    auto author_id = found.integer(0, 0);
    if (connection.query("SELECT 1 FROM users WHERE author_id = $1", Params().add(author_id))
            .rows() == 0)
      return author_id;
  }
}

}  // namespace

std::optional<User> PostgresAccountStore::create_user(WriteTransaction& write, const NewUser& user,
                                                      Timestamp now) {
  Connection& connection = connection_of(write, database_);
  if (connection
          .query("SELECT 1 FROM users WHERE lower(email) = lower($1)", Params().add(user.email))
          .rows() > 0)
    return std::nullopt;
  auto author_id = byline_for(connection, user.author);
  auto id = connection
                .query(
                    "INSERT INTO users (email, name, role, password_hash, author_id, created_at)"
                    " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    Params()
                        .add(user.email)
                        .add(user.name)
                        .add(content::to_string(user.role))
                        .add(user.password_hash)
                        .add(author_id)
                        .add(to_unix(now)))
                .integer(0, 0);
  auto created = connection.query(std::string(kUserColumns) + " WHERE u.id = $1", Params().add(id));
  return read_user(created, 0);
}

std::optional<UserCredentials> PostgresAccountStore::find_credentials(std::string_view email) {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kUserColumns) + " WHERE lower(u.email) = lower($1)",
                                Params().add(email));
  if (rows.rows() == 0) return std::nullopt;
  return UserCredentials{read_user(rows, 0), rows.text(0, 5)};
}

std::optional<User> PostgresAccountStore::find_user(UserId id) {
  auto connection = database_.read();
  auto rows =
      connection->query(std::string(kUserColumns) + " WHERE u.id = $1", Params().add(id.value));
  if (rows.rows() == 0) return std::nullopt;
  return read_user(rows, 0);
}

std::vector<User> PostgresAccountStore::users() {
  auto connection = database_.read();
  auto rows = connection->query(std::string(kUserColumns) + " ORDER BY u.name, u.id");
  std::vector<User> users;
  for (int row = 0; row < rows.rows(); ++row) users.push_back(read_user(rows, row));
  return users;
}

bool PostgresAccountStore::set_password(WriteTransaction& write, UserId id,
                                        std::string_view password_hash) {
  Connection& connection = connection_of(write, database_);
  bool changed = connection
                     .query("UPDATE users SET password_hash = $1 WHERE id = $2",
                            Params().add(password_hash).add(id.value))
                     .affected() > 0;
  // A new password ends every session: whoever knew the old one is signed out.
  connection.query("DELETE FROM sessions WHERE user_id = $1", Params().add(id.value));
  return changed;
}

bool PostgresAccountStore::set_role(WriteTransaction& write, UserId id, content::Role role) {
  return connection_of(write, database_)
             .query("UPDATE users SET role = $1 WHERE id = $2",
                    Params().add(content::to_string(role)).add(id.value))
             .affected() > 0;
}

void PostgresAccountStore::create_session(WriteTransaction& write, std::string_view token_hash,
                                          UserId user, std::string_view csrf_token, Timestamp now,
                                          Timestamp expires_at) {
  connection_of(write, database_)
      .query(
          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
          " VALUES ($1, $2, $3, $4, $5)",
          Params()
              .add(token_hash)
              .add(user.value)
              .add(csrf_token)
              .add(to_unix(now))
              .add(to_unix(expires_at)));
}

std::optional<SessionRecord> PostgresAccountStore::find_session(std::string_view token_hash,
                                                                Timestamp now) {
  auto connection = database_.read();
  auto rows = connection->query(
      "SELECT u.id, u.email, u.name, u.role, au.slug, s.csrf_token, s.expires_at"
      " FROM sessions s JOIN users u ON u.id = s.user_id JOIN authors au ON au.id = u.author_id"
      " WHERE s.token_hash = $1 AND s.expires_at > $2",
      Params().add(token_hash).add(to_unix(now)));
  if (rows.rows() == 0) return std::nullopt;
  return SessionRecord{read_user(rows, 0), rows.text(0, 5), from_unix(rows.integer(0, 6))};
}

void PostgresAccountStore::delete_session(WriteTransaction& write, std::string_view token_hash) {
  connection_of(write, database_)
      .query("DELETE FROM sessions WHERE token_hash = $1", Params().add(token_hash));
}

void PostgresAccountStore::delete_expired_sessions(WriteTransaction& write, Timestamp now) {
  connection_of(write, database_)
      .query("DELETE FROM sessions WHERE expires_at <= $1", Params().add(to_unix(now)));
}

}  // namespace gazette::store::postgres
