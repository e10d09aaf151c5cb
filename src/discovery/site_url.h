// Absolute URLs for feeds, sitemaps and social cards, which leave the site and so cannot be
// relative: the `url` setting, or the address the request was made to.
#pragma once

#include <string>
#include <string_view>

namespace gazette::discovery {

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
