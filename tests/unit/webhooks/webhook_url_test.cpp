// Where webhooks may post: http(s) addresses only, and no loopback or private network unless
// the admin allows it.
#include "webhooks/webhook_url.h"

#include <gtest/gtest.h>

namespace gazette::webhooks {
namespace {

TEST(WebhookUrl, AnAbsoluteHttpAddressIsReadWithItsPort) {
  auto url = parse_webhook_url("https://hooks.example.fr/gazette?x=1");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "hooks.example.fr");
  EXPECT_EQ(url->port, 443);
  url = parse_webhook_url("HTTP://[::1]:8081/h");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "http");
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 8081);
  EXPECT_EQ(parse_webhook_url("http://127.0.0.1:9/")->port, 9);
}

TEST(WebhookUrl, AnythingElseIsRefused) {
  for (const char* text :
       {"", "ftp://example.fr/", "javascript:alert(1)", "file:///etc/passwd", "//example.fr/",
        "example.fr/hook", "http://", "http:///x", "http://user:pass@example.fr/",
        "http://example.fr:0/", "http://example.fr:65536/", "http://example.fr:80x/",
        "http://exa mple.fr/", "http://example.fr/\r\nX-Injected: 1", "http://example.fr/#top",
        "http://[::1/", "http://example.fr/\"><script>", "http://example.fr/{x}"})
    EXPECT_FALSE(parse_webhook_url(text)) << text;
  EXPECT_FALSE(parse_webhook_url("https://example.fr/" + std::string(2000, 'a')));
}

TEST(WebhookUrl, LoopbackPrivateLinkLocalAndMulticastAddressesArePrivate) {
  for (const char* address :
       {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
        "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
        "not an address"})
    EXPECT_TRUE(is_private_address(address)) << address;
  for (const char* address : {"8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1",
                              "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    EXPECT_FALSE(is_private_address(address)) << address;
}

TEST(WebhookUrl, AHostOnLoopbackIsRefusedUnlessAllowed) {
  auto url = *parse_webhook_url("http://127.0.0.1:8080/hook");
  auto refused = checked_address(url, false);
  ASSERT_TRUE(std::holds_alternative<AddressProblem>(refused));
  EXPECT_EQ(std::get<AddressProblem>(refused), AddressProblem::private_network);
  auto allowed = checked_address(url, true);
  ASSERT_TRUE(std::holds_alternative<std::string>(allowed));
  EXPECT_EQ(std::get<std::string>(allowed), "127.0.0.1");
  // A name is resolved, and what it resolves to is checked.
  EXPECT_EQ(std::get<AddressProblem>(checked_address(*parse_webhook_url("http://localhost/"),
                                                     false)),
            AddressProblem::private_network);
  EXPECT_EQ(std::get<AddressProblem>(
                checked_address(*parse_webhook_url("http://nowhere.invalid/"), true)),
            AddressProblem::unresolvable);
}

}  // namespace
}  // namespace gazette::webhooks
