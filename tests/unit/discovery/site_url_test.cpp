// The `url` setting as an admin types it in the newsroom: what is kept, how it is normalised,
// and why the rest is refused. Whatever it accepts, base_url() uses unchanged.
#include <gtest/gtest.h>

#include "discovery/site_url.h"

namespace gazette::discovery {
namespace {

std::string accepted(std::string_view text) {
  auto result = normalise_site_url(text);
  if (auto* url = std::get_if<std::string>(&result)) return *url;
  ADD_FAILURE() << "refused: " << text;
  return {};
}

SiteUrlProblem refused(std::string_view text) {
  auto result = normalise_site_url(text);
  if (auto* problem = std::get_if<SiteUrlProblem>(&result)) return *problem;
  ADD_FAILURE() << "accepted: " << text << " as " << std::get<std::string>(result);
  return SiteUrlProblem::too_long;
}

TEST(SiteUrl, BlankMeansTheRequestsHost) {
  EXPECT_EQ(accepted(""), "");
  EXPECT_EQ(accepted("  \t"), "");
}

TEST(SiteUrl, TrailingSlashesGoAndSchemeAndHostAreLowerCased) {
  EXPECT_EQ(accepted("https://www.example.fr/"), "https://www.example.fr");
  EXPECT_EQ(accepted(" HTTPS://WWW.Example.FR// "), "https://www.example.fr");
  EXPECT_EQ(accepted("http://localhost:8080"), "http://localhost:8080");
  EXPECT_EQ(accepted("https://example.fr/Journal/"), "https://example.fr/Journal");
  EXPECT_EQ(accepted("http://[2001:db8::1]:8443/"), "http://[2001:db8::1]:8443");
  EXPECT_EQ(accepted("https://news.example.fr/caf%C3%A9"), "https://news.example.fr/caf%C3%A9");
}

TEST(SiteUrl, WhatIsKeptIsWhatBaseUrlUses) {
  for (std::string_view typed :
       {"https://www.example.fr/", "http://localhost:8080", "https://example.fr/journal/"}) {
    auto url = accepted(typed);
    EXPECT_EQ(base_url(url, "attacker.example"), url);
  }
}

TEST(SiteUrl, OnlyHttpAndHttpsAddressesWithAHost) {
  EXPECT_EQ(refused("exemple.fr"), SiteUrlProblem::not_http);
  EXPECT_EQ(refused("javascript:alert(1)"), SiteUrlProblem::not_http);
  EXPECT_EQ(refused("ftp://example.fr"), SiteUrlProblem::not_http);
  EXPECT_EQ(refused("//example.fr"), SiteUrlProblem::not_http);
  EXPECT_EQ(refused("https://"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https:///chemin"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://user:secret@example.fr"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://-example.fr"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://example..fr"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://example.fr:0"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://example.fr:70000"), SiteUrlProblem::no_host);
  EXPECT_EQ(refused("https://example.fr:"), SiteUrlProblem::no_host);
}

TEST(SiteUrl, NoQueryFragmentSpacesOrStrayCharacters) {
  EXPECT_EQ(refused("https://example.fr/?utm=1"), SiteUrlProblem::query_or_fragment);
  EXPECT_EQ(refused("https://example.fr/#top"), SiteUrlProblem::query_or_fragment);
  EXPECT_EQ(refused("https://www.example .fr"), SiteUrlProblem::invalid_characters);
  EXPECT_EQ(refused("https://example.fr/a b"), SiteUrlProblem::invalid_characters);
  EXPECT_EQ(refused("https://exemple.fr/\"><script>"), SiteUrlProblem::invalid_characters);
  EXPECT_EQ(refused("https://café.fr"), SiteUrlProblem::invalid_characters);
  EXPECT_EQ(refused("https://example.fr/%zz"), SiteUrlProblem::invalid_characters);
  EXPECT_EQ(refused(std::string("https://example.fr/\0x", 20)), SiteUrlProblem::invalid_characters);
}

TEST(SiteUrl, ALongPasteIsRefused) {
  EXPECT_EQ(refused("https://example.fr/" + std::string(5000, 'a')), SiteUrlProblem::too_long);
  auto longest = "https://example.fr/" + std::string(kMaxSiteUrlBytes - 19, 'a');
  EXPECT_EQ(accepted(longest), longest);
}

}  // namespace
}  // namespace gazette::discovery
