// occurrences_of (see webhook_events.h).
#include "webhooks/webhook_events.h"

#include <algorithm>

namespace gazette::webhooks {

namespace {

nlohmann::json article_json(content::ArticleId id, const std::string& section_slug,
                            const std::string& slug) {
  return {{"id", id.value},
          {"path", "/" + section_slug + "/" + slug + "/"},
          {"api", "/api/v1/articles/" + section_slug + "/" + slug}};
}

std::vector<Occurrence> of_article(const content::ArticleChanged& changed) {
  bool visible_before = changed.before && changed.before->visible;
  bool visible_after = changed.after && changed.after->visible;
  if (!visible_before && !visible_after) return {};
  const auto& placement = visible_after ? *changed.after : *changed.before;
  std::string event = !visible_before  ? "article.published"
                      : visible_after ? "article.updated"
                                      : "article.unpublished";
  return {{event, {{"article", article_json(changed.id, placement.section_slug, placement.slug)}}}};
}

std::vector<Occurrence> of_comments(const content::CommentChanged& changed) {
  std::vector<Occurrence> found;
  for (auto comment : changed.approved)
    found.push_back({"comment.approved",
                     {{"comment", {{"id", comment.value}}},
                      {"article", article_json(changed.article, changed.section_slug,
                                               changed.slug)}}});
  return found;
}

std::vector<Occurrence> of_live(const content::LiveChanged& changed) {
  if (changed.kind != content::LiveChanged::Kind::posted) return {};
  return {{"live.entry_posted",
           {{"entry", {{"id", changed.entry}}},
            {"article", article_json(changed.article, changed.section_slug, changed.slug)}}}};
}

}  // namespace

bool is_event_name(std::string_view name) {
  return std::find(kEventNames.begin(), kEventNames.end(), name) != kEventNames.end();
}

std::vector<Occurrence> occurrences_of(const content::Event& event) {
  if (auto* article = std::get_if<content::ArticleChanged>(&event)) return of_article(*article);
  if (auto* comments = std::get_if<content::CommentChanged>(&event)) return of_comments(*comments);
  if (auto* live = std::get_if<content::LiveChanged>(&event)) return of_live(*live);
  return {};
}

}  // namespace gazette::webhooks
