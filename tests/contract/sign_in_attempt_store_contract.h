// The contract of store::SignInAttemptStore: failures counted per key in fixed windows, a
// refused attempt counts nothing, and concurrent attempts (any process) never pass a limit.
#pragma once

#include <atomic>
#include <thread>

#include "contract_support.h"

namespace gazette::contract {

inline constexpr std::chrono::seconds kAttemptWindow{15 * 60};

template <class BackendType>
class SignInAttemptStoreContract : public ContractTest<BackendType> {
 protected:
  bool attempt(Backend& backend, const std::vector<store::AttemptLimit>& limits,
               content::Timestamp now = kNow) {
    return this->committed_in(backend, [&](store::WriteTransaction& write) {
      return backend.sign_in_attempts().count_attempt(write, limits, now, kAttemptWindow);
    });
  }
  bool attempt(const std::vector<store::AttemptLimit>& limits, content::Timestamp now = kNow) {
    return attempt(this->backend(), limits, now);
  }
};
TYPED_TEST_SUITE_P(SignInAttemptStoreContract);

TYPED_TEST_P(SignInAttemptStoreContract, AKeyMayFailUpToItsLimitInAWindow) {
  std::vector<store::AttemptLimit> limits{{"account:zoé@example.fr", 3}};
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_FALSE(this->attempt(limits));
  EXPECT_FALSE(this->attempt(limits, kNow + kAttemptWindow - std::chrono::seconds(1)));
  // The window ended: counting starts again.
  EXPECT_TRUE(this->attempt(limits, kNow + kAttemptWindow));
}

TYPED_TEST_P(SignInAttemptStoreContract, ARefusedAttemptCountsAgainstNoKey) {
  std::vector<store::AttemptLimit> account{{"account:a", 1}};
  std::vector<store::AttemptLimit> both{{"account:a", 1}, {"address:192.0.2.1", 2}};
  std::vector<store::AttemptLimit> address{{"address:192.0.2.1", 2}};
  EXPECT_TRUE(this->attempt(account));
  EXPECT_FALSE(this->attempt(both));  // the account is at its limit: the address is not counted
  EXPECT_TRUE(this->attempt(address));
  EXPECT_TRUE(this->attempt(address));
  EXPECT_FALSE(this->attempt(address));
}

TYPED_TEST_P(SignInAttemptStoreContract, ASuccessIsTakenBackAndForgettingClearsTheKey) {
  std::vector<store::AttemptLimit> limits{{"account:a", 2}};
  auto& attempts = this->backend().sign_in_attempts();
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_TRUE(this->attempt(limits));
  this->committed([&](store::WriteTransaction& write) { attempts.take_back(write, "account:a"); });
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_FALSE(this->attempt(limits));
  this->committed([&](store::WriteTransaction& write) { attempts.forget(write, "account:a"); });
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_TRUE(this->attempt(limits));
  EXPECT_FALSE(this->attempt(limits));
}

TYPED_TEST_P(SignInAttemptStoreContract, ConcurrentAttemptsFromTwoProcessesNeverPassTheLimit) {
  constexpr int kLimit = 4;
  constexpr int kAttemptsEach = 6;
  std::vector<store::AttemptLimit> limits{{"address:198.51.100.7", kLimit}};
  auto other = this->backend().another_process();
  std::atomic<int> passed{0};
  auto attacker = [&](Backend& backend) {
    for (int i = 0; i < kAttemptsEach; ++i)
      if (this->attempt(backend, limits)) ++passed;
  };
  std::thread here([&] { attacker(this->backend()); });
  std::thread there([&] { attacker(*other); });
  here.join();
  there.join();
  EXPECT_EQ(passed.load(), kLimit);
}

REGISTER_TYPED_TEST_SUITE_P(SignInAttemptStoreContract, AKeyMayFailUpToItsLimitInAWindow,
                            ARefusedAttemptCountsAgainstNoKey,
                            ASuccessIsTakenBackAndForgettingClearsTheKey,
                            ConcurrentAttemptsFromTwoProcessesNeverPassTheLimit);

}  // namespace gazette::contract
