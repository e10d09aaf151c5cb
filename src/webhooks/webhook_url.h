// Where a webhook may post: an http(s) address whose host resolves to public addresses only,
// unless the admin allowed private networks — else a webhook would let anyone with an admin's
// form reach the machine's loopback services or the office network (SSRF). The check is made
// when the webhook is registered and again at each delivery, and the delivery goes to the very
// address checked (a name that resolves elsewhere the second time cannot slip through).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::webhooks {

struct WebhookUrl {
  std::string scheme;  // http or https
  std::string host;    // a name or an IP address (IPv6 without brackets)
  int port = 0;
  std::string text;  // the address as given
};

/// The address when it is an absolute http(s) URL with a host, no user information, no
/// fragment, no space, control or other character RFC 3986 wants encoded (`"<>\^`{|}`), and
/// at most 2,000 bytes; nothing otherwise.
std::optional<WebhookUrl> parse_webhook_url(std::string_view text);

enum class AddressProblem { unresolvable, private_network };

/// The IP address to post to: the first the host resolves to, when none of them is on loopback,
/// a private, link-local, shared or multicast network (or `private_allowed`).
std::variant<std::string, AddressProblem> checked_address(const WebhookUrl& url,
                                                          bool private_allowed);

/// Whether the IP address (text) is one a public webhook may not reach.
bool is_private_address(std::string_view address);

}  // namespace gazette::webhooks
