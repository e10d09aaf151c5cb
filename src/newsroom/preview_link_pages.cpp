// The newsroom's embargo preview links of an article (/newsroom/articles/{id}/preview-links):
// the links handed out, a form to make one (its address shown once: only its hash is kept),
// and revocation. Editors only, while the article is under embargo.
#include "newsroom/article_pages.h"

#include "auth/capabilities.h"

namespace gazette::newsroom {

bool may_share_preview(const content::User& user, const content::Article& article,
                       content::Timestamp now) {
  return auth::can(user.role, auth::Capability::publish_others) &&
         publishing::PreviewLinkService::under_embargo(article, now);
}

http::Response ArticlePages::preview_links(Call& call, content::ArticleId id) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  if (!auth::can(call.user().role, auth::Capability::publish_others)) return forbidden(call);
  return preview_links_page(call, existing->article, std::nullopt, http::Status::ok);
}

http::Response ArticlePages::create_preview_link(Call& call, content::ArticleId id) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  if (!auth::can(call.user().role, auth::Capability::publish_others)) return forbidden(call);
  auto label = call.form.get("label");
  // A label is a short note for the editors' list: text, at most the service's limit.
  if (!acceptable_text(label, publishing::kMaxPreviewLabelBytes))
    return preview_links_page(call, existing->article, std::nullopt,
                              http::Status::unprocessable_entity);
  auto link = preview_links_.create(id, label);
  // Not under embargo (a draft, or already public): nothing to hand out.
  if (!link)
    return preview_links_page(call, existing->article, std::nullopt, http::Status::conflict);
  auto base = pages_.context(1, call.request[http::beast_http::field::host]).base_url;
  return preview_links_page(call, existing->article, base + "/preview/" + link->token,
                            http::Status::ok);
}

http::Response ArticlePages::revoke_preview_link(Call& call, content::ArticleId id,
                                                 std::int64_t link) {
  if (!auth::can(call.user().role, auth::Capability::publish_others)) return forbidden(call);
  if (!preview_links_.revoke(id, link)) return not_found(call);
  return see_other(call, "/newsroom/articles/" + std::to_string(id.value) + "/preview-links");
}

http::Response ArticlePages::preview_links_page(Call& call, const content::Article& article,
                                                const std::optional<std::string>& new_link,
                                                http::Status status) {
  auto context = pages_.context();
  auto base = "/newsroom/articles/" + std::to_string(article.summary.id.value);
  auto view = frame(call, text(call, "preview_links"));
  view.set("title", article.summary.title);
  view.set("editor_url", base);
  view.set("action_url", base + "/preview-links");
  view.set("csrf", call.session->csrf_token);
  bool embargoed = publishing::PreviewLinkService::under_embargo(article, call.now);
  view.set("embargoed", embargoed);
  if (embargoed) view.set("until", local_display(article.summary.published_at, context.dates));
  view.set("has_new_link", new_link.has_value());
  if (new_link) view.set("new_link", *new_link);
  view.set("label_refused", status == http::Status::unprocessable_entity);
  view.set("not_embargoed", status == http::Status::conflict);
  theme::View list{theme::View::type::list};
  auto links = preview_links_.links_of(article.summary.id);
  for (const auto& link : links) {
    theme::View item;
    item.set("label", link.label);
    item.set("created_at", local_display(link.created_at, context.dates));
    item.set("revoked", link.revoked_at.has_value());
    if (link.revoked_at) item.set("revoked_at", local_display(*link.revoked_at, context.dates));
    item.set("revoke_url", base + "/preview-links/" + std::to_string(link.id) + "/revoke");
    list.push_back(item);
  }
  view.set("has_links", !links.empty());
  view.set("links", list);
  return page(call, status, "preview_links", view);
}

}  // namespace gazette::newsroom
