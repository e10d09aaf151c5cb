// The write path for live coverage (« En direct »): posting, editing, deleting and pinning
// entries and ending the coverage, each in one transaction that announces LiveChanged, so the
// page cache drops the pages showing the entry and every node's open streams hear of it. The
// checks (a published article, a coverage going on, whose coverage it is) run inside the write,
// so nothing is written when one fails. `gazette live` and the newsroom go through here.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/accounts.h"
#include "content/clock.h"
#include "content/live.h"
#include "publishing/write_path.h"
#include "store/editorial_store.h"
#include "store/live_store.h"
#include "store/store.h"

namespace gazette::publishing {

/// An entry's Markdown longer than this is refused: an entry is a few paragraphs, not an
/// article (which the article editor is for).
inline constexpr std::size_t kMaxLiveEntryBytes = 20'000;
/// The most entries an article page and its feeds show (newest first).
inline constexpr std::size_t kLiveEntriesShown = 200;

/// Why a live write was refused; nothing was written.
enum class LiveRefusal {
  no_published_article,  // no published article at that path
  coverage_ended,        // the coverage was ended: the page is an ordinary article now
  not_live,              // the article has no coverage going on
  not_yours,             // an author posts to their own coverage only
  not_allowed,           // a contributor may not post
  empty_text,
  text_too_long,
  no_such_entry,
  no_such_photo,  // the photo names no stored image
};

/// The refusal in one English line, for the terminal.
std::string_view describe(LiveRefusal refusal);

/// Who writes: a newsroom account, or nobody for the shell (`gazette live` without --author),
/// which may do anything and signs with the article's author.
using LiveWriter = std::optional<content::User>;

/// What a writer gives for an entry; the service renders its HTML.
struct LiveDraft {
  std::string markdown;
  std::optional<content::LivePhotoChoice> photo;
  bool key_event = false;
};

class LiveService {
 public:
  LiveService(store::Store& store, store::EditorialStore& editorial, store::LiveStore& live,
              WritePath& write_path, const content::Clock& clock)
      : store_(store), editorial_(editorial), live_(live), write_path_(write_path), clock_(clock) {}

  /// Posts an entry to the published article at `article_path` (/section/slug/), starting its
  /// coverage when it has none yet.
  std::variant<content::LiveEntryId, LiveRefusal> post(std::string_view article_path,
                                                       const LiveWriter& writer,
                                                       const LiveDraft& draft);
  /// Ends the coverage of the article at `article_path`.
  std::optional<LiveRefusal> end(std::string_view article_path, const LiveWriter& writer);
  /// Replaces an entry's text, photo and key flag (it then says « modifiée »).
  std::optional<LiveRefusal> edit(content::LiveEntryId id, const LiveWriter& writer,
                                  const LiveDraft& draft);
  /// Deletes an entry.
  std::optional<LiveRefusal> remove(content::LiveEntryId id, const LiveWriter& writer);
  /// Pins an entry on top of its coverage (unpinning another), or unpins it.
  std::optional<LiveRefusal> pin(content::LiveEntryId id, const LiveWriter& writer, bool pinned);

  /// What post() would refuse `writer` at `article_path` before looking at the text, read
  /// without writing: the newsroom asks before it stores an uploaded photo, so a refused entry
  /// leaves no photo behind. post() checks again inside its write.
  std::optional<LiveRefusal> check_post(std::string_view article_path, const LiveWriter& writer);
  /// The same for edit(), remove() and pin() of entry `id`.
  std::optional<LiveRefusal> check_entry(content::LiveEntryId id, const LiveWriter& writer);

  // What pages read (the stores stay behind the service).
  std::optional<content::LiveCoverage> coverage(content::ArticleId article) {
    return live_.coverage(article);
  }
  std::vector<content::LiveEntry> entries(content::ArticleId article) {
    return live_.entries(article, kLiveEntriesShown);
  }
  std::optional<content::LiveEntry> find_entry(content::LiveEntryId id) {
    return live_.find_entry(id);
  }
  std::vector<content::LiveCard> cards(const std::vector<content::ArticleId>& articles) {
    return live_.cards(articles);
  }

 private:
  struct Target {
    content::ArticleId id;
    std::string section_slug;
    std::string slug;
    std::string author_slug;
  };
  Target published_article(std::string_view article_path);
  Target published_article(content::ArticleId id);
  template <class Change>
  std::optional<LiveRefusal> change_entry(content::LiveEntryId id, const LiveWriter& writer,
                                          content::LiveChanged::Kind kind, Change&& change);

  store::Store& store_;
  store::EditorialStore& editorial_;
  store::LiveStore& live_;
  WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::publishing
