// Newsroom accounts: creating them, changing passwords and roles, with the checks a person's
// input needs — the command line (`gazette user`), the demo and the newsroom's users page go
// through here. A new account's byline may take over an author page, so its creation announces
// TermChanged for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/accounts.h"
#include "content/clock.h"
#include "publishing/write_path.h"
#include "store/account_store.h"

namespace gazette::auth {

/// Why an account change was refused: what the form (or the command line) says.
enum class AccountProblem {
  invalid_email,         // not an e-mail address
  email_taken,           // another account has it
  invalid_name,          // empty, too long or not UTF-8
  name_without_letters,  // nothing to make the byline's slug of
  password_too_short,
  password_too_long,
  no_such_account,  // no account has this e-mail
};

/// Whether `email` has the shape of an address a person can be written to: something@host, at
/// most 254 bytes, no space, quote or angle bracket.
bool is_email(std::string_view email);

/// The form field a problem belongs to: "email", "name" or "password".
std::string_view field_of(AccountProblem problem);
/// The problem in words, for the command line ("an account with this e-mail already exists").
std::string describe(AccountProblem problem);

class Accounts {
 public:
  Accounts(store::AccountStore& store, publishing::WritePath& write_path,
           const content::Clock& clock)
      : store_(store), write_path_(write_path), clock_(clock) {}

  /// Creates an account signing as `name` (its author profile is created or taken over).
  std::optional<AccountProblem> add(std::string_view email, std::string_view name,
                                    content::Role role, std::string_view password);
  /// Sets the password of the account with `email`; its sessions end.
  std::optional<AccountProblem> change_password(std::string_view email, std::string_view password);
  /// Gives account `id` another role; false when there is no such account.
  bool set_role(content::UserId id, content::Role role);
  /// Every account, for the users page.
  std::vector<content::User> users() { return store_.users(); }

 private:
  store::AccountStore& store_;
  publishing::WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::auth
