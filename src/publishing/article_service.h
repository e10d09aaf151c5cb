// The write path for articles: each write saves in one transaction that also announces
// ArticleChanged (the change-log entry other processes read), then the event is published in
// this process so the subscribers (page cache, search index, related articles) follow. Every
// writer — `gazette publish`, the demo, the newsroom, the scheduler — goes through here.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "content/article_writes.h"
#include "content/clock.h"
#include "publishing/write_path.h"
#include "store/editorial_store.h"
#include "store/store.h"

namespace gazette::publishing {

class ArticleService {
 public:
  ArticleService(store::Store& store, store::EditorialStore& editorial, WritePath& write_path,
                 const content::Clock& clock)
      : store_(store), editorial_(editorial), write_path_(write_path), clock_(clock) {}

  /// Saves `draft` (creating or updating the article with its slug) and announces
  /// ArticleChanged.
  content::SavedArticle save(const content::ArticleDraft& draft);

  /// Saves `drafts` in one transaction and announces once that every page may have changed
  /// (SettingsChanged): a batch is a generated site, whose pages a server drops all at once
  /// and whose search index is caught up afterwards, not an article at a time.
  std::vector<content::SavedArticle> save_batch(const std::vector<content::ArticleDraft>& drafts);

  /// The site settings, which writers need to read dates in the newsroom's time zone.
  content::SiteSettings settings() { return store_.settings(); }

  /// Applies a newsroom edit unless someone saved the article since it was opened (then only
  /// the editor's version is kept, as a revision); announces ArticleChanged when applied.
  content::EditResult save_edit(const content::ArticleEdit& edit);
  /// Deletes the article; false when there was none.
  bool remove(content::ArticleId id);
  /// Publishes the scheduled articles due at `now` and announces each; how many there were.
  int publish_due(content::Timestamp now);
  /// Announces the articles published with a date in (after, until], which reached readers
  /// at that date without any write; how many there were.
  int announce_published_between(content::Timestamp after, content::Timestamp until);
  /// When the next scheduled article is due, if any.
  std::optional<content::Timestamp> next_due(content::Timestamp now);

  // What the newsroom reads to edit articles (the stores stay behind the service).
  store::NewsroomListing list(const store::NewsroomFilter& filter) {
    return editorial_.list_articles(filter);
  }
  std::optional<store::EditableArticle> find_editable(content::ArticleId id) {
    return editorial_.find_article(id);
  }
  std::vector<store::RevisionSummary> revisions(content::ArticleId id) {
    return editorial_.revisions(id);
  }
  std::optional<store::Revision> find_revision(content::ArticleId id, std::int64_t revision) {
    return editorial_.find_revision(id, revision);
  }

 private:
  store::Store& store_;
  store::EditorialStore& editorial_;
  WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::publishing
