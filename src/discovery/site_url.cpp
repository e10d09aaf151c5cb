// Base URL of the site (see site_url.h).
#include "discovery/site_url.h"

#include "render/text.h"

namespace gazette::discovery {

namespace {
// No DNS name is longer (RFC 1035), and a port adds six characters.
constexpr std::size_t kMaxHostBytes = 261;

bool is_host(std::string_view host) {
  if (host.empty() || host.size() > kMaxHostBytes) return false;
  for (char c : host) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!allowed) return false;
  }
  return true;
}
}  // namespace

std::string base_url(std::string_view url_setting, std::string_view host_header) {
  std::string_view url = url_setting;
  while (url.ends_with('/')) url.remove_suffix(1);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (url.starts_with(scheme) &&
        is_host(url.substr(scheme.size()).substr(0, url.substr(scheme.size()).find('/'))))
      return std::string(url);
  }
  if (is_host(host_header)) return "http://" + std::string(host_header);
  return "http://localhost";
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "www.example.fr": dot-separated labels of letters, digits and inner hyphens (RFC 1123).
bool is_host_name(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  std::size_t label = 0;
  char previous = '.';
  for (char c : name) {
    if (c == '.') {
      if (label == 0 || previous == '-') return false;
      label = 0;
    } else if (is_ascii_alnum(c) || (c == '-' && label > 0)) {
      if (++label > 63) return false;
    } else {
      return false;
    }
    previous = c;
  }
  return label > 0 && previous != '-';
}

// "[2001:db8::1]": an IPv6 literal, its digits and colons (inet_pton would refuse less well).
bool is_ip_literal(std::string_view text) {
  if (text.size() < 4 || text.front() != '[' || text.back() != ']') return false;
  for (char c : text.substr(1, text.size() - 2))
    if (!is_hex(c) && c != ':' && c != '.') return false;
  return true;
}

// "8080": 1 to 65535.
bool is_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value >= 1 && value <= 65535;
}

// A path prefix ("/journal"): unreserved characters, slashes and percent-escapes only, so the
// base is safe as it is in HTML, XML, JSON and robots.txt.
bool is_path(std::string_view path) {
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') continue;
    if (c == '%' && i + 2 < path.size() && is_hex(path[i + 1]) && is_hex(path[i + 2])) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

std::variant<std::string, SiteUrlProblem> normalise_site_url(std::string_view text) {
  text = render::trim(text);
  if (text.empty()) return std::string();
  if (text.size() > kMaxSiteUrlBytes) return SiteUrlProblem::too_long;

  std::string scheme;
  for (std::string_view candidate : {"https://", "http://"}) {
    if (text.size() < candidate.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < candidate.size(); ++i) same &= lower(text[i]) == candidate[i];
    if (same) {
      scheme = candidate;
      break;
    }
  }
  if (scheme.empty()) return SiteUrlProblem::not_http;
  auto rest = text.substr(scheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) return SiteUrlProblem::query_or_fragment;
  for (char c : rest) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return SiteUrlProblem::invalid_characters;
  }

  auto authority = rest.substr(0, rest.find('/'));
  auto path = rest.substr(authority.size());
  if (authority.find('@') != std::string_view::npos) return SiteUrlProblem::no_host;
  // The host ends at the port's colon; an IPv6 literal's own colons are inside brackets.
  auto port_colon = authority.starts_with('[') ? authority.find("]:") : authority.rfind(':');
  if (authority.starts_with('[') && port_colon != std::string_view::npos) ++port_colon;
  auto host = authority.substr(0, port_colon);
  if (!is_host_name(host) && !is_ip_literal(host)) return SiteUrlProblem::no_host;
  if (port_colon != std::string_view::npos && !is_port(authority.substr(port_colon + 1)))
    return SiteUrlProblem::no_host;
  while (path.ends_with('/')) path.remove_suffix(1);
  if (!is_path(path)) return SiteUrlProblem::invalid_characters;

  std::string url = scheme;
  for (char c : authority) url += lower(c);
  url += path;
  return url;
}

}  // namespace gazette::discovery
