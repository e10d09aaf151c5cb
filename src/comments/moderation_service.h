// The newsroom side of comments: approve, hold, mark as spam, trash, delete (one or many), edit,
// reply as staff, erase everything one e-mail address wrote, close an article's comments, and
// the site's comment settings. Every write announces, in its transaction, CommentChanged for each
// article page it changed. No HTTP here: the newsroom's screens (and `gazette comments`) call it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "comments/comment_form.h"
#include "comments/site_key.h"
#include "content/clock.h"
#include "content/events.h"
#include "publishing/write_path.h"
#include "store/comment_store.h"

namespace gazette::comments {

/// The newsroom member replying, as the newsroom knows them (their account's name and e-mail).
struct StaffIdentity {
  std::string name;
  std::string email;
};

/// The comment (or the one replied to) does not exist.
struct NoSuchComment {};

/// Why a comment setting was refused.
enum class SettingProblem {
  negative,                // a count or a delay below 0
  shorter_than_fill_time,  // the form's lifetime below the time it takes to fill it in
};

/// A setting out of range: which one (its name, as the form and the command line call it) and
/// why.
struct SettingsError {
  std::string setting;
  SettingProblem problem = SettingProblem::negative;
};

/// The problem in words, for the command line ("must be 0 or more").
std::string describe(SettingProblem problem);

using CommentResult = std::variant<content::Comment, std::vector<FieldError>, NoSuchComment>;

class ModerationService {
 public:
  /// Methods taking `now` act as of that time (the request's); the others ask `clock`.
  ModerationService(store::CommentStore& store, publishing::WritePath& write_path,
                    const SiteKey& key, const content::Clock& clock)
      : store_(store), write_path_(write_path), key_(key), clock_(clock) {}

  /// Each returns how many of `ids` existed (and were changed).
  std::size_t approve(const std::vector<content::CommentId>& ids, content::Timestamp now);
  /// Back to pending: readers no longer see them.
  std::size_t hold(const std::vector<content::CommentId>& ids, content::Timestamp now);
  std::size_t mark_spam(const std::vector<content::CommentId>& ids, content::Timestamp now);
  std::size_t trash(const std::vector<content::CommentId>& ids, content::Timestamp now);
  /// Deletes for good; replies move up to the deleted comment's parent.
  std::size_t remove(const std::vector<content::CommentId>& ids);
  /// Deletes every comment `email` wrote, on every article; returns how many.
  std::size_t erase_author(std::string_view email);

  /// Changes a comment's name, website and text, checked as a reader's form is.
  CommentResult edit(content::CommentId id, const std::string& name, const std::string& website,
                     const std::string& body, content::Timestamp now);
  /// Replies to comment `parent` as `staff`, published at once; a held parent is approved with
  /// it, since answering a comment publicly endorses showing it.
  CommentResult reply(content::CommentId parent, const StaffIdentity& staff,
                      const std::string& body, content::Timestamp now);

  store::ModerationList list(const store::CommentQuery& query) {
    return store_.list_comments(query);
  }
  /// How many comments of each status match `filter` (its status ignored); all by default.
  std::map<content::CommentStatus, std::int64_t> counts(const store::CommentQuery& filter = {}) {
    return store_.count_comments_by_status(filter);
  }
  std::optional<content::Comment> find(content::CommentId id) { return store_.find_comment(id); }
  /// The article a comment is on (published or not), for the moderation screens' links.
  std::optional<content::CommentedArticle> article(content::ArticleId id) {
    return store_.find_commented_article(id);
  }

  content::CommentSettings settings() { return store_.comment_settings(); }
  /// Saves `settings` when every number is in range; announces SettingsChanged (closing by age
  /// or turning comments off changes every article page).
  std::optional<SettingsError> save_settings(const content::CommentSettings& settings);

  /// Opens or closes comments on article `id`; false when there is no such article.
  bool set_comments_open(content::ArticleId id, bool open);

 private:
  std::size_t set_status(const std::vector<content::CommentId>& ids, content::CommentStatus status,
                         std::string_view reason, content::Timestamp now);
  static void announce(store::WriteTransaction& write,
                       const std::vector<store::CommentChange>& changes);

  store::CommentStore& store_;
  publishing::WritePath& write_path_;
  const SiteKey& key_;
  const content::Clock& clock_;
};

}  // namespace gazette::comments
