// Which article page answers which path (see article_pages.h).
#include "newsroom/article_pages.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

bool ArticlePages::takes_raw_body(const Call& call) const {
  return call.segments.size() == 1 && call.segments[0] == "markdown-preview";
}

http::Response ArticlePages::handle(Call& call) {
  const auto& s = call.segments;
  bool is_read = !call.is_post;
  const auto& first = s[0];
  if (first == "markdown-preview" && call.is_post && s.size() == 1) return markdown_preview(call);
  if (first == "tags" && is_read && s.size() == 1) return tag_suggestions(call);
  if (first != "articles") return not_found(call);

  if (s.size() == 1 && is_read) return article_list(call);
  if (s.size() == 2 && s[1] == "new")
    return call.is_post ? save_article(call, std::nullopt) : editor(call, std::nullopt);
  auto id = s.size() >= 2 ? parse_id(s[1]) : std::nullopt;
  if (!id) return not_found(call);
  content::ArticleId article{*id};
  if (s.size() == 2) return call.is_post ? save_article(call, article) : editor(call, article);
  if (s.size() == 3 && s[2] == "preview" && is_read) return preview(call, article);
  if (s.size() == 3 && s[2] == "delete" && call.is_post) return delete_article(call, article);
  if (s.size() >= 3 && s[2] == "preview-links") {
    if (s.size() == 3)
      return is_read ? preview_links(call, article) : create_preview_link(call, article);
    auto link = s.size() == 5 ? parse_id(s[3]) : std::nullopt;
    if (link && s[4] == "revoke" && call.is_post) return revoke_preview_link(call, article, *link);
  }
  if (s.size() >= 3 && s[2] == "revisions") {
    if (s.size() == 3 && is_read) return revision_list(call, article);
    if (s.size() == 4 && s[3] == "compare" && is_read) return revision_compare(call, article);
    auto revision = s.size() >= 4 ? parse_id(s[3]) : std::nullopt;
    if (revision && s.size() == 4 && is_read) return revision_view(call, article, *revision);
    if (revision && s.size() == 5 && s[4] == "restore" && call.is_post)
      return restore_revision(call, article, *revision);
  }
  return not_found(call);
}

}  // namespace gazette::newsroom
