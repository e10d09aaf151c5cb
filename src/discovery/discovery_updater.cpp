// Discovery's write-path subscriber (see discovery_updater.h).
#include "discovery/discovery_updater.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

namespace gazette::discovery {

namespace {
// Related lists computed per round of a catch-up: each round re-reads what is left.
constexpr int kRelatedBatchSize = 500;
}  // namespace

void DiscoveryUpdater::subscribe(content::EventBus& events) {
  events.subscribe([this](const content::Event& event) { on_event(event); });
}

void DiscoveryUpdater::on_event(const content::Event& event) {
  try {
    if (const auto* changed = std::get_if<content::ArticleChanged>(&event)) {
      article_changed(changed->id);
    } else if (const auto* term = std::get_if<content::TermChanged>(&event)) {
      // A renamed tag or author changes the keywords of every article filed under it.
      auto ids = discovery_.articles_with_term(term->kind, term->slug);
      for (std::size_t start = 0; start < ids.size(); start += kIndexBatchSize) {
        auto end = std::min(ids.size(), start + kIndexBatchSize);
        indexer_.update({ids.begin() + start, ids.begin() + end});
      }
    }
  } catch (const std::exception& error) {
    spdlog::error("discovery: could not follow a change ({}); the next start-up catches up",
                  error.what());
  }
}

std::size_t DiscoveryUpdater::article_changed(content::ArticleId id) {
  auto language = store_.settings().language;
  // Lists that named the article before its change, read before they are recomputed.
  auto listing = discovery_.articles_listing(id, kListsToUpdate);
  indexer_.update({id});
  auto own = related_.compute(id, language);

  std::set<content::ArticleId> others(listing.begin(), listing.end());
  for (std::size_t i = 0; i < own.candidates.size() && i < kNeighboursToUpdate; ++i)
    others.insert(own.candidates[i]);
  others.erase(id);
  for (auto other : others) related_.compute(other, language);
  return 1 + others.size();
}

CatchUpSummary DiscoveryUpdater::catch_up() {
  CatchUpSummary summary;
  try {
    summary.indexed = indexer_.catch_up();
    auto language = store_.settings().language;
    for (;;) {
      auto ids = discovery_.articles_without_related(kRelatedBatchSize);
      if (ids.empty()) break;
      for (auto id : ids) related_.compute(id, language);
      summary.related += ids.size();
    }
  } catch (const std::exception& error) {
    spdlog::error("discovery: catch-up failed ({}); search may miss recent articles", error.what());
  }
  return summary;
}

}  // namespace gazette::discovery
