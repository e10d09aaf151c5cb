// The reader side of comments: posting through every spam defence and the site's moderation
// rule, and what the article page shows. No HTTP here: the web layer hands in the form and the
// visitor's address, and turns the outcome into a page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "comments/comment_form.h"
#include "comments/form_token.h"
#include "comments/site_key.h"
#include "comments/thread.h"
#include "content/events.h"
#include "publishing/write_path.h"
#include "store/comment_store.h"

namespace gazette::comments {

/// Who sent a comment, as far as the server can tell.
struct Visitor {
  std::string ip;
  std::string user_agent;
};

/// Why a comment was refused; nothing was stored.
enum class Refusal {
  no_article,      // no published article at that address
  closed,          // comments are closed on it (by an editor, by age, or on the whole site)
  invalid_fields,  // see PostRefused::fields
  missing_token,   // the form carried no signed timestamp (no JavaScript): confirm and send again
  forged_token,    // not a timestamp we signed
  too_fast,        // sent sooner after the form was handed out than a person can write
  too_old,         // the form was handed out too long ago
  used_token,      // the form's token already sent a comment: each is good for one
  too_many_links,
  rate_limited,  // this address sent too many comments in the last hour
  duplicate,     // the same text is already on this article
};

std::string_view to_string(Refusal refusal);

struct PostRefused {
  Refusal reason;
  std::vector<FieldError> fields;  // for invalid_fields
  std::int64_t limit = 0;          // the limit a message names (links, comments per hour)
};

/// The comment as stored: approved, pending, or spam (readers are not told which of the last two).
struct PostAccepted {
  content::Comment comment;
  content::CommentedArticle article;
};

using PostResult = std::variant<PostAccepted, PostRefused>;

/// What the article page shows of its comments.
struct ArticleComments {
  std::vector<CommentNode> thread;
  std::size_t count = 0;
  bool open = false;
  /// When open comments close by age, the page showing them changes then.
  std::optional<content::Timestamp> closes_at;
};

/// The avatar key of `email`: a keyed hash, so the picture's name does not reveal the address
/// (as an unkeyed hash of a known address would, which is Gravatar's weakness).
std::string avatar_key(const SiteKey& key, std::string_view email);

/// The site's comment-signing secret (for SiteKey): read, or made and stored the first time, so
/// every node and every restart signs with the same one.
std::string site_secret(store::CommentStore& store, publishing::WritePath& write_path);

/// Whether comments on `article` are open at `now` under `settings`.
bool comments_open(const content::CommentedArticle& article,
                   const content::CommentSettings& settings, content::Timestamp now);

class CommentService {
 public:
  CommentService(store::CommentStore& store, publishing::WritePath& write_path, const SiteKey& key)
      : store_(store), write_path_(write_path), key_(key), tokens_(key) {}

  /// Posts `form` on the article at /{section}/{slug}/: checks it, runs the spam defences,
  /// applies the moderation rule and stores it — announcing CommentChanged in the same
  /// transaction when it is published at once. A refusal is logged with its reason and stores
  /// nothing.
  PostResult post(std::string_view section, std::string_view slug, const CommentForm& form,
                  const Visitor& visitor, content::Timestamp now);

  /// A fresh signed timestamp for a comment form handed out at `now`.
  std::string form_token(content::Timestamp now) const { return tokens_.issue(now); }

  std::optional<content::CommentedArticle> find_article(std::string_view section,
                                                        std::string_view slug) {
    return store_.find_commented_article(section, slug);
  }
  std::optional<content::CommentedArticle> find_article(content::ArticleId id) {
    return store_.find_commented_article(id);
  }
  std::optional<content::Comment> find_comment(content::CommentId id) {
    return store_.find_comment(id);
  }
  content::CommentSettings settings() { return store_.comment_settings(); }

  /// The approved thread of `article` and whether its form is open at `now`.
  ArticleComments article_comments(const content::CommentedArticle& article,
                                   content::Timestamp now);

  /// The key in the link to comment `id` that only its writer was given ("awaiting moderation").
  std::string receipt_key(content::CommentId id) const;
  bool is_receipt_key(content::CommentId id, std::string_view key) const;

 private:
  store::CommentStore& store_;
  publishing::WritePath& write_path_;
  const SiteKey& key_;
  FormTokens tokens_;
};

}  // namespace gazette::comments
