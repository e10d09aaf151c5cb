// Base URL of the site (see site_url.h).
#include "discovery/site_url.h"

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

}  // namespace gazette::discovery
