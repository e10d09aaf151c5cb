// Domain events: each write names what it changed, and the subscribers wired at start-up (page
// cache, search index, related articles) react to it. Delivery is synchronous and in
// subscription order, after the write has committed.
#pragma once

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "content/comment.h"
#include "content/types.h"

namespace gazette::content {

/// Where an article appears: the listings and pages that show it.
struct ArticlePlacement {
  std::string section_slug;
  std::string slug;
  std::string author_slug;
  std::vector<std::string> coauthor_slugs;
  std::vector<std::string> category_slugs;
  std::vector<std::string> tag_slugs;
  bool visible = false;  // published and due: readers can see it
};

/// An article was created, edited, published, unpublished or deleted. `before` is empty for a
/// new article, `after` for a deleted one; a page showing either placement may have changed.
struct ArticleChanged {
  ArticleId id;
  std::optional<ArticlePlacement> before;
  std::optional<ArticlePlacement> after;
};

/// Site settings (title, language, time zone…) changed: every page may look different.
struct SettingsChanged {};

/// A section, tag, category or author was renamed, described or removed: its page and every
/// page naming it may look different. A rename announces the old slug and the new one.
struct TermChanged {
  enum class Kind { section, tag, category, author };
  Kind kind;
  std::string slug;
  /// Articles the change took the term from (a merged or deleted tag or category): they are
  /// no longer filed under `slug`, yet what they show changed.
  std::vector<ArticleId> detached = {};
};

/// A comment became visible, changed or disappeared on the article at /section_slug/slug/.
struct CommentChanged {
  ArticleId article;
  std::string section_slug;
  std::string slug;
  /// The comments this write made visible (posted approved, or approved by a moderator), for
  /// the webhooks of this process; not carried to other processes, whose pages need only the
  /// article.
  std::vector<CommentId> approved = {};
};

/// The "You may also like" lists of these articles were recomputed (after another article
/// changed, or when they were first computed).
struct RelatedChanged {
  std::vector<ArticleId> articles;
};

/// The live coverage of the article at /section_slug/slug/ changed: an entry was posted, edited
/// or deleted (`entry` names it), or the coverage started or ended (`entry` is 0). Its page, its
/// cards (the latest entry's time), its feeds, the news sitemap and its open streams show it.
struct LiveChanged {
  enum class Kind { posted, edited, deleted, started, ended };
  Kind kind = Kind::posted;
  ArticleId article;
  std::int64_t entry = 0;
  std::string section_slug;
  std::string slug;
};

using Event = std::variant<ArticleChanged, SettingsChanged, TermChanged, CommentChanged,
                           RelatedChanged, LiveChanged>;

/// Delivers events to subscribers. Subscribe during start-up only, before serving: publishing
/// then reads the subscriber list without a lock from any thread.
class EventBus {
 public:
  using Subscriber = std::function<void(const Event&)>;
  void subscribe(Subscriber subscriber) { subscribers_.push_back(std::move(subscriber)); }
  void publish(const Event& event) const {
    for (const auto& subscriber : subscribers_) subscriber(event);
  }

 private:
  std::vector<Subscriber> subscribers_;
};

}  // namespace gazette::content
