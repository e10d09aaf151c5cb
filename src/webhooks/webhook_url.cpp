// parse_webhook_url and checked_address (see webhook_url.h), with getaddrinfo and Boost.Asio's
// address types.
#include "webhooks/webhook_url.h"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>

#include <boost/asio/ip/address.hpp>

#include "render/text.h"

namespace gazette::webhooks {

namespace {

constexpr std::size_t kMaxUrlBytes = 2000;

bool in_v4_block(const boost::asio::ip::address_v4& address, std::uint32_t block, int bits) {
  auto value = address.to_uint();
  auto mask = bits == 0 ? 0u : ~0u << (32 - bits);
  return (value & mask) == (block & mask);
}

bool is_private_v4(const boost::asio::ip::address_v4& address) {
  struct Block {
    std::uint32_t start;
    int bits;
  };
  static constexpr std::array<Block, 10> blocks = {{
      {0x00000000, 8},   // "this network"
      {0x0A000000, 8},   // 10/8
      {0x64400000, 10},  // 100.64/10, carrier-grade NAT
      {0x7F000000, 8},   // loopback
      {0xA9FE0000, 16},  // link-local (cloud metadata services live here)
      {0xAC100000, 12},  // 172.16/12
      {0xC0000000, 24},  // IETF protocol assignments
      {0xC0A80000, 16},  // 192.168/16
      {0xC6120000, 15},  // benchmarking
      {0xE0000000, 3},   // multicast, reserved, broadcast
  }};
  return std::any_of(blocks.begin(), blocks.end(), [&](const Block& block) {
    return in_v4_block(address, block.start, block.bits);
  });
}

bool is_private_v6(const boost::asio::ip::address_v6& address) {
  if (address.is_v4_mapped())
    return is_private_v4(boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address));
  auto bytes = address.to_bytes();
  return address.is_loopback() || address.is_unspecified() || address.is_multicast() ||
         (bytes[0] & 0xFE) == 0xFC                       // unique local, fc00::/7
         || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80);  // link-local, fe80::/10
}

}  // namespace

bool is_private_address(std::string_view text) {
  boost::system::error_code error;
  auto address = boost::asio::ip::make_address(std::string(text), error);
  if (error) return true;
  return address.is_v4() ? is_private_v4(address.to_v4()) : is_private_v6(address.to_v6());
}

std::optional<WebhookUrl> parse_webhook_url(std::string_view text) {
  if (text.empty() || text.size() > kMaxUrlBytes) return std::nullopt;
  // Controls, spaces and what RFC 3986 never leaves unencoded (quotes, angle brackets…).
  if (render::has_control_character(text) ||
      text.find_first_of(R"( "<>\^`{|})") != std::string_view::npos)
    return std::nullopt;
  WebhookUrl url;
  url.text = std::string(text);
  auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  url.scheme = std::string(text.substr(0, scheme_end));
  std::transform(url.scheme.begin(), url.scheme.end(), url.scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  if (text.find('#') != std::string_view::npos) return std::nullopt;
  auto rest = text.substr(scheme_end + 3);
  auto authority = rest.substr(0, rest.find_first_of("/?"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

  std::string_view port_text;
  if (authority.front() == '[') {  // [IPv6]:port
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    url.host = std::string(authority.substr(1, close - 1));
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_text = after.substr(1);
    }
  } else {
    auto colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (url.host.empty()) return std::nullopt;
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    auto [end, error] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), url.port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || url.port < 1 ||
        url.port > 65535)
      return std::nullopt;
  }
  return url;
}

std::variant<std::string, AddressProblem> checked_address(const WebhookUrl& url,
                                                          bool private_allowed) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(url.host.c_str(), nullptr, &hints, &found) != 0 || !found)
    return AddressProblem::unresolvable;
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owned(found, freeaddrinfo);

  std::string first;
  for (auto* entry = found; entry; entry = entry->ai_next) {
    std::array<char, NI_MAXHOST> text{};
    if (getnameinfo(entry->ai_addr, entry->ai_addrlen, text.data(), text.size(), nullptr, 0,
                    NI_NUMERICHOST) != 0)
      continue;
    std::string address = text.data();
    if (auto percent = address.find('%'); percent != std::string::npos) address.resize(percent);
    if (!private_allowed && is_private_address(address)) return AddressProblem::private_network;
    if (first.empty()) first = address;
  }
  if (first.empty()) return AddressProblem::unresolvable;
  return first;
}

}  // namespace gazette::webhooks
