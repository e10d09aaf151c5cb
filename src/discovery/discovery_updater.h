// The write-path subscriber of discovery: after an article is saved, its search document and
// the related lists it changes are brought up to date; after a term is renamed, the documents
// naming it. Also the catch-up `gazette serve` runs at start-up for writes it did not see.
//
// Which related lists an article change recomputes (bounded, so a publish stays fast):
//  - the article's own list;
//  - the lists of its kNeighboursToUpdate best candidates: similarity is nearly symmetric, so
//    those are the articles that may now list it;
//  - up to kListsToUpdate lists that named it before, since its content (or its visibility)
//    changed.
// Lists beyond those keep a slightly stale order until their own article changes; they never
// show an unpublished article, which reads filter out.
#pragma once

#include <cstddef>
#include <functional>

#include "content/events.h"
#include "discovery/related.h"
#include "discovery/search_indexer.h"
#include "publishing/write_path.h"
#include "store/discovery_store.h"
#include "store/store.h"

namespace gazette::discovery {

constexpr std::size_t kNeighboursToUpdate = 8;
constexpr int kListsToUpdate = 24;
/// Related lists computed, then saved in one transaction, per round of a catch-up: small enough
/// that a stop request waits a second at most.
constexpr int kRelatedBatchSize = 100;
/// Threads sharing a round of the catch-up: one per core, up to this many. `gazette serve` runs
/// the catch-up at idle priority, so they only take what the serving threads leave.
constexpr unsigned kMaxCatchUpThreads = 8;

/// What a catch-up did.
struct CatchUpSummary {
  std::size_t indexed = 0;  // documents (re)indexed or dropped
  std::size_t related = 0;  // related lists computed
};

class DiscoveryUpdater {
 public:
  /// Its writes go through `write_path`; each save of related lists announces RelatedChanged.
  DiscoveryUpdater(store::Store& store, store::DiscoveryStore& discovery,
                   publishing::WritePath& write_path)
      : store_(store),
        discovery_(discovery),
        write_path_(write_path),
        indexer_(discovery, write_path),
        related_(discovery) {}

  /// Registers on_event with `events` (at start-up, before serving).
  void subscribe(content::EventBus& events);

  /// Follows one event. Never throws: the write it follows has committed, so a failure here is
  /// logged and left to the next catch-up (the document stays marked outdated).
  void on_event(const content::Event& event);

  /// Indexes what the index missed, then computes every related list not computed yet. Never
  /// throws: a failure is logged, and the site is served with the index as it is.
  CatchUpSummary catch_up();

  /// The first half of catch_up(): the index only (seconds for 100,000 articles).
  std::size_t catch_up_index();

  /// The second half: related lists not computed yet, kRelatedBatchSize at a time (shared by a
  /// thread per core, which inherit the caller's priority), while `keep_going()` says so;
  /// returns how many it computed. A whole generated site takes minutes, so `gazette serve`
  /// runs this on a thread of its own (article pages show the section's latest meanwhile).
  /// Never throws.
  std::size_t catch_up_related(const std::function<bool()>& keep_going);

  /// Indexes `id` and recomputes the related lists its change affects; returns how many lists.
  std::size_t article_changed(content::ArticleId id);

 private:
  /// Saves `lists` and announces RelatedChanged for them, in one write.
  void save_related(const std::vector<store::RelatedList>& lists);

  store::Store& store_;
  store::DiscoveryStore& discovery_;
  publishing::WritePath& write_path_;
  SearchIndexer indexer_;
  RelatedArticles related_;
  // The related lists of `ids`, computed by `threads` threads (each its every threads-th id).
  std::vector<store::RelatedList> compute_related(const std::vector<content::ArticleId>& ids,
                                                  const std::string& language, unsigned threads);
};

}  // namespace gazette::discovery
