// Discovery's write-path subscriber (see discovery_updater.h).
#include "discovery/discovery_updater.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <set>
#include <thread>

#include "store/database_busy.h"

namespace gazette::discovery {

namespace {

// A catch-up round another program's long write kept out waits this long before it tries again.
constexpr auto kWaitWhenBusy = std::chrono::seconds(1);

}  // namespace

void DiscoveryUpdater::subscribe(content::EventBus& events) {
  events.subscribe([this](const content::Event& event) { on_event(event); });
}

void DiscoveryUpdater::save_related(const std::vector<store::RelatedList>& lists) {
  write_path_.run([&](store::WriteTransaction& write) {
    discovery_.save_related(write, lists);
    if (lists.empty()) return;
    content::RelatedChanged changed;
    for (const auto& list : lists) changed.articles.push_back(list.id);
    write.announce(changed);
  });
}

void DiscoveryUpdater::on_event(const content::Event& event) {
  try {
    if (const auto* changed = std::get_if<content::ArticleChanged>(&event)) {
      article_changed(changed->id);
    } else if (const auto* term = std::get_if<content::TermChanged>(&event)) {
      // A renamed tag or author changes the keywords of every article filed under it.
      auto ids = discovery_.articles_with_term(term->kind, term->slug);
      ids.insert(ids.end(), term->detached.begin(), term->detached.end());
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
  TermStatistics statistics(discovery_);
  auto own = related_.compute(id, language, statistics);

  std::set<content::ArticleId> others(listing.begin(), listing.end());
  for (std::size_t i = 0; i < own.candidates.size() && i < kNeighboursToUpdate; ++i)
    others.insert(own.candidates[i]);
  others.erase(id);
  std::vector<store::RelatedList> lists{std::move(own.list)};
  for (auto other : others) lists.push_back(related_.compute(other, language, statistics).list);
  save_related(lists);
  return lists.size();
}

CatchUpSummary DiscoveryUpdater::catch_up() {
  CatchUpSummary summary;
  summary.indexed = catch_up_index();
  summary.related = catch_up_related([] { return true; });
  return summary;
}

std::size_t DiscoveryUpdater::catch_up_index() {
  try {
    return indexer_.catch_up();
  } catch (const std::exception& error) {
    spdlog::error("discovery: index catch-up failed ({}); search may miss recent articles",
                  error.what());
    return 0;
  }
}

std::vector<store::RelatedList> DiscoveryUpdater::compute_related(
    const std::vector<content::ArticleId>& ids, const std::string& language, unsigned threads) {
  std::vector<store::RelatedList> lists(ids.size());
  std::vector<std::exception_ptr> failures(threads);
  auto share = [&](unsigned thread) {
    try {
      // Each thread its own statistics: they remember what its lists share, without a lock.
      TermStatistics statistics(discovery_);
      for (std::size_t i = thread; i < ids.size(); i += threads)
        lists[i] = related_.compute(ids[i], language, statistics).list;
    } catch (...) {
      failures[thread] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> others;
    for (unsigned thread = 1; thread < threads; ++thread) others.emplace_back(share, thread);
    share(0);
  }  // the others are joined here
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return lists;
}

std::size_t DiscoveryUpdater::catch_up_related(const std::function<bool()>& keep_going) {
  std::size_t computed = 0;
  try {
    auto language = store_.settings().language;
    auto threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxCatchUpThreads);
    while (keep_going()) {
      auto ids = discovery_.articles_without_related(kRelatedBatchSize);
      if (ids.empty()) break;
      try {
        save_related(compute_related(ids, language, threads));
      } catch (const store::DatabaseBusy&) {
        // Another program writes for long (an import): this batch waits for it, and is
        // computed again then, rather than end the catch-up.
        std::this_thread::sleep_for(kWaitWhenBusy);
        continue;
      }
      computed += ids.size();
    }
  } catch (const std::exception& error) {
    spdlog::error("discovery: related articles catch-up failed ({})", error.what());
  }
  return computed;
}

}  // namespace gazette::discovery
