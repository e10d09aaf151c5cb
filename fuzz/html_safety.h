// The fuzz targets' oracle for HTML made from outside input (Markdown, imported posts): parsed
// as a browser would (gumbo), does it hold anything that runs script or loads what it should not?
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::fuzz {

/// Which URLs the HTML may carry in href, src and the like.
enum class UrlRule {
  no_script,  // anything but javascript:, vbscript:, file: and data: other than images (cmark's)
  web_only,   // http(s), mailto and relative only (the sanitizer's promise)
};

/// The first thing in `html` a browser would run or load against the rule ("element script",
/// "attribute onclick", "href javascript:…"), or nullopt when there is none.
std::optional<std::string> find_unsafe_html(std::string_view html, UrlRule rule);

}  // namespace gazette::fuzz
