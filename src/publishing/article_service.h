// The write path for articles: save in one transaction, then announce what changed so the
// subscribers (page cache, search index, related articles) follow. Every writer — `gazette
// publish`, the demo, the newsroom, the importer — goes through here.
#pragma once

#include "content/events.h"
#include "store/store.h"

namespace gazette::publishing {

class ArticleService {
 public:
  ArticleService(store::Store& store, const content::EventBus& events)
      : store_(store), events_(events) {}

  /// Saves `draft` (creating or updating the article with its slug) and, once committed,
  /// publishes ArticleChanged.
  store::SavedArticle save(const store::ArticleDraft& draft);

  /// Saves `drafts` in one transaction, then publishes ArticleChanged for each.
  std::vector<store::SavedArticle> save_all(const std::vector<store::ArticleDraft>& drafts);

  /// The site settings, which writers need to read dates in the newsroom's time zone.
  content::SiteSettings settings() { return store_.settings(); }

 private:
  store::Store& store_;
  const content::EventBus& events_;
};

}  // namespace gazette::publishing
