// Creating accounts and changing passwords, with the checks a person's input needs: the
// command line (`gazette user`), the demo and the newsroom's users page go through here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "content/accounts.h"
#include "store/account_store.h"

namespace gazette::auth {

/// Why an account change was refused: the field and the reason.
struct AccountProblem {
  std::string field;
  std::string reason;
};

class Accounts {
 public:
  explicit Accounts(store::AccountStore& store) : store_(store) {}

  /// Creates an account signing as `name` (its author profile is created or taken over).
  std::optional<AccountProblem> add(std::string_view email, std::string_view name,
                                    content::Role role, std::string_view password,
                                    content::Timestamp now);
  /// Sets the password of the account with `email`; its sessions end.
  std::optional<AccountProblem> change_password(std::string_view email, std::string_view password);

 private:
  store::AccountStore& store_;
};

}  // namespace gazette::auth
