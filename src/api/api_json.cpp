// Content API JSON (see api_json.h). Invalid UTF-8 in stored text is replaced, never thrown on:
// data imported from elsewhere is data.
#include "api/api_json.h"

#include <nlohmann/json.hpp>

#include "render/dates.h"

namespace gazette::api {

namespace {

using Json = nlohmann::json;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string term_url(std::string_view base, std::string_view prefix, std::string_view slug) {
  return std::string(base) + "/" + std::string(prefix) + std::string(slug) + "/";
}

Json term(const content::Term& term, std::string_view base, std::string_view prefix) {
  return {{"slug", term.slug}, {"name", term.name}, {"url", term_url(base, prefix, term.slug)}};
}

Json summary(const content::ArticleSummary& article, std::string_view base) {
  auto path = "/" + article.section.slug + "/" + article.slug + "/";
  Json json = {
      {"id", article.id.value},
      {"slug", article.slug},
      {"title", article.title},
      {"lead", article.lead},
      {"path", path},
      {"url", std::string(base) + path},
      {"published_at", render::iso8601_utc(article.published_at)},
      {"section", term(article.section, base, "")},
      {"author", term(article.author, base, "author/")},
      {"image", nullptr},
  };
  if (article.image) {
    json["image"] = {{"url", std::string(base) + "/media/" + article.image->name},
                     {"width", article.image->width},
                     {"height", article.image->height},
                     {"alt", article.image_alt},
                     {"credit", article.image->credit},
                     {"focal_point",
                      {{"x", article.image->focal.x}, {"y", article.image->focal.y}}}};
  }
  return json;
}

}  // namespace

std::string articles_json(const content::ArticlePage& page, std::int64_t page_number,
                          std::int64_t limit, std::string_view base_url) {
  Json articles = Json::array();
  for (const auto& article : page.articles) articles.push_back(summary(article, base_url));
  return dump({{"articles", std::move(articles)},
               {"page", page_number},
               {"limit", limit},
               {"has_more", page.has_more}});
}

std::string article_json(const content::Article& article, std::string_view base_url) {
  auto json = summary(article.summary, base_url);
  json["updated_at"] = render::iso8601_utc(article.updated_at);
  json["body_html"] = article.body_html;  // sanitised when saved (render/sanitizer.h)
  json["image_caption"] = article.image_caption;
  // What kind of piece it is (content/article_kinds.h) and, for sponsored content, who paid.
  json["kind"] = std::string(content::to_string(article.summary.kind));
  json["sponsor"] =
      article.summary.kind == content::ArticleKind::sponsored ? Json(article.sponsor) : Json(nullptr);
  json["tags"] = Json::array();
  for (const auto& tag : article.tags) json["tags"].push_back(term(tag, base_url, "tag/"));
  // The whole byline in order: `author` first, then who co-signs.
  json["authors"] = Json::array({json["author"]});
  for (const auto& coauthor : article.summary.coauthors)
    json["authors"].push_back(term(coauthor, base_url, "author/"));
  json["categories"] = Json::array();
  for (const auto& category : article.categories)
    json["categories"].push_back(term(category, base_url, "category/"));
  return dump({{"article", std::move(json)}});
}

std::string sections_json(const std::vector<content::Section>& sections,
                          std::string_view base_url) {
  Json list = Json::array();
  for (const auto& section : sections) {
    list.push_back({{"slug", section.slug},
                    {"name", section.name},
                    {"description", section.description},
                    {"url", term_url(base_url, "", section.slug)}});
  }
  return dump({{"sections", std::move(list)}});
}

std::string tags_json(const std::vector<content::Term>& tags, std::string_view base_url) {
  Json list = Json::array();
  for (const auto& tag : tags) list.push_back(term(tag, base_url, "tag/"));
  return dump({{"tags", std::move(list)}});
}

std::string authors_json(const std::vector<content::Author>& authors, std::string_view base_url) {
  Json list = Json::array();
  for (const auto& author : authors) {
    list.push_back({{"slug", author.slug},
                    {"name", author.name},
                    {"bio", author.bio},
                    {"role", author.role},
                    {"links", author.links},
                    {"url", term_url(base_url, "author/", author.slug)}});
  }
  return dump({{"authors", std::move(list)}});
}

std::string error_json(int status, std::string_view code, std::string_view message,
                       std::string_view parameter) {
  Json error = {{"status", status}, {"code", code}, {"message", message}};
  if (!parameter.empty()) error["parameter"] = parameter;
  return dump({{"error", std::move(error)}});
}

}  // namespace gazette::api
