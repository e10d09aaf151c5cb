// What the article page and the cards show of live coverage (« En direct »): the label, the
// key events, the pinned entry, the entries newest first with their times, the end of the
// coverage. The page is complete without JavaScript; relative times (« il y a 3 min ») are
// rendered here, and the page is kept in the cache no longer than they stay true.
#pragma once

#include <optional>
#include <vector>

#include "site/pages.h"
#include "theme/theme.h"

namespace gazette::site {

/// The live part of an article's page, or nothing when it never had a coverage.
std::optional<theme::View> live_view(const PageContext& context, const content::Article& article);

/// One entry as the page shows it: the live_entry partial's data.
theme::View live_entry_view(const PageContext& context, const content::LiveEntry& entry);
/// The line an entry shows in the key events' summary (its first line, as text).
std::string key_event_line(const content::LiveEntry& entry);
/// "14:05" in the site's time zone.
std::string live_time_of_day(const PageContext& context, content::Timestamp at);

/// What the cards of `articles` show of their coverage (one query for a listing).
std::vector<content::LiveCard> live_cards(const PageContext& context,
                                          const std::vector<content::ArticleSummary>& articles);
/// Adds the « En direct » label and the latest entry's time to `card` when `article` is live.
void mark_live_card(const PageContext& context, const std::vector<content::LiveCard>& cards,
                    content::ArticleId article, theme::View& card);

}  // namespace gazette::site
