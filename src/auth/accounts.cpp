// Account checks and writes (see accounts.h).
#include "auth/accounts.h"

#include "auth/passwords.h"
#include "render/slug.h"
#include "render/text.h"

namespace gazette::auth {

namespace {

// An e-mail address is at most 254 characters (RFC 5321); a display name needs far less.
constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxNameLength = 120;

}  // namespace

bool is_email(std::string_view email) {
  auto at = email.find('@');
  return !email.empty() && email.size() <= kMaxEmailLength && at != 0 &&
         at != std::string_view::npos && at + 1 < email.size() &&
         email.find_first_of(" \t\r\n<>\"") == std::string_view::npos &&
         !render::find_invalid_utf8(email);
}

namespace {

std::optional<AccountProblem> password_problem_of(std::string_view password) {
  if (!password_problem(password)) return std::nullopt;
  return password.size() < kMinPasswordLength ? AccountProblem::password_too_short
                                              : AccountProblem::password_too_long;
}

}  // namespace

std::string_view field_of(AccountProblem problem) {
  switch (problem) {
    case AccountProblem::invalid_email:
    case AccountProblem::email_taken:
    case AccountProblem::no_such_account:
      return "email";
    case AccountProblem::invalid_name:
    case AccountProblem::name_without_letters:
      return "name";
    case AccountProblem::password_too_short:
    case AccountProblem::password_too_long:
      return "password";
  }
  return "email";
}

std::string describe(AccountProblem problem) {
  switch (problem) {
    case AccountProblem::invalid_email:
      return "not an e-mail address";
    case AccountProblem::email_taken:
      return "an account with this e-mail already exists";
    case AccountProblem::invalid_name:
      return "a name of 1 to " + std::to_string(kMaxNameLength) + " characters is needed";
    case AccountProblem::name_without_letters:
      return "the name needs a letter or a digit";
    case AccountProblem::password_too_short:
      return "at least " + std::to_string(kMinPasswordLength) + " characters";
    case AccountProblem::password_too_long:
      return "at most " + std::to_string(kMaxPasswordLength) + " characters";
    case AccountProblem::no_such_account:
      return "no account has this e-mail";
  }
  return "refused";
}

std::optional<AccountProblem> Accounts::add(std::string_view email, std::string_view name,
                                            content::Role role, std::string_view password) {
  email = render::trim(email);
  name = render::trim(name);
  if (!is_email(email)) return AccountProblem::invalid_email;
  if (name.empty() || name.size() > kMaxNameLength || render::find_invalid_utf8(name))
    return AccountProblem::invalid_name;
  auto slug = render::slugify(name);
  if (slug.empty()) return AccountProblem::name_without_letters;
  if (auto problem = password_problem_of(password)) return problem;
  store::NewUser user{std::string(email), std::string(name), role, hash_password(password),
                      content::Term{slug, std::string(name)}};
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) -> std::optional<AccountProblem> {
    auto created = store_.create_user(write, user, now);
    if (!created) return AccountProblem::email_taken;
    // The new byline may have taken over an author page's name.
    write.announce(content::TermChanged{content::TermChanged::Kind::author, created->author_slug});
    return std::nullopt;
  });
}

std::optional<AccountProblem> Accounts::change_password(std::string_view email,
                                                        std::string_view password) {
  auto credentials = store_.find_credentials(render::trim(email));
  if (!credentials) return AccountProblem::no_such_account;
  if (auto problem = password_problem_of(password)) return problem;
  auto hash = hash_password(password);
  write_path_.run([&](store::WriteTransaction& write) {
    store_.set_password(write, credentials->user.id, hash);
  });
  return std::nullopt;
}

bool Accounts::set_role(content::UserId id, content::Role role) {
  return write_path_.run(
      [&](store::WriteTransaction& write) { return store_.set_role(write, id, role); });
}

}  // namespace gazette::auth
