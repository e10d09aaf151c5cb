// Unit tests for comments/spam_defences: blocklists, links and the client's address.
#include "comments/spam_defences.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

CheckedComment comment(std::string body) {
  return {.name = "Marie",
          .email = "marie@example.fr",
          .website = "",
          .body = std::move(body),
          .parent = std::nullopt};
}

TEST(BlockedWord, MatchesWithoutRegardToCase) {
  EXPECT_EQ(find_blocked_word(comment("Meilleur CASINO en ligne"), {"viagra", "casino"}), "casino");
  EXPECT_EQ(find_blocked_word(comment("UN ÉTÉ chaud"), {"été"}), "été");
  EXPECT_EQ(find_blocked_word(comment("Bonjour"), {"casino", ""}), std::nullopt);
}

TEST(BlockedWord, LooksAtTheNameAndEmailToo) {
  auto c = comment("Bonjour");
  c.name = "Cheap Pills";
  EXPECT_EQ(find_blocked_word(c, {"pills"}), "pills");
}

TEST(BlockedAddress, MatchesIpsPrefixesEmailsAndDomains) {
  EXPECT_EQ(find_blocked_address("a@x.fr", "203.0.113.7", {"203.0.113.7"}), "203.0.113.7");
  EXPECT_EQ(find_blocked_address("a@x.fr", "203.0.113.7", {"203.0.113."}), "203.0.113.");
  EXPECT_EQ(find_blocked_address("a@x.fr", "203.0.113.70", {"203.0.113.7"}), std::nullopt);
  EXPECT_EQ(find_blocked_address("Spam@Bad.example", "::1", {"spam@bad.example"}),
            "spam@bad.example");
  EXPECT_EQ(find_blocked_address("who@bad.example", "::1", {"@bad.example"}), "@bad.example");
  EXPECT_EQ(find_blocked_address("who@good.example", "::1", {"@bad.example"}), std::nullopt);
}

TEST(CountLinks, CountsTheAddressesTheLinkifierWouldLink) {
  EXPECT_EQ(count_links("http://a.fr https://b.fr www.c.fr javascript:x"), 3u);
}

TEST(ClientAddress, TrustsTheProxyHeaderOnlyWhenTold) {
  EXPECT_EQ(client_address("127.0.0.1", "6.6.6.6, 198.51.100.2", false), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "6.6.6.6, 198.51.100.2", true), "198.51.100.2");
  EXPECT_EQ(client_address("127.0.0.1", "", true), "127.0.0.1");
}

}  // namespace
}  // namespace gazette::comments
