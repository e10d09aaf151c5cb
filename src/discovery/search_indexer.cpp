// Search index updates (see search_indexer.h).
#include "discovery/search_indexer.h"

#include <algorithm>

#include "discovery/plain_text.h"

namespace gazette::discovery {

store::SearchDocument search_document_for(const store::IndexSource& source) {
  store::SearchDocument document;
  document.id = source.id;
  document.updated_at = source.updated_at;
  document.published_at = source.published_at;
  document.title = without_controls(source.title);
  document.lead = without_controls(source.lead);
  document.body = html_to_text(source.body_html);
  for (const auto& keyword : source.keywords) {
    if (!document.keywords.empty()) document.keywords += " · ";
    document.keywords += without_controls(keyword);
  }
  return document;
}

std::vector<content::ArticleId> SearchIndexer::update(const std::vector<content::ArticleId>& ids) {
  auto sources = store_.index_sources(ids);
  std::vector<store::SearchDocument> documents;
  std::vector<content::ArticleId> indexed;
  for (const auto& source : sources) {
    documents.push_back(search_document_for(source));
    indexed.push_back(source.id);
  }
  std::vector<content::ArticleId> removed;
  for (auto id : ids) {
    if (std::find(indexed.begin(), indexed.end(), id) == indexed.end()) removed.push_back(id);
  }
  write_path_.run([&](store::WriteTransaction& write) {
    store_.write_search_documents(write, documents, removed, kAnalyzerVersion);
  });
  return indexed;
}

std::size_t SearchIndexer::catch_up() {
  auto backlog = store_.search_backlog(kAnalyzerVersion);
  write_path_.run([&](store::WriteTransaction& write) {
    store_.write_search_documents(write, {}, backlog.removed, kAnalyzerVersion);
  });
  for (std::size_t start = 0; start < backlog.outdated.size(); start += kIndexBatchSize) {
    auto end = std::min(backlog.outdated.size(), start + kIndexBatchSize);
    update({backlog.outdated.begin() + start, backlog.outdated.begin() + end});
  }
  return backlog.outdated.size() + backlog.removed.size();
}

}  // namespace gazette::discovery
