// A server's stores on a SQLite database, with the search index's updater, for the search and
// related-articles tests; two Sites on one file are two processes.
#pragma once

#include <filesystem>
#include <vector>

#include "content/events.h"
#include "discovery/discovery_updater.h"
#include "publishing/write_path.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::store::sqlite {

struct IndexedSite {
  explicit IndexedSite(const std::filesystem::path& db) : pool(db.string()) {}
  ConnectionPool pool;
  SqliteStore store{pool};
  SqliteDiscoveryStore discovery{pool};
  content::EventBus events;
  publishing::WritePath write_path{pool, events};
  discovery::DiscoveryUpdater updater{store, discovery, write_path};

  // Saves a draft in a write of its own, as a service does (the index is left behind).
  content::SavedArticle save(const content::ArticleDraft& draft) {
    content::SavedArticle saved;
    write_path.run([&](WriteTransaction& write) {
      saved = store.save_article(write, draft, draft.updated_at);
    });
    return saved;
  }
  // Saves the drafts in one write, as a generated site does.
  void save_all(const std::vector<content::ArticleDraft>& drafts) {
    write_path.run([&](WriteTransaction& write) {
      for (const auto& draft : drafts) store.save_article(write, draft, draft.updated_at);
    });
  }
};

}  // namespace gazette::store::sqlite
