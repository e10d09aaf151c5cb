// Account checks (see accounts.h).
#include "auth/accounts.h"

#include "auth/passwords.h"
#include "render/slug.h"
#include "render/text.h"

namespace gazette::auth {

namespace {

// An e-mail address is at most 254 characters (RFC 5321); a display name needs far less.
constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxNameLength = 120;

std::optional<AccountProblem> email_problem(std::string_view email) {
  auto at = email.find('@');
  if (email.empty() || email.size() > kMaxEmailLength || at == 0 || at == std::string_view::npos ||
      at + 1 >= email.size() || email.find_first_of(" \t\r\n<>\"") != std::string_view::npos ||
      render::find_invalid_utf8(email))
    return AccountProblem{"email", "not an e-mail address"};
  return std::nullopt;
}

}  // namespace

std::optional<AccountProblem> Accounts::add(std::string_view email, std::string_view name,
                                            content::Role role, std::string_view password,
                                            content::Timestamp now) {
  email = render::trim(email);
  name = render::trim(name);
  if (auto problem = email_problem(email)) return problem;
  if (name.empty() || name.size() > kMaxNameLength || render::find_invalid_utf8(name))
    return AccountProblem{"name", "a name of 1 to 120 characters is needed"};
  auto slug = render::slugify(name);
  if (slug.empty()) return AccountProblem{"name", "the name needs a letter or a digit"};
  if (auto problem = password_problem(password)) return AccountProblem{"password", *problem};
  auto error = store_.create_user({std::string(email),
                                   std::string(name),
                                   role,
                                   hash_password(password),
                                   {slug, std::string(name)}},
                                  now);
  if (error) return AccountProblem{error->field, error->reason};
  return std::nullopt;
}

std::optional<AccountProblem> Accounts::change_password(std::string_view email,
                                                        std::string_view password) {
  auto credentials = store_.find_credentials(render::trim(email));
  if (!credentials) return AccountProblem{"email", "no account has this e-mail"};
  if (auto problem = password_problem(password)) return AccountProblem{"password", *problem};
  store_.set_password(credentials->user.id, hash_password(password));
  return std::nullopt;
}

}  // namespace gazette::auth
