// Unit tests for comments/form_token: the signed timestamp and each way it is refused.
#include "comments/form_token.h"

#include <gtest/gtest.h>

#include <cctype>

namespace gazette::comments {
namespace {

using std::chrono::seconds;

const content::Timestamp kIssued{seconds(1'733'650'000)};
constexpr std::int64_t kMin = 3;
constexpr std::int64_t kMax = 3600;

class FormTokenTest : public ::testing::Test {
 protected:
  SiteKey key_{SiteKey::generate_hex()};
  FormTokens tokens_{key_};
};

TEST_F(FormTokenTest, AcceptsAFormFilledAtAHumanPace) {
  auto check = tokens_.check(tokens_.issue(kIssued), kIssued + seconds(40), kMin, kMax);
  EXPECT_FALSE(check.problem);
  EXPECT_EQ(check.age_seconds, 40);
}

TEST_F(FormTokenTest, RefusesAFormFilledFasterThanAPersonCan) {
  auto check = tokens_.check(tokens_.issue(kIssued), kIssued + seconds(1), kMin, kMax);
  EXPECT_EQ(check.problem, TokenProblem::too_fast);
}

TEST_F(FormTokenTest, RefusesAFormHandedOutTooLongAgo) {
  auto check = tokens_.check(tokens_.issue(kIssued), kIssued + seconds(kMax + 1), kMin, kMax);
  EXPECT_EQ(check.problem, TokenProblem::too_old);
}

TEST_F(FormTokenTest, RefusesAMissingTokenAndAnyChangedOne) {
  auto at = kIssued + seconds(40);
  EXPECT_EQ(tokens_.check("", at, kMin, kMax).problem, TokenProblem::missing);
  auto token = tokens_.issue(kIssued);
  // An older timestamp with the same signature: the attacker's way around too_fast.
  auto backdated = "1733640000" + token.substr(token.find('.'));
  EXPECT_EQ(tokens_.check(backdated, at, kMin, kMax).problem, TokenProblem::forged);
  for (const char* bad : {"garbage", "1733650000.", ".abcd", "1733650000.zz"})
    EXPECT_EQ(tokens_.check(bad, at, kMin, kMax).problem, TokenProblem::forged) << bad;
}

TEST_F(FormTokenTest, TwoFormsHandedOutInTheSameSecondGetDifferentTokens) {
  auto first = tokens_.issue(kIssued);
  auto second = tokens_.issue(kIssued);
  EXPECT_NE(first, second);
  EXPECT_FALSE(tokens_.check(first, kIssued + seconds(40), kMin, kMax).problem);
  EXPECT_FALSE(tokens_.check(second, kIssued + seconds(40), kMin, kMax).problem);
  EXPECT_EQ(tokens_.check(first, kIssued + seconds(40), kMin, kMax).issued_at, kIssued);
}

TEST_F(FormTokenTest, RefusesAChangedNonceOrAnUpperCaseCopy) {
  auto at = kIssued + seconds(40);
  auto token = tokens_.issue(kIssued);
  auto nonce_at = token.find('.') + 1;
  auto other_nonce = token;
  other_nonce[nonce_at] = other_nonce[nonce_at] == '0' ? '1' : '0';
  EXPECT_EQ(tokens_.check(other_nonce, at, kMin, kMax).problem, TokenProblem::forged);
  // The same token spelled otherwise would be a second use that looks new.
  std::string upper = token;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(tokens_.check(upper, at, kMin, kMax).problem, TokenProblem::forged);
  // Without a nonce (the format before tokens were one of a kind).
  auto old_format = token.substr(0, token.find('.')) + token.substr(token.rfind('.'));
  EXPECT_EQ(tokens_.check(old_format, at, kMin, kMax).problem, TokenProblem::forged);
}

TEST_F(FormTokenTest, RefusesATokenSignedWithAnotherSitesKey) {
  SiteKey other(SiteKey::generate_hex());
  auto token = FormTokens(other).issue(kIssued);
  EXPECT_EQ(tokens_.check(token, kIssued + seconds(40), kMin, kMax).problem, TokenProblem::forged);
}

}  // namespace
}  // namespace gazette::comments
