// The newsroom's view of articles: every status, not only what readers see; saves that check
// nobody else saved in between; the revision history; and the scheduler's queries. Like the
// Store, it knows nothing of HTTP, and writes only through publishing::ArticleService.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/accounts.h"
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

/// What a newsroom save writes. Sections, media and the author must exist; categories and tags
/// are created when missing.
struct ArticleEdit {
  std::optional<content::ArticleId> id;  // nullopt: a new article
  std::int64_t expected_version = 0;     // the version the editor opened (ignored when new)
  std::string slug;
  std::string title;
  std::string lead;
  std::string body_markdown;
  std::string body_html;
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Timestamp published_at{};
  content::Timestamp updated_at{};
  std::string author_slug;
  std::string section_slug;
  std::vector<content::Term> categories;
  std::vector<content::Term> tags;
  std::optional<std::string> image_name;  // a media name already in the store
  std::string image_caption;
  std::string image_alt;
  content::UserId saved_by;
  std::string saved_by_name;
  std::string note;  // "restored from revision 12"…, shown in the history
  std::optional<bool> pinned;  // pin to the home page, or unpin; nullopt leaves it as it is
};

/// The article changed since the editor opened it: nothing was applied, and the editor's
/// version is kept as revision `kept_revision`.
struct EditConflict {
  std::int64_t current_version = 0;
  std::int64_t kept_revision = 0;
};

/// A save refused by the data (a slug already taken, a section that no longer exists).
struct EditRefused {
  std::string field;
  std::string reason;
};

using EditResult = std::variant<SavedArticle, EditConflict, EditRefused>;

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
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::optional<std::string> image_name;
  std::string image_caption;
  std::string image_alt;
};

class EditorialStore {
 public:
  virtual ~EditorialStore() = default;

  virtual NewsroomListing list_articles(const NewsroomFilter& filter) = 0;
  virtual std::optional<EditableArticle> find_article(content::ArticleId id) = 0;

  /// Applies `edit` and records it as a revision, in one transaction, unless the article's
  /// version is no longer `edit.expected_version` (then only the revision is kept).
  virtual EditResult save_edit(const ArticleEdit& edit, content::Timestamp now) = 0;

  /// Deletes the article (its revisions go with it); where it appeared, or nullopt if none.
  virtual std::optional<content::ArticlePlacement> delete_article(content::ArticleId id) = 0;

  /// Publishes every scheduled article whose time has come; what each write changed.
  virtual std::vector<SavedArticle> publish_due(content::Timestamp now) = 0;
  /// Articles published with a date in (after, until] and last saved before that date: they
  /// reached readers at that date without any write announcing it.
  virtual std::vector<SavedArticle> published_between(content::Timestamp after,
                                                      content::Timestamp until) = 0;
  /// The earliest time after `now` at which a scheduled or future-dated published article is due.
  virtual std::optional<content::Timestamp> next_due(content::Timestamp now) = 0;

  /// The article's history, newest first.
  virtual std::vector<RevisionSummary> revisions(content::ArticleId article) = 0;
  virtual std::optional<Revision> find_revision(content::ArticleId article,
                                                std::int64_t revision) = 0;
};

}  // namespace gazette::store
