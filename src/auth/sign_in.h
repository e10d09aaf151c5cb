// Signing in: checks the password, limits attempts per account and per address, and opens a
// session. A wrong e-mail and a wrong password look the same from outside, in what is said
// and, as far as hashing goes, in how long it takes.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>

#include "auth/sessions.h"
#include "store/account_store.h"

namespace gazette::auth {

/// Failed attempts are counted over this window; the oldest fall out of it.
constexpr std::chrono::seconds kAttemptWindow = std::chrono::minutes(15);
/// An account is locked for the rest of the window after this many failures: enough for typos,
/// far too few to guess a password.
constexpr int kMaxFailuresPerAccount = 5;
/// One address may fail this often, across accounts: a newsroom behind one office NAT still
/// signs in; someone trying many accounts does not get far.
constexpr int kMaxFailuresPerAddress = 20;
/// How many accounts and addresses are remembered at most, so that made-up e-mails cannot
/// grow the memory without bound.
constexpr std::size_t kMaxTrackedKeys = 10000;

/// Counts recent failures by key ("account:…", "address:…"). Thread-safe; in memory, so a
/// restart forgets them (acceptable: a restart is not something an attacker controls).
class AttemptCounter {
 public:
  int failures(const std::string& key, content::Timestamp now);
  void record_failure(const std::string& key, content::Timestamp now);
  void forget(const std::string& key);

 private:
  struct Window {
    content::Timestamp started{};
    int failures = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

enum class SignInRefusal {
  wrong_credentials,  // unknown e-mail or wrong password: one message for both
  too_many_attempts,
};

class SignIn {
 public:
  SignIn(store::AccountStore& accounts, Sessions& sessions)
      : accounts_(accounts), sessions_(sessions) {}

  std::variant<OpenedSession, SignInRefusal> attempt(std::string_view email,
                                                     std::string_view password,
                                                     std::string_view address,
                                                     content::Timestamp now);

 private:
  store::AccountStore& accounts_;
  Sessions& sessions_;
  AttemptCounter attempts_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified against when the e-mail is unknown, to take as long
};

}  // namespace gazette::auth
