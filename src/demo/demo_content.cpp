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
  std::map<std::string, std::string> illustrations;  // by image file name, drawn once each
  std::set<std::string> sections;
  std::set<std::string> authors;
  DemoSummary summary;
  for (const auto& file : embedded::demo_articles()) {
    auto parsed = transfer::parse_article_file(file.bytes, time_zone);
    if (auto* error = std::get_if<transfer::ArticleFileError>(&parsed))
      throw std::runtime_error("demo article " + std::string(file.path) + ":" +
                               std::to_string(error->line) + ": " + error->reason);
    auto& article = std::get<transfer::ArticleFile>(parsed);
    std::optional<transfer::ImageFile> image;
    if (!article.image.empty()) {
      auto& bytes = illustrations[article.image];
      if (bytes.empty()) bytes = draw_illustration(article.image);
      image = transfer::ImageFile{article.image, bytes};
    }
    auto draft = transfer::prepare_article(article, std::move(image), now);
    if (auto* error = std::get_if<transfer::PublishError>(&draft))
      throw std::runtime_error("demo article " + std::string(file.path) + ": " + error->message);
    const auto& ready = std::get<store::ArticleDraft>(draft);
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
