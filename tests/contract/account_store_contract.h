// The contract of store::AccountStore: an e-mail opens one account (whatever its case), each
// account signs with its own author profile, a password change ends every session, sessions
// end at their expiry.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class AccountStoreContract : public ContractTest<BackendType> {
 protected:
  std::optional<content::User> create(const std::string& email, const std::string& name,
                                      content::Term author,
                                      content::Role role = content::Role::author) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().accounts().create_user(
          write, {email, name, role, "hash-of-" + email, std::move(author)}, kNow);
    });
  }
  void create_session(const std::string& token, content::UserId user,
                      content::Timestamp expires_at) {
    this->committed([&](store::WriteTransaction& write) {
      this->backend().accounts().create_session(write, token, user, "csrf-" + token, kNow,
                                                expires_at);
    });
  }
};
TYPED_TEST_SUITE_P(AccountStoreContract);

TYPED_TEST_P(AccountStoreContract, AnEmailOpensOneAccountWhateverItsCase) {
  auto created = this->create("zoe@example.fr", "Zoé Ødegård 📰", {"zoe", "Zoé Ødegård 📰"},
                              content::Role::editor);
  ASSERT_TRUE(created.has_value());
  EXPECT_GT(created->id.value, 0);
  EXPECT_EQ(created->name, "Zoé Ødegård 📰");
  EXPECT_EQ(created->role, content::Role::editor);
  EXPECT_EQ(created->author_slug, "zoe");
  EXPECT_FALSE(this->create("ZOE@Example.FR", "Autre", {"autre", "Autre"}).has_value());

  auto credentials = this->backend().accounts().find_credentials("Zoe@EXAMPLE.fr");
  ASSERT_TRUE(credentials.has_value());
  EXPECT_EQ(credentials->user.id, created->id);
  EXPECT_EQ(credentials->password_hash, "hash-of-zoe@example.fr");
  EXPECT_EQ(this->backend().accounts().users().size(), 1u);
  EXPECT_FALSE(this->backend().accounts().find_credentials("personne@example.fr").has_value());
}

TYPED_TEST_P(AccountStoreContract, EachAccountSignsWithItsOwnAuthorProfile) {
  auto first = this->create("a@example.fr", "Sara", {"sara", "Sara"});
  auto second = this->create("b@example.fr", "Sara", {"sara", "Sara"});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->author_slug, "sara");
  EXPECT_NE(second->author_slug, "sara");
  EXPECT_TRUE(this->backend().content().find_author(second->author_slug).has_value());
}

TYPED_TEST_P(AccountStoreContract, UsersAreListedByName) {
  this->create("c@example.fr", "Claire", {"claire", "Claire"});
  this->create("a@example.fr", "Antoine", {"antoine", "Antoine"});
  this->create("b@example.fr", "Bruno", {"bruno", "Bruno"});
  std::vector<std::string> names;
  for (const auto& user : this->backend().accounts().users()) names.push_back(user.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Antoine", "Bruno", "Claire"}));
}

TYPED_TEST_P(AccountStoreContract, SessionsLastUntilTheirExpiry) {
  auto user = this->create("z@example.fr", "Zoé", {"zoe", "Zoé"});
  this->create_session("jeton", user->id, kNow + kMinute);
  auto& accounts = this->backend().accounts();
  auto session = accounts.find_session("jeton", kNow);
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->user.id, user->id);
  EXPECT_EQ(session->csrf_token, "csrf-jeton");
  EXPECT_EQ(session->expires_at, kNow + kMinute);
  EXPECT_FALSE(accounts.find_session("jeton", kNow + kMinute).has_value());
  EXPECT_FALSE(accounts.find_session("inconnu", kNow).has_value());

  this->create_session("ancien", user->id, kNow);
  this->committed([&](store::WriteTransaction& write) {
    accounts.delete_expired_sessions(write, kNow + std::chrono::seconds(1));
    accounts.delete_session(write, "jeton");
  });
  EXPECT_FALSE(accounts.find_session("jeton", kNow).has_value());
  EXPECT_FALSE(accounts.find_session("ancien", kNow - kMinute).has_value());
}

TYPED_TEST_P(AccountStoreContract, ANewPasswordEndsEverySessionOfTheAccount) {
  auto user = this->create("z@example.fr", "Zoé", {"zoe", "Zoé"});
  auto other = this->create("o@example.fr", "Omar", {"omar", "Omar"});
  this->create_session("un", user->id, kFarFuture);
  this->create_session("deux", user->id, kFarFuture);
  this->create_session("omar", other->id, kFarFuture);
  auto& accounts = this->backend().accounts();
  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return accounts.set_password(write, user->id, "nouveau");
  }));
  EXPECT_FALSE(accounts.find_session("un", kNow).has_value());
  EXPECT_FALSE(accounts.find_session("deux", kNow).has_value());
  EXPECT_TRUE(accounts.find_session("omar", kNow).has_value());
  EXPECT_EQ(accounts.find_credentials("z@example.fr")->password_hash, "nouveau");
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return accounts.set_password(write, {999'999}, "x");
  }));
}

TYPED_TEST_P(AccountStoreContract, ARoleChangesOnlyForAnExistingAccount) {
  auto user = this->create("z@example.fr", "Zoé", {"zoe", "Zoé"});
  auto& accounts = this->backend().accounts();
  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return accounts.set_role(write, user->id, content::Role::admin);
  }));
  EXPECT_EQ(accounts.find_user(user->id)->role, content::Role::admin);
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return accounts.set_role(write, {999'999}, content::Role::admin);
  }));
  EXPECT_FALSE(accounts.find_user({999'999}).has_value());
}

REGISTER_TYPED_TEST_SUITE_P(AccountStoreContract, AnEmailOpensOneAccountWhateverItsCase,
                            EachAccountSignsWithItsOwnAuthorProfile, UsersAreListedByName,
                            SessionsLastUntilTheirExpiry, ANewPasswordEndsEverySessionOfTheAccount,
                            ARoleChangesOnlyForAnExistingAccount);

}  // namespace gazette::contract
