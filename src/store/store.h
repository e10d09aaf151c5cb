// The Store: every read and write of content goes through this interface, so a second backend
// (PostgreSQL) is a new folder beside sqlite/, not a hunt through the code. It knows nothing of
// HTTP or HTML. Writes happen inside a store::WriteTransaction, which the services begin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/article_writes.h"
#include "content/corrections.h"
#include "content/events.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// Which published articles a listing shows.
struct ArticleFilter {
  /// `article_kind`: the articles of one kind of piece (/types/analysis/), `slug` being the
  /// kind's text form (content::to_string(ArticleKind)).
  enum class Kind { all, section, tag, author, category, article_kind };
  Kind kind = Kind::all;
  std::string slug;  // the section, tag, author, category slug or kind; unused for `all`
  /// Date bounds (the Content API's filters); unset: no bound.
  std::optional<content::Timestamp> published_from;    // published_at >= this
  std::optional<content::Timestamp> published_before;  // published_at < this
  std::optional<content::Timestamp> updated_since;     // updated_at >= this
};

/// A slice of a listing: `limit` articles after skipping `offset`, newest first.
struct PageRequest {
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

/// Content storage. Implementations are thread-safe: reads may run concurrently with a write.
class Store {
 public:
  virtual ~Store() = default;

  virtual content::SiteSettings settings() = 0;
  virtual void save_settings(WriteTransaction& write, const content::SiteSettings& settings) = 0;

  virtual std::vector<content::Section> sections() = 0;
  virtual std::optional<content::Section> find_section(std::string_view slug) = 0;
  virtual std::optional<content::Author> find_author(std::string_view slug) = 0;
  virtual std::optional<content::Term> find_tag(std::string_view slug) = 0;
  virtual std::optional<content::Term> find_category(std::string_view slug) = 0;

  /// The published article at /{section_slug}/{slug}/, if any.
  virtual std::optional<content::Article> find_published_article(std::string_view section_slug,
                                                                 std::string_view slug) = 0;
  /// Published articles matching `filter`, newest first, excluding `except` when given.
  virtual content::ArticlePage published_articles(const ArticleFilter& filter,
                                                  const PageRequest& page,
                                                  std::optional<content::ArticleId> except) = 0;

  /// Published articles pinned to the home page, newest first, at most `limit`.
  virtual std::vector<content::ArticleSummary> pinned_articles(std::int64_t limit) = 0;

  /// Tags on at least one published article, by name: a tag only drafts carry names what the
  /// newsroom has not published yet.
  virtual std::vector<content::Term> published_tags() = 0;
  /// Authors of at least one published article, by name.
  virtual std::vector<content::Author> published_authors() = 0;

  virtual std::optional<content::MediaFile> find_media(std::string_view name) = 0;

  /// The article's public changes (updates, corrections, clarifications, a retraction),
  /// oldest first: its « Ce qui a changé » box.
  virtual std::vector<content::ChangeNote> change_notes(content::ArticleId article) = 0;
  /// The corrections, clarifications and retractions of published articles, newest first:
  /// /corrections/ and its feed.
  virtual std::vector<content::ListedCorrection> corrections(const PageRequest& page) = 0;

  /// Creates or updates the article with `draft.slug`, with its author, section, terms and
  /// image (kept at `now` when new); where it appears before and after, at `now`.
  virtual content::SavedArticle save_article(WriteTransaction& write,
                                             const content::ArticleDraft& draft,
                                             content::Timestamp now) = 0;
};

}  // namespace gazette::store
