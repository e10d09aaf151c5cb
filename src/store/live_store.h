// Live coverage and its entries (content/live.h). Writes happen in a WriteTransaction begun by
// publishing::LiveService, which checks who may write and announces LiveChanged.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "content/live.h"
#include "store/write_transaction.h"

namespace gazette::store {

class LiveStore {
 public:
  virtual ~LiveStore() = default;

  /// The article's coverage, if it was ever started.
  virtual std::optional<content::LiveCoverage> coverage(content::ArticleId article) = 0;
  /// Starts the article's coverage at `now` (an ended one is not started again).
  virtual void start_coverage(WriteTransaction& write, content::ArticleId article,
                              content::Timestamp now) = 0;
  /// Ends a coverage going on at `now`; false when there was none going on.
  virtual bool end_coverage(WriteTransaction& write, content::ArticleId article,
                            content::Timestamp now) = 0;

  /// Adds an entry signed by the author `author_slug` (an existing author) at `now`. Nullopt
  /// when the photo names no stored image.
  virtual std::optional<content::LiveEntryId> add_entry(WriteTransaction& write,
                                                        content::ArticleId article,
                                                        std::string_view author_slug,
                                                        const content::LiveEntryText& text,
                                                        content::Timestamp now) = 0;
  /// Replaces a live (not deleted) entry's text, photo and key flag and marks it edited at
  /// `now`; false when there is no such entry or its photo names no stored image.
  virtual bool edit_entry(WriteTransaction& write, content::LiveEntryId id,
                          const content::LiveEntryText& text, content::Timestamp now) = 0;
  /// Marks an entry deleted at `now` (and unpins it); false when there was no such entry.
  virtual bool delete_entry(WriteTransaction& write, content::LiveEntryId id,
                            content::Timestamp now) = 0;
  /// Pins `id` on top of its article's entries, unpinning any other; nullopt `id` unpins all.
  virtual void pin_entry(WriteTransaction& write, content::ArticleId article,
                         std::optional<content::LiveEntryId> id) = 0;

  /// The entry `id`, deleted or not.
  virtual std::optional<content::LiveEntry> find_entry(content::LiveEntryId id) = 0;
  /// The article's entries not deleted, newest first, at most `limit`.
  virtual std::vector<content::LiveEntry> entries(content::ArticleId article,
                                                  std::size_t limit) = 0;
  /// For each of `articles` that has a coverage: whether it is live and its newest entry's time.
  virtual std::vector<content::LiveCard> cards(const std::vector<content::ArticleId>& articles) = 0;
};

}  // namespace gazette::store
