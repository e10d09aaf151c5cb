// WordPress imports and the old URLs they leave behind: a whole site written in one write
// transaction, an article at a time as the file is read (all or nothing, and a second import of
// the same file changes nothing), and the redirects the reader site consults before answering 404.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/article_writes.h"
#include "content/comment.h"
#include "content/types.h"
#include "store/store.h"
#include "store/write_transaction.h"

namespace gazette::store {

struct ImportedAuthor {
  std::string slug;
  std::string name;
};

struct ImportedCategory {
  std::string slug;
  std::string name;
  std::string parent_slug;  // empty: top level
};

struct ImportedComment {
  std::int64_t wp_id = 0;
  std::int64_t wp_parent = 0;  // 0: a reply to the article
  std::string author_name;
  std::string author_email;
  std::string author_url;
  std::string body;  // plain text
  content::CommentStatus status = content::CommentStatus::pending;
  std::string ip;
  std::string avatar_key;
  content::Timestamp created_at{};
};

/// An article of the import. Its body_markdown keeps the original WordPress HTML (for
/// reference), body_html is sanitised; pinned says whether it was a sticky post.
struct ImportedArticle : content::ArticleFields {
  std::string key;  // "id:123" (wp:post_id), or "guid:…" for an item without an id
  std::string author_slug;
  content::Term section;
  std::vector<content::Term> categories;  // added to the import before the article
  std::vector<content::Term> tags;
  std::optional<content::NewMedia> image;  // the featured image, when copied from the uploads
  bool comments_closed = false;
  std::vector<ImportedComment> comments;  // parents before their replies
  std::vector<std::string> old_paths;     // permalinks that redirect to the article
};

/// The form an old path is stored and looked up in: percent-escapes decoded (WordPress writes
/// them in lower case, browsers in upper case), everything else as it is.
inline std::string redirect_key(std::string_view path) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string key;
  key.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && hex(path[i + 1]) >= 0 && hex(path[i + 2]) >= 0) {
      key += static_cast<char>(hex(path[i + 1]) * 16 + hex(path[i + 2]));
      i += 2;
    } else {
      key += path[i];
    }
  }
  return key;
}

/// An old path (with its query) and where it lives now.
struct Redirect {
  std::string from;
  std::string to;
};

struct WxrImportResult {
  std::int64_t articles_created = 0;
  std::int64_t articles_already_imported = 0;
  std::int64_t comments_created = 0;
  std::int64_t authors_created = 0;
  std::int64_t categories_created = 0;
  std::int64_t tags_created = 0;
  std::int64_t redirects_created = 0;
};

/// An article as `gazette export-wxr` writes it, with its terms and comments.
struct ExportedArticle {
  content::ArticleId id;
  std::string slug;
  std::string title;
  std::string lead;
  std::string body_markdown;
  std::string body_html;
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Timestamp published_at{};
  content::Timestamp updated_at{};
  std::string author_slug;
  std::vector<content::Term> coauthors;  // who signs after the author, in byline order
  content::Term section;
  std::vector<content::Term> categories;
  std::vector<content::Term> tags;
  bool sticky = false;
  bool comments_closed = false;
  std::vector<content::Comment> comments;  // oldest id first: parents before replies
};

/// What an export writes before the articles: the site's settings, people and terms.
struct SiteExport {
  content::SiteSettings settings;
  std::string url;  // the `url` setting, may be empty
  std::vector<content::Author> authors;
  std::vector<ImportedCategory> categories;
  std::vector<content::Term> tags;
};

/// One import being written, inside the caller's write transaction: rolled back with it, so an
/// import that fails anywhere (a write, or a file found unreadable near its end) leaves the
/// database as it was. Its questions see what it has written. Throws on a database error.
class WxrImportWriter {
 public:
  virtual ~WxrImportWriter() = default;
  /// People and terms are added unless their slug exists.
  virtual void add_author(const ImportedAuthor& author) = 0;
  /// A category after its parent.
  virtual void add_category(const ImportedCategory& category) = 0;
  virtual void add_tag(const content::Term& tag) = 0;
  /// An article with its terms, comments and old paths; skipped (counted as already imported)
  /// when an earlier import made it from the same source. Its author and terms come first.
  virtual void add_article(const ImportedArticle& article) = 0;
  /// Stores an image (once: an image already stored is kept); the name the stored copy goes by
  /// under /media/.
  virtual std::string add_media(const content::NewMedia& media) = 0;
  /// Term and author pages, attachment pages; the first redirect of a path stays.
  virtual void add_redirect(const Redirect& redirect) = 0;
  /// Whether `slug` is taken by an article (so the importer picks another).
  virtual bool article_slug_taken(std::string_view slug) = 0;
  /// Whether an import from this source already made the WordPress item `key`.
  virtual bool imported(std::string_view key) = 0;
  /// What was written so far.
  virtual WxrImportResult result() const = 0;
};

class WxrImportStore {
 public:
  virtual ~WxrImportStore() = default;
  /// Starts writing an import of the site `source` (the export's base site URL: WordPress ids
  /// are per site), made at `now`, in `write` — which the writer must not outlive. Other writers
  /// wait until the transaction ends.
  virtual std::unique_ptr<WxrImportWriter> begin_import(WriteTransaction& write, std::string source,
                                                        content::Timestamp now) = 0;
  /// Everything an export writes, read in one snapshot and handed over as it is read (a site
  /// of a million articles is never held in memory): `site` once, then `article` for each
  /// article in id order.
  virtual void export_site(const std::function<void(const SiteExport&)>& site,
                           const std::function<void(const ExportedArticle&)>& article) = 0;
  /// The path that replaced `from` (a path with its query), if any.
  virtual std::optional<std::string> find_redirect(std::string_view from) = 0;
};

}  // namespace gazette::store
