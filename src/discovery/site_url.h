// Absolute URLs for feeds, sitemaps and social cards, which leave the site and so cannot be
// relative: the `url` setting, or the address the request was made to.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::discovery {

/// The longest `url` setting accepted: about what every browser and search engine takes; a
/// site's address is far shorter, so anything near it is a paste gone wrong.
constexpr std::size_t kMaxSiteUrlBytes = 2000;

/// Why an address typed for the `url` setting was refused.
enum class SiteUrlProblem {
  too_long,           // over kMaxSiteUrlBytes
  not_http,           // no http:// or https:// ("exemple.fr", "javascript:", "ftp://")
  no_host,            // nothing usable after the scheme, or user info ("user@host")
  query_or_fragment,  // a "?" or a "#": the base of every link carries neither
  invalid_characters  // spaces, controls, non-ASCII or other bytes not allowed in a URL's path
};

/// The `url` setting as an admin typed it, checked and normalised: blank stays "" (use the
/// request's Host); otherwise an absolute http(s) URL with a host name (or IP literal) and
/// optional port and path, scheme and host lower-cased, without trailing slash
/// ("HTTPS://WWW.Example.fr/" → "https://www.example.fr"). What it returns, base_url() uses as
/// it is.
std::variant<std::string, SiteUrlProblem> normalise_site_url(std::string_view text);

/// The site's base URL without a trailing slash: the `url` setting when it is an http(s) URL,
/// else "http://" + the request's Host when that is a plain host[:port], else
/// "http://localhost". Set `url` in production: behind a TLS proxy the Host fallback says http,
/// and a page cache would keep whichever Host came first.
std::string base_url(std::string_view url_setting, std::string_view host_header);

/// `base` + `path` (a path starting with '/').
inline std::string absolute_url(std::string_view base, std::string_view path) {
  return std::string(base) + std::string(path);
}

}  // namespace gazette::discovery
