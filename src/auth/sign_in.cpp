// Signing in and counting failures (see sign_in.h).
#include "auth/sign_in.h"

#include <algorithm>
#include <cctype>

#include "auth/passwords.h"

namespace gazette::auth {

int AttemptCounter::failures(const std::string& key, content::Timestamp now) {
  std::lock_guard lock(mutex_);
  auto found = windows_.find(key);
  if (found == windows_.end()) return 0;
  if (now - found->second.started >= kAttemptWindow) {
    windows_.erase(found);
    return 0;
  }
  return found->second.failures;
}

void AttemptCounter::record_failure(const std::string& key, content::Timestamp now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxTrackedKeys) {
    std::erase_if(windows_,
                  [&](const auto& entry) { return now - entry.second.started >= kAttemptWindow; });
    // Still full: forget the first keys rather than grow; limits stay in force for the rest.
    while (windows_.size() >= kMaxTrackedKeys) windows_.erase(windows_.begin());
  }
  auto& window = windows_[key];
  if (window.failures == 0 || now - window.started >= kAttemptWindow) window = {now, 0};
  ++window.failures;
}

void AttemptCounter::forget(const std::string& key) {
  std::lock_guard lock(mutex_);
  windows_.erase(key);
}

std::variant<OpenedSession, SignInRefusal> SignIn::attempt(std::string_view email,
                                                           std::string_view password,
                                                           std::string_view address,
                                                           content::Timestamp now) {
  std::string account_key = "account:" + std::string(email);
  std::transform(account_key.begin(), account_key.end(), account_key.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  std::string address_key = "address:" + std::string(address);
  if (attempts_.failures(account_key, now) >= kMaxFailuresPerAccount ||
      attempts_.failures(address_key, now) >= kMaxFailuresPerAddress)
    return SignInRefusal::too_many_attempts;

  auto credentials = accounts_.find_credentials(email);
  bool valid = false;
  if (credentials) {
    valid = verify_password(password, credentials->password_hash);
  } else {
    std::call_once(dummy_once_, [this] { dummy_hash_ = hash_password(generate_password()); });
    verify_password(password, dummy_hash_);
  }
  if (!valid) {
    attempts_.record_failure(account_key, now);
    attempts_.record_failure(address_key, now);
    return SignInRefusal::wrong_credentials;
  }
  attempts_.forget(account_key);
  return sessions_.open(credentials->user, now);
}

}  // namespace gazette::auth
