// Password hashing and the random values that guard sessions.
#include "auth/passwords.h"

#include <gtest/gtest.h>

#include <set>

namespace gazette::auth {
namespace {

TEST(Passwords, HashIsArgon2idAndVerifiesOnlyTheSamePassword) {
  auto hash = hash_password("correct horse battery");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse batterY", hash));
  EXPECT_NE(hash_password("correct horse battery"), hash) << "salted";
}

TEST(Passwords, ShortAndHugePasswordsAreRefused) {
  EXPECT_TRUE(password_problem("short").has_value());
  EXPECT_FALSE(password_problem("ten chars!").has_value());
  EXPECT_TRUE(password_problem(std::string(kMaxPasswordLength + 1, 'x')).has_value());
}

TEST(Passwords, GeneratedPasswordsAndTokensDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto password = generate_password();
    EXPECT_EQ(password.size(), 20u);
    EXPECT_FALSE(password_problem(password).has_value());
    EXPECT_TRUE(seen.insert(password).second);
  }
  auto token = random_token(32);
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
}

}  // namespace
}  // namespace gazette::auth
