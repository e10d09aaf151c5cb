// Fuzz target: an article body's Markdown rendered as when it is saved (render/markdown.h),
// whose HTML must run no script and link to no javascript: whatever the source says.
#include "render/markdown.h"
#include "fuzz_input.h"
#include "html_safety.h"
#include "render/text.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto markdown = fuzz::as_text(data, size);
  auto article = render::render_article(markdown, true);
  for (const auto& html : {article.body_html, render::markdown_to_html(markdown)}) {
    fuzz::require(!render::find_invalid_utf8(html), "the HTML is UTF-8");
    if (auto unsafe = fuzz::find_unsafe_html(html, fuzz::UrlRule::no_script)) {
      std::fprintf(stderr, "unsafe: %s\n", unsafe->c_str());
      fuzz::require(false, "Markdown's HTML runs no script");
    }
  }
  fuzz::require(!render::find_invalid_utf8(article.lead), "the lead is UTF-8");
  return 0;
}
