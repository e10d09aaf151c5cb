// An article's Markdown made HTML, the one way every writer and the newsroom's previews do it
// (render/markdown.h drops raw HTML, so this is what the article page will carry).
#pragma once

#include <string>
#include <string_view>

namespace gazette::publishing {

/// The article body's HTML. An article whose lead is the body's first paragraph (what `gazette
/// publish` makes of a file without `lead:`) shows it once, as the lead, not again in the body.
std::string body_html_for(std::string_view markdown, std::string_view lead);

/// The HTML of Markdown typed in the editor, for its live preview.
std::string preview_html(std::string_view markdown);

}  // namespace gazette::publishing
