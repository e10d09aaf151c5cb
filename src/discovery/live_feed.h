// The feed of a live coverage's entries (« En direct »), at the article's feed.xml and
// feed.atom: one feed entry per live entry, newest first, its link the entry's anchor on the
// article page. Built from what the live store holds; the routes serve it (discovery_routes.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/live.h"
#include "discovery/feeds.h"

namespace gazette::discovery {

/// Entries a live feed carries: a busy hour of a breaking story.
constexpr std::size_t kLiveFeedEntries = 50;
/// A feed entry's title is the entry's first words, at most this many…
constexpr std::size_t kLiveTitleWords = 12;
/// …and at most this many bytes (a feed reader's list line).
constexpr std::size_t kLiveTitleBytes = 100;

/// The first words of `text` (plain text), "…" after them when some were left out.
std::string first_words(std::string_view text);

/// The feed entries of `entries` (newest first, not deleted) on the article at `article_url`
/// (absolute, ending in '/'); `base` is the site's absolute URL, for photos and author pages.
std::vector<FeedEntry> live_feed_entries(const std::vector<content::LiveEntry>& entries,
                                         const std::string& article_url, const std::string& base);

}  // namespace gazette::discovery
