// Article bodies from Markdown (see article_body.h).
#include "publishing/article_body.h"

#include "render/markdown.h"

namespace gazette::publishing {

std::string body_html_for(std::string_view markdown, std::string_view lead) {
  auto taken = render::render_article(markdown, true);
  if (!lead.empty() && taken.lead == lead) return taken.body_html;
  return render::render_article(markdown, false).body_html;
}

std::string preview_html(std::string_view markdown) {
  return render::render_article(markdown, false).body_html;
}

}  // namespace gazette::publishing
