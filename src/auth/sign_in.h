// Signing in: checks the password, limits attempts per account and per address, and opens a
// session. A wrong e-mail and a wrong password look the same from outside, in what is said
// and, as far as hashing goes, in how long it takes.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>

#include "auth/sessions.h"
#include "publishing/write_path.h"
#include "store/account_store.h"
#include "store/sign_in_attempt_store.h"

namespace gazette::auth {

/// Failed attempts are counted over this window; it opens with a key's first failure.
constexpr std::chrono::seconds kAttemptWindow = std::chrono::minutes(15);
/// An account is locked for the rest of the window after this many failures: enough for typos,
/// far too few to guess a password.
constexpr int kMaxFailuresPerAccount = 5;
/// One address may fail this often, across accounts: a newsroom behind one office NAT still
/// signs in; someone trying many accounts does not get far.
constexpr int kMaxFailuresPerAddress = 20;
/// Longer than any e-mail (254 bytes) or address: a key is cut here, so a made-up e-mail of a
/// megabyte does not become a row of a megabyte.
constexpr std::size_t kMaxAttemptKeyBytes = 320;

enum class SignInRefusal {
  wrong_credentials,  // unknown e-mail or wrong password: one message for both
  too_many_attempts,
};

/// Failures are counted in the database (store::SignInAttemptStore), so the limits hold for
/// every process serving the site and survive a restart.
class SignIn {
 public:
  SignIn(store::AccountStore& accounts, store::SignInAttemptStore& attempts, Sessions& sessions,
         publishing::WritePath& write_path)
      : accounts_(accounts), attempts_(attempts), sessions_(sessions), write_path_(write_path) {}

  std::variant<OpenedSession, SignInRefusal> attempt(std::string_view email,
                                                     std::string_view password,
                                                     std::string_view address,
                                                     content::Timestamp now);

 private:
  store::AccountStore& accounts_;
  store::SignInAttemptStore& attempts_;
  Sessions& sessions_;
  publishing::WritePath& write_path_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against when the e-mail is unknown, to take as long
};

}  // namespace gazette::auth
