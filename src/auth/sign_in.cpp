// Signing in and counting failures (see sign_in.h).
#include "auth/sign_in.h"

#include <algorithm>
#include <cctype>

#include "auth/passwords.h"

namespace gazette::auth {

std::variant<OpenedSession, SignInRefusal> SignIn::attempt(std::string_view email,
                                                           std::string_view password,
                                                           std::string_view address,
                                                           content::Timestamp now) {
  std::string account_key = "account:" + std::string(email);
  std::transform(account_key.begin(), account_key.end(), account_key.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  account_key.resize(std::min(account_key.size(), kMaxAttemptKeyBytes));
  std::string address_key = "address:" + std::string(address.substr(0, kMaxAttemptKeyBytes));
  // Counted as a failure before the password is checked, and taken back if it was right: two
  // guesses sent at once, to two processes or threads, are both counted before either is
  // checked, so no burst of guesses gets past the limit.
  bool counted = write_path_.run([&](store::WriteTransaction& write) {
    return attempts_.count_attempt(
        write, {{account_key, kMaxFailuresPerAccount}, {address_key, kMaxFailuresPerAddress}}, now,
        kAttemptWindow);
  });
  if (!counted) return SignInRefusal::too_many_attempts;

  auto credentials = accounts_.find_credentials(email);
  bool valid = false;
  if (credentials) {
    valid = verify_password(password, credentials->password_hash);
  } else {
    std::call_once(dummy_once_, [this] { dummy_hash_ = hash_password(generate_password()); });
    verify_password(password, dummy_hash_);
  }
  if (!valid) return SignInRefusal::wrong_credentials;
  write_path_.run([&](store::WriteTransaction& write) {
    attempts_.forget(write, account_key);
    attempts_.take_back(write, address_key);
  });
  return sessions_.open(credentials->user, now);
}

}  // namespace gazette::auth
