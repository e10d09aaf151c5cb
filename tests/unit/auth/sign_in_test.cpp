// Unit tests for auth/sign_in on a real SQLite database: the failure windows per account and per
// address, what a success clears, and that counts live in the database, not in the object.
#include "auth/sign_in.h"

#include <gtest/gtest.h>

#include "auth/passwords.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_sign_in_attempt_store.h"
#include "test_directory.h"

namespace gazette::auth {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kPassword = "correct horse battery";
const content::Timestamp kStart{seconds(1'733'650'000)};

class SignInTest : public ::testing::Test {
 protected:
  SignInTest() {
    store::NewUser user{.email = "ada@test.example",
                        .name = "Ada",
                        .role = content::Role::admin,
                        .password_hash = hash_password(kPassword),
                        .author = {"ada", "Ada"}};
    write_path_.run([&](store::WriteTransaction& write) {
      EXPECT_TRUE(accounts_.create_user(write, user, kStart));  // created
    });
  }
  ~SignInTest() override { std::filesystem::remove_all(dir_); }

  bool refused_for_attempts(std::string_view password, content::Timestamp at,
                            std::string_view address = "192.0.2.1",
                            std::string_view email = "ada@test.example") {
    auto result = sign_in_.attempt(email, password, address, at);
    auto* refusal = std::get_if<SignInRefusal>(&result);
    return refusal && *refusal == SignInRefusal::too_many_attempts;
  }
  bool signed_in(content::Timestamp at, std::string_view address = "192.0.2.1") {
    return std::holds_alternative<OpenedSession>(
        sign_in_.attempt("ada@test.example", kPassword, address, at));
  }

  std::filesystem::path dir_ = gazette::testing::fresh_test_directory("sign-in");
  store::sqlite::ConnectionPool pool_{(dir_ / "gazette.db").string()};
  store::sqlite::SqliteAccountStore accounts_{pool_};
  store::sqlite::SqliteSignInAttemptStore attempts_{pool_};
  content::EventBus events_;
  publishing::WritePath write_path_{pool_, events_};
  Sessions sessions_{accounts_, write_path_};
  SignIn sign_in_{accounts_, attempts_, sessions_, write_path_};
};

TEST_F(SignInTest, LocksAnAccountForTheRestOfTheWindowAfterFiveFailures) {
  for (int i = 0; i < kMaxFailuresPerAccount; ++i)
    EXPECT_FALSE(refused_for_attempts("wrong", kStart + seconds(i)));
  EXPECT_TRUE(refused_for_attempts(kPassword, kStart + minutes(14)));
  // Case does not make another account.
  EXPECT_TRUE(
      refused_for_attempts(kPassword, kStart + minutes(14), "192.0.2.1", "ADA@test.example"));
  EXPECT_TRUE(signed_in(kStart + kAttemptWindow));
}

TEST_F(SignInTest, LimitsAnAddressAcrossAccounts) {
  for (int i = 0; i < kMaxFailuresPerAddress; ++i)
    EXPECT_FALSE(refused_for_attempts("wrong", kStart, "198.51.100.7",
                                      "guess" + std::to_string(i) + "@test.example"));
  EXPECT_TRUE(refused_for_attempts(kPassword, kStart, "198.51.100.7"));
  EXPECT_TRUE(signed_in(kStart, "192.0.2.1"));  // another address is not held back
}

TEST_F(SignInTest, ASuccessClearsTheAccountAndDoesNotCountAgainstTheAddress) {
  // Four failures, then the right password, four times over: never locked.
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < kMaxFailuresPerAccount - 1; ++i)
      EXPECT_FALSE(refused_for_attempts("wrong", kStart));
    EXPECT_TRUE(signed_in(kStart)) << round;
  }
  // The address has 16 failures, not 20: four more before it is held back.
  for (int i = 0; i < 4; ++i)
    EXPECT_FALSE(
        refused_for_attempts("wrong", kStart, "192.0.2.1", "x" + std::to_string(i) + "@x.example"));
  EXPECT_TRUE(refused_for_attempts(kPassword, kStart));
}

TEST_F(SignInTest, CountsLiveInTheDatabaseNotInTheObject) {
  for (int i = 0; i < kMaxFailuresPerAccount; ++i) refused_for_attempts("wrong", kStart);
  // A new SignIn on the same database: a restarted process, or another one.
  store::sqlite::SqliteSignInAttemptStore attempts(pool_);
  SignIn again(accounts_, attempts, sessions_, write_path_);
  auto result = again.attempt("ada@test.example", kPassword, "203.0.113.1", kStart + minutes(1));
  ASSERT_TRUE(std::holds_alternative<SignInRefusal>(result));
  EXPECT_EQ(std::get<SignInRefusal>(result), SignInRefusal::too_many_attempts);
}

TEST_F(SignInTest, EndedWindowsAreForgotten) {
  for (int i = 0; i < 50; ++i)
    refused_for_attempts("wrong", kStart, "192.0.2.9",
                         "made-up" + std::to_string(i) + "@x.example");
  signed_in(kStart + kAttemptWindow);  // any attempt prunes
  auto connection = pool_.read();
  auto rows = connection->prepare("SELECT count(*) FROM sign_in_failures WHERE failures > 0");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.column_int(0), 0);
}

TEST_F(SignInTest, AMadeUpMegabyteEmailIsCountedUnderAShortKey) {
  std::string huge(1024 * 1024, 'a');
  refused_for_attempts("wrong", kStart, "192.0.2.1", huge + "@x.example");
  auto connection = pool_.read();
  auto rows = connection->prepare("SELECT max(length(key)) FROM sign_in_failures");
  ASSERT_TRUE(rows.step());
  EXPECT_LE(rows.column_int(0), static_cast<std::int64_t>(kMaxAttemptKeyBytes));
}

}  // namespace
}  // namespace gazette::auth
