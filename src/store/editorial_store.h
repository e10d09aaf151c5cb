// The newsroom's view of articles: every status, not only what readers see; saves that check
// nobody else saved in between; the revision history; and the scheduler's queries. Like the
// Store, it knows nothing of HTTP, and is written to only by publishing::ArticleService.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/accounts.h"
#include "content/article_writes.h"
#include "content/events.h"
#include "content/types.h"
#include "store/store.h"

namespace gazette::store {

/// Which articles the newsroom's list shows; empty fields do not filter.
struct NewsroomFilter {
  std::optional<content::ArticleStatus> status;
  std::string section_slug;
  std::string author_slug;
  std::string title_contains;  // case-insensitive for ASCII letters
  PageRequest page;
};

/// A line of the newsroom's article list.
struct NewsroomRow {
  content::ArticleId id;
  std::string title;
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Term section;
  content::Term author;
  content::Timestamp published_at{};
  content::Timestamp updated_at{};
  bool pinned = false;  // kept at the top of the home page while published
};

struct NewsroomListing {
  std::vector<NewsroomRow> rows;
  std::int64_t total = 0;
};

/// An article in any status, with the version an edit of it must name.
struct EditableArticle {
  content::Article article;
  std::int64_t version = 0;
  bool pinned = false;
};

/// One entry of an article's history.
struct RevisionSummary {
  std::int64_t id = 0;
  std::int64_t article_version = 0;
  bool applied = true;
  std::string saved_by_name;
  content::Timestamp saved_at{};
  std::string note;
  std::string title;
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::ChangeKind change = content::ChangeKind::typo;  // what the editor said it was
  std::string change_note;
};

/// A whole saved version, as the editor wrote it.
struct Revision {
  RevisionSummary summary;
  content::ArticleId article;
  std::string slug;
  std::string title;
  std::string lead;
  std::string body_markdown;
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Timestamp published_at{};
  content::Term section;
  content::Term author;
  std::vector<content::Term> coauthors;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> image_name;
  std::string image_caption;
  std::string image_alt;
  content::ArticleKind kind = content::ArticleKind::news;
  std::string sponsor;
};

class EditorialStore {
 public:
  virtual ~EditorialStore() = default;

  virtual NewsroomListing list_articles(const NewsroomFilter& filter) = 0;
  virtual std::optional<EditableArticle> find_article(content::ArticleId id) = 0;

  /// Applies `edit` and records it as a revision (saved at `now`), unless the article's version
  /// is no longer `edit.expected_version` (then only the revision is kept). A refusal writes
  /// nothing.
  virtual content::EditResult save_edit(WriteTransaction& write, const content::ArticleEdit& edit,
                                        content::Timestamp now) = 0;

  /// Deletes the article (its revisions go with it); where it appeared at `now`, or nullopt if
  /// there was none.
  virtual std::optional<content::ArticlePlacement> delete_article(WriteTransaction& write,
                                                                  content::ArticleId id,
                                                                  content::Timestamp now) = 0;

  /// Publishes every scheduled article whose time has come; what each write changed.
  virtual std::vector<content::SavedArticle> publish_due(WriteTransaction& write,
                                                         content::Timestamp now) = 0;
  /// Articles published with a date in (after, until] and last saved before that date: they
  /// reached readers at that date without any write announcing it.
  virtual std::vector<content::SavedArticle> published_between(content::Timestamp after,
                                                               content::Timestamp until) = 0;
  /// The earliest time after `now` at which a scheduled or future-dated published article is due.
  virtual std::optional<content::Timestamp> next_due(content::Timestamp now) = 0;

  /// The article's history, newest first.
  virtual std::vector<RevisionSummary> revisions(content::ArticleId article) = 0;
  virtual std::optional<Revision> find_revision(content::ArticleId article,
                                                std::int64_t revision) = 0;
};

}  // namespace gazette::store
