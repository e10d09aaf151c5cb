// The contract of store::ApiTokenStore: a token is found by its secret's hash with what was
// said, revoked once, marked used, and listed by owner and scope.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class ApiTokenStoreContract : public ContractTest<BackendType> {
 protected:
  content::UserId a_user(const std::string& email) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend()
          .accounts()
          .create_user(write,
                       {email, email, content::Role::author, "hash-of-" + email,
                        content::Term{email.substr(0, email.find('@')), email}},
                       kNow)
          ->id;
    });
  }
  std::int64_t create(content::UserId user, const std::string& hash, const std::string& name,
                      store::ApiTokenScope scope = store::ApiTokenScope::write) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().api_tokens().create_token(write, user, hash, name, scope, kNow);
    });
  }
  bool revoke(std::int64_t id) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().api_tokens().revoke_token(write, id, kNow + kMinute);
    });
  }
};
TYPED_TEST_SUITE_P(ApiTokenStoreContract);

TYPED_TEST_P(ApiTokenStoreContract, ATokenIsFoundByItsHashWithWhatWasSaid) {
  auto user = this->a_user("ines@example.fr");
  auto id = this->create(user, "ab12", "Script « import » <b>");
  auto found = this->backend().api_tokens().find_token(std::string_view("ab12"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->user, user);
  EXPECT_EQ(found->name, "Script « import » <b>");
  EXPECT_EQ(found->scope, store::ApiTokenScope::write);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(found->last_used_at);
  EXPECT_FALSE(found->revoked_at);
  EXPECT_EQ(this->backend().api_tokens().find_token(id)->token_hash, "ab12");
  EXPECT_FALSE(this->backend().api_tokens().find_token(std::string_view("AB12")));
  EXPECT_FALSE(this->backend().api_tokens().find_token(std::string_view("")));
  EXPECT_FALSE(this->backend().api_tokens().find_token(id + 100));
}

TYPED_TEST_P(ApiTokenStoreContract, ATokenIsRevokedOnceAndMarkedUsed) {
  auto user = this->a_user("ines@example.fr");
  auto id = this->create(user, "ab12", "script");
  this->committed([&](store::WriteTransaction& write) {
    this->backend().api_tokens().mark_used(write, id, kNow + kMinute);
    return 0;
  });
  EXPECT_EQ(this->backend().api_tokens().find_token(id)->last_used_at, kNow + kMinute);
  EXPECT_TRUE(this->revoke(id));
  EXPECT_EQ(this->backend().api_tokens().find_token(id)->revoked_at, kNow + kMinute);
  EXPECT_FALSE(this->revoke(id));
  EXPECT_FALSE(this->revoke(id + 100));
}

TYPED_TEST_P(ApiTokenStoreContract, TokensAreListedByOwnerAndScope) {
  auto ines = this->a_user("ines@example.fr");
  auto paul = this->a_user("paul@example.fr");
  this->create(ines, "h1", "un");
  this->create(paul, "h2", "deux");
  this->create(ines, "h3", "trois");
  this->create(ines, "h4", "clé", store::ApiTokenScope::read);
  auto mine = this->backend().api_tokens().tokens_of(ines, store::ApiTokenScope::write);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].name, "un");
  EXPECT_EQ(mine[1].name, "trois");
  auto keys = this->backend().api_tokens().tokens_with(store::ApiTokenScope::read);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].name, "clé");
  EXPECT_EQ(keys[0].scope, store::ApiTokenScope::read);
  EXPECT_EQ(this->backend().api_tokens().tokens_with(store::ApiTokenScope::write).size(), 3u);
}

REGISTER_TYPED_TEST_SUITE_P(ApiTokenStoreContract, ATokenIsFoundByItsHashWithWhatWasSaid,
                            ATokenIsRevokedOnceAndMarkedUsed, TokensAreListedByOwnerAndScope);

}  // namespace gazette::contract
