// Keeps the search index in step with published articles: one article after its write, or a
// catch-up over everything the index missed (writes by another process, articles older than
// the index, a new analyzer).
#pragma once

#include <cstddef>
#include <vector>

#include "publishing/write_path.h"
#include "store/discovery_store.h"

namespace gazette::discovery {

/// Bump whenever text/words or the tokenizer change the words an article gives: `gazette
/// serve` then re-indexes every article at start-up.
constexpr int kAnalyzerVersion = 1;

/// Articles indexed per transaction in a catch-up: large enough that a 100,000-article site is
/// indexed in seconds, small enough that readers never wait long on the writer.
constexpr std::size_t kIndexBatchSize = 500;

/// The document the index keeps for `source`: plain text, keywords on one line.
store::SearchDocument search_document_for(const store::IndexSource& source);

class SearchIndexer {
 public:
  SearchIndexer(store::DiscoveryStore& store, publishing::WritePath& write_path)
      : store_(store), write_path_(write_path) {}

  /// Indexes `ids` as they are now: published ones (re)indexed, the others dropped. Returns the
  /// ids that are indexed afterwards.
  std::vector<content::ArticleId> update(const std::vector<content::ArticleId>& ids);

  /// Indexes every article the index is behind on; returns how many it (re)indexed or dropped.
  std::size_t catch_up();

 private:
  store::DiscoveryStore& store_;
  publishing::WritePath& write_path_;
};

}  // namespace gazette::discovery
