// The HTML sanitizer for HTML we did not write (imported WordPress posts): an allowlist of
// elements and attributes, links and images limited to http(s), mailto and relative URLs.
// Readers' comments never come here: they are plain text, rendered with escaping.
#pragma once

#include <string>
#include <string_view>

namespace gazette::render {

/// `html` (a fragment, as a post body) parsed as a browser would (gumbo) and written back with
/// only allowlisted elements and attributes: text is escaped; an element not on the list is
/// replaced by its content, except those whose content is code or chrome (script, style,
/// iframe, object, form…), which are dropped whole; subheadings keep a slug-like `id` (their
/// anchor); an `h1` becomes an `h2` (the page's title
/// is its one `h1`); a URL with any other scheme (javascript:, data:…) drops its attribute.
std::string sanitize_html(std::string_view html);

/// Whether `url` is http(s), mailto or relative (what sanitize_html keeps).
bool is_safe_url(std::string_view url);

}  // namespace gazette::render
