// Publishes the embedded demo articles (src/demo/articles/*.md) with drawn illustrations.
#include "demo/demo_content.h"

#include <map>
#include <set>
#include <stdexcept>

#include "demo/demo_images.h"
#include "embedded/embedded_files.h"
#include "transfer/article_file.h"
#include "transfer/article_publisher.h"

namespace gazette::demo {

DemoSummary fill_demo_site(publishing::ArticleService& articles, content::Timestamp now) {
  auto time_zone = articles.settings().time_zone;
  // By image file name: each illustration is drawn, checked and resized once, then shared.
  std::map<std::string, std::pair<content::NewMedia, std::vector<content::NewMedia>>> illustrations;
  std::set<std::string> sections;
  std::set<std::string> authors;
  DemoSummary summary;
  for (const auto& file : embedded::demo_articles()) {
    auto parsed = transfer::parse_article_file(file.bytes, time_zone);
    if (auto* error = std::get_if<transfer::ArticleFileError>(&parsed))
      throw std::runtime_error("demo article " + std::string(file.path) + ":" +
                               std::to_string(error->line) + ": " + error->reason);
    auto& article = std::get<transfer::ArticleFile>(parsed);
    auto drawn = illustrations.find(article.image);
    std::optional<transfer::ImageFile> image;
    if (!article.image.empty() && drawn == illustrations.end())
      image = transfer::ImageFile{article.image, draw_illustration(article.image)};
    auto draft = transfer::prepare_article(article, std::move(image), now);
    if (auto* error = std::get_if<transfer::PublishError>(&draft))
      throw std::runtime_error("demo article " + std::string(file.path) + ": " + error->message);
    auto& ready = std::get<content::ArticleDraft>(draft);
    if (drawn != illustrations.end()) {
      ready.image = drawn->second.first;
      ready.image_variants = drawn->second.second;
    } else if (ready.image) {
      illustrations[article.image] = {*ready.image, ready.image_variants};
    }
    articles.save(ready);
    sections.insert(ready.section.slug);
    authors.insert(ready.author.slug);
    ++summary.articles;
  }
  summary.sections = static_cast<int>(sections.size());
  summary.authors = static_cast<int>(authors.size());
  return summary;
}

}  // namespace gazette::demo
