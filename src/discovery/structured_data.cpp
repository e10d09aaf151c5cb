// JSON-LD for article pages (see structured_data.h).
#include "discovery/structured_data.h"

#include <nlohmann/json.hpp>

namespace gazette::discovery {

namespace {

// JSON as text for a <script> element. Inside JSON these characters occur only in strings,
// where \uXXXX means the same character, so the data is unchanged.
std::string script_safe(const nlohmann::json& json) {
  auto text = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xE2' && text.compare(i, 3, "\u2028") == 0)
      out += "\\u2028", i += 2;
    else if (c == '\xE2' && text.compare(i, 3, "\u2029") == 0)
      out += "\\u2029", i += 2;
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string article_json_ld(const NewsArticleFacts& article,
                            const std::vector<BreadcrumbItem>& breadcrumb) {
  nlohmann::json news = {
      {"@type", "NewsArticle"},
      {"headline", article.headline},
      {"description", article.description},
      {"url", article.url},
      {"mainEntityOfPage", article.url},
      {"datePublished", article.date_published},
      {"dateModified", article.date_modified},
      {"author", {{"@type", "Person"}, {"name", article.author_name}, {"url", article.author_url}}},
      {"publisher",
       {{"@type", "Organization"},
        {"name", article.publisher_name},
        {"url", article.publisher_url}}},
      {"articleSection", article.section},
      {"inLanguage", article.language},
  };
  if (article.image_url) news["image"] = nlohmann::json::array({*article.image_url});
  if (!article.keywords.empty()) news["keywords"] = article.keywords;

  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < breadcrumb.size(); ++i) {
    items.push_back({{"@type", "ListItem"},
                     {"position", i + 1},
                     {"name", breadcrumb[i].name},
                     {"item", breadcrumb[i].url}});
  }
  nlohmann::json graph = {
      {"@context", "https://schema.org"},
      {"@graph", {news, {{"@type", "BreadcrumbList"}, {"itemListElement", items}}}},
  };
  return script_safe(graph);
}

}  // namespace gazette::discovery
