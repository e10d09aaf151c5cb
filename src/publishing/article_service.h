// The write path for articles: save in one transaction, then announce what changed so the
// subscribers (page cache, search index, related articles) follow. Every writer — `gazette
// publish`, the demo, the newsroom, the importer, the scheduler — goes through here.
#pragma once

#include <optional>

#include "content/events.h"
#include "store/editorial_store.h"
#include "store/store.h"

namespace gazette::publishing {

class ArticleService {
 public:
  ArticleService(store::Store& store, const content::EventBus& events)
      : store_(store), events_(events) {}
  /// With the newsroom's store: edits, deletions and scheduled publication too.
  ArticleService(store::Store& store, store::EditorialStore& editorial,
                 const content::EventBus& events)
      : store_(store), editorial_(&editorial), events_(events) {}

  /// Saves `draft` (creating or updating the article with its slug) and, once committed,
  /// publishes ArticleChanged.
  store::SavedArticle save(const store::ArticleDraft& draft);

  /// Saves `drafts` in one transaction, then publishes ArticleChanged for each.
  std::vector<store::SavedArticle> save_all(const std::vector<store::ArticleDraft>& drafts);

  /// The site settings, which writers need to read dates in the newsroom's time zone.
  content::SiteSettings settings() { return store_.settings(); }

  // The newsroom's writes; each needs the editorial store (the second constructor).

  /// Applies a newsroom edit unless someone saved the article since it was opened; announces
  /// ArticleChanged when it was applied.
  store::EditResult save_edit(const store::ArticleEdit& edit, content::Timestamp now);
  /// Deletes the article; false when there was none.
  bool remove(content::ArticleId id);
  /// Publishes the scheduled articles that are due and announces each; how many there were.
  int publish_due(content::Timestamp now);
  /// Announces the articles published with a date in (after, until], which reached readers
  /// at that date without any write; how many there were.
  int announce_published_between(content::Timestamp after, content::Timestamp until);
  /// When the next scheduled article is due, if any.
  std::optional<content::Timestamp> next_due(content::Timestamp now);

 private:
  store::EditorialStore& editorial();

  store::Store& store_;
  store::EditorialStore* editorial_ = nullptr;
  const content::EventBus& events_;
};

}  // namespace gazette::publishing
