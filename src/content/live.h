// Live coverage (« En direct »): an article followed as it happens, with short timestamped
// entries, key events and one pinned entry. The coverage belongs to the article: its author
// posts to it, editors to any.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "content/types.h"

namespace gazette::content {

struct LiveEntryId {
  std::int64_t value = 0;
  auto operator<=>(const LiveEntryId&) const = default;
};

/// An article's live coverage: when it began and, once an editor ended it, when it ended.
struct LiveCoverage {
  ArticleId article;
  Timestamp started_at{};
  std::optional<Timestamp> ended_at;
  bool live() const { return !ended_at.has_value(); }
};

/// A photo shown in an entry (an image already in the media store).
struct LivePhoto {
  MediaRef image;
  std::string caption;
  std::string credit;
  std::string alt;
};

/// One entry as readers see it.
struct LiveEntry {
  LiveEntryId id;
  ArticleId article;
  std::string body_markdown;
  std::string body_html;  // rendered and sanitised when saved, like an article's body
  std::optional<LivePhoto> photo;
  Term author;
  bool key_event = false;
  bool pinned = false;
  Timestamp created_at{};
  std::optional<Timestamp> edited_at;   // set once an entry is edited (« modifiée »)
  std::optional<Timestamp> deleted_at;  // deleted entries are kept for the streams, never shown
};

/// A photo to attach, by its media name.
struct LivePhotoChoice {
  std::string media_name;
  std::string caption;
  std::string credit;
  std::string alt;
};

/// What a writer gives for a new or edited entry; the service renders body_html.
struct LiveEntryText {
  std::string body_markdown;
  std::string body_html;
  std::optional<LivePhotoChoice> photo;
  bool key_event = false;
};

/// What a card on a listing shows of a live article.
struct LiveCard {
  ArticleId article;
  bool live = false;                      // coverage going on (not ended)
  std::optional<Timestamp> latest_entry;  // the newest entry's time, if any
};

}  // namespace gazette::content
