// Markdown to HTML with cmark-gfm and its GitHub extensions. Raw HTML in the source is never
// passed through: articles are rendered once, when saved, and the HTML is stored.
#pragma once

#include <string>
#include <string_view>

namespace gazette::render {

/// An article body split the way the reader page shows it.
struct RenderedArticle {
  std::string lead;       // plain text of the first paragraph, when it was taken as the lead
  std::string body_html;  // the rest, as HTML; `##` headings carry an id from their slug
};

/// Renders `markdown` (GFM: tables, strikethrough, autolinks). Raw HTML is omitted.
std::string markdown_to_html(std::string_view markdown);

/// Renders an article body. When `take_lead` is true and the body opens with a paragraph, that
/// paragraph becomes `lead` (plain text) and is left out of `body_html`.
RenderedArticle render_article(std::string_view markdown, bool take_lead);

}  // namespace gazette::render
