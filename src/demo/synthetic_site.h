// A synthetic news site of any size, for benchmarks: articles of generated French text on a
// few dozen topics, in sections, by authors, with tags, spread over five years. Deterministic
// (a fixed seed), so two runs build the same site.
#pragma once

#include <functional>

#include "content/types.h"
#include "publishing/article_service.h"

namespace gazette::demo {

/// Articles saved per transaction: big enough that 100,000 articles take a minute or two.
constexpr int kSyntheticBatchSize = 2'000;

/// Draft number `n` (from 0) of the synthetic site, as of `now`.
content::ArticleDraft synthetic_article(int n, content::Timestamp now);

/// Saves `count` synthetic articles through `articles` (ArticleService::save_batch, a batch at a
/// time); calls `progress(saved)` after each batch.
void fill_synthetic_site(publishing::ArticleService& articles, int count, content::Timestamp now,
                         const std::function<void(int)>& progress);

}  // namespace gazette::demo
