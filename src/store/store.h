// The Store: every read and write of content goes through this interface, so a second backend
// (PostgreSQL) is a new folder beside sqlite/, not a hunt through the code. It knows nothing of
// HTTP or HTML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/events.h"
#include "content/types.h"

namespace gazette::store {

/// Which published articles a listing shows.
struct ArticleFilter {
  enum class Kind { all, section, tag, author, category };
  Kind kind = Kind::all;
  std::string slug;  // the section, tag, author or category slug; unused for `all`
};

/// A slice of a listing: `limit` articles after skipping `offset`, newest first.
struct PageRequest {
  std::int64_t offset = 0;
  std::int64_t limit = 20;
};

/// An image to keep in the media store.
struct NewMedia {
  std::string name;    // its file name under /media/: unique, content-addressed
  std::string sha256;  // hex digest of `bytes`: the same image is stored once
  std::string mime_type;
  int width = 0;
  int height = 0;
  std::string bytes;
};

/// Everything `publish` writes for one article; names are created as terms when missing.
struct ArticleDraft {
  std::string slug;
  std::string title;
  std::string lead;
  std::string body_markdown;
  std::string body_html;
  content::ArticleStatus status = content::ArticleStatus::published;
  content::Timestamp published_at{};
  content::Timestamp updated_at{};
  content::Term author;
  content::Term section;
  std::vector<content::Term> categories;
  std::vector<content::Term> tags;
  std::optional<NewMedia> image;
  std::vector<NewMedia> image_variants;  // its resized copies (media/image_preparation.h)
  std::string image_caption;
  std::string image_alt;
  std::optional<bool> pinned;  // pin to the home page, or unpin; nullopt leaves it as it is
};

/// What a write did: the article's id and where it appeared before and appears now.
struct SavedArticle {
  content::ArticleId id;
  bool created = false;
  std::string section_slug;
  std::string slug;
  std::optional<content::ArticlePlacement> before;
  content::ArticlePlacement after;
};

/// Content storage. Implementations are thread-safe: reads may run concurrently with a write.
class Store {
 public:
  virtual ~Store() = default;

  virtual content::SiteSettings settings() = 0;
  virtual void save_settings(const content::SiteSettings& settings) = 0;

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

  virtual std::optional<content::MediaFile> find_media(std::string_view name) = 0;

  /// Creates or updates the article with `draft.slug`, with its author, section, terms and
  /// image, in one transaction.
  virtual SavedArticle save_article(const ArticleDraft& draft) = 0;
  /// Saves every draft as save_article does, all in one transaction: imports and generated
  /// sites write thousands of articles without paying a commit for each.
  virtual std::vector<SavedArticle> save_articles(const std::vector<ArticleDraft>& drafts) = 0;
};

}  // namespace gazette::store
