// The comment Store: reader comments, their moderation and the per-site comment settings. Like
// the content Store it knows nothing of HTTP or HTML; a second backend is a new implementation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/comment.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// A comment to insert, already checked and decided (status, spam reason) by the service.
struct NewComment {
  content::ArticleId article;
  std::optional<content::CommentId> parent;
  std::string author_name;
  std::string author_email;
  std::string author_url;
  std::string body;
  content::CommentStatus status = content::CommentStatus::pending;
  std::string spam_reason;
  std::string ip;
  std::string user_agent;
  std::string avatar_key;
  bool by_staff = false;
  content::Timestamp created_at{};
};

/// The form token a reader's comment was sent with: good for one comment, so remembered as used
/// until `expires_at`, when it would be refused as too old anyway.
struct SpentFormToken {
  std::string token;
  content::Timestamp expires_at{};
};

/// What a moderator may change in a comment (the e-mail and address stay as written).
struct CommentEdit {
  std::string author_name;
  std::string author_url;
  std::string body;
};

/// What a write did to one comment: its article, and whether readers saw it before and see it
/// now — so the service announces exactly the article pages that changed.
struct CommentChange {
  content::CommentId id;
  content::CommentedArticle article;
  bool visible_before = false;
  bool visible_after = false;
};

/// Which comments a moderation list shows, newest first.
struct CommentQuery {
  std::optional<content::CommentStatus> status;
  std::optional<content::ArticleId> article;
  std::string author_email;  // empty: anyone
  /// Empty: any. Otherwise plain text found in the writer's name, e-mail or the comment's text
  /// (ASCII letters case-insensitively); never read as LIKE or FTS syntax.
  std::string text;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

/// A comment in a moderation list, with the article it was left on.
struct ModerationEntry {
  content::Comment comment;
  content::CommentedArticle article;
};

struct ModerationList {
  std::vector<ModerationEntry> entries;
  std::int64_t total = 0;
};

/// Comment storage. Implementations are thread-safe; writes happen in the caller's transaction.
class CommentStore {
 public:
  virtual ~CommentStore() = default;

  virtual content::CommentSettings comment_settings() = 0;
  virtual void save_comment_settings(WriteTransaction& write,
                                     const content::CommentSettings& settings) = 0;
  /// The site's key for signing comment forms, if it has one yet.
  virtual std::optional<std::string> comment_secret() = 0;
  /// The site's key: `candidate` is stored (and returned) when the site has none yet, so every
  /// node and every restart signs with the same key.
  virtual std::string keep_comment_secret(WriteTransaction& write, std::string_view candidate) = 0;

  /// The published article at /{section_slug}/{slug}/, with its comment state.
  virtual std::optional<content::CommentedArticle> find_commented_article(
      std::string_view section_slug, std::string_view slug) = 0;
  /// Article `id` (published or not), with its comment state.
  virtual std::optional<content::CommentedArticle> find_commented_article(
      content::ArticleId id) = 0;
  /// Closes (as of `now`) or reopens comments on article `id`; false when there is no such
  /// article.
  virtual bool set_comments_closed(WriteTransaction& write, content::ArticleId id, bool closed,
                                   content::Timestamp now) = 0;

  /// The approved comments of article `id`, oldest first.
  virtual std::vector<content::Comment> approved_comments(content::ArticleId id) = 0;
  virtual std::optional<content::Comment> find_comment(content::CommentId id) = 0;
  /// How many comments (of any status) address `ip` left at or after `since`.
  virtual std::int64_t comments_from_ip_since(std::string_view ip, content::Timestamp since) = 0;
  /// Whether `email` wrote a comment a moderator approved.
  virtual bool has_approved_comment_by(std::string_view email) = 0;
  /// Whether article `id` already has a comment (not in the trash) with exactly `body`.
  virtual bool has_same_comment(content::ArticleId id, std::string_view body) = 0;
  virtual content::CommentId add_comment(WriteTransaction& write, const NewComment& comment) = 0;
  /// Adds `comment` and remembers `token` as used, in `write`; nothing (and nothing stored) when
  /// `token` was used already, by any process. Forgets tokens expired by then.
  virtual std::optional<content::CommentId> add_comment_spending(WriteTransaction& write,
                                                                 const NewComment& comment,
                                                                 const SpentFormToken& token) = 0;

  /// Moves `ids` to `status`; unknown ids are skipped. `spam_reason` is recorded when `status`
  /// is spam, and cleared otherwise.
  virtual std::vector<CommentChange> set_comment_status(WriteTransaction& write,
                                                        const std::vector<content::CommentId>& ids,
                                                        content::CommentStatus status,
                                                        std::string_view spam_reason,
                                                        content::Timestamp now) = 0;
  virtual std::optional<CommentChange> edit_comment(WriteTransaction& write, content::CommentId id,
                                                    const CommentEdit& edit,
                                                    content::Timestamp now) = 0;
  /// Deletes `ids` for good; their replies move up to the deleted comment's parent.
  virtual std::vector<CommentChange> delete_comments(
      WriteTransaction& write, const std::vector<content::CommentId>& ids) = 0;
  /// Deletes everything `email` wrote, on every article (a reader's right to erasure).
  virtual std::vector<CommentChange> erase_comments_by(WriteTransaction& write,
                                                       std::string_view email) = 0;

  virtual ModerationList list_comments(const CommentQuery& query) = 0;
  /// How many comments of each status match `filter` (its status, offset and limit ignored).
  virtual std::map<content::CommentStatus, std::int64_t> count_comments_by_status(
      const CommentQuery& filter) = 0;
};

}  // namespace gazette::store
