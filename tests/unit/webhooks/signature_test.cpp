// The signature receivers check: HMAC-SHA-256 of "timestamp.body", as any HMAC library computes it.
#include "webhooks/signature.h"

#include <gtest/gtest.h>

namespace gazette::webhooks {
namespace {

TEST(WebhookSignature, IsTheHmacSha256OfTheTimestampADotAndTheBody) {
  // As Python's hmac.new(b"Jefe", b'1733650000.{"event":"article.published"}', sha256) makes it.
  EXPECT_EQ(signature("Jefe", "1733650000", R"({"event":"article.published"})"),
            "sha256=f1e3c43295d13ed4da527a8954caae5dc2e681ac0f61f27337d6c92388f17bd2");
  EXPECT_NE(signature("Jefe", "1733650001", R"({"event":"article.published"})"),
            signature("Jefe", "1733650000", R"({"event":"article.published"})"));
}

TEST(WebhookSignature, NewSecretsAre32RandomBytesInHex) {
  auto first = new_secret();
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(first, new_secret());
}

}  // namespace
}  // namespace gazette::webhooks
