// Demo content written for Gazette: two dozen French articles in five sections by four
// authors, each with an illustration, published through the same path as `gazette publish`.
#pragma once

#include "content/types.h"
#include "publishing/article_service.h"

namespace gazette::demo {

struct DemoSummary {
  int articles = 0;
  int sections = 0;
  int authors = 0;
};

/// Publishes the demo articles (again: publishing is idempotent).
DemoSummary fill_demo_site(publishing::ArticleService& articles, content::Timestamp now);

}  // namespace gazette::demo
