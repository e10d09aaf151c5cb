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

/// What the cards of `articles` show of their coverage (one query for a listing).
std::vector<content::LiveCard> live_cards(const PageContext& context,
                                          const std::vector<content::ArticleSummary>& articles);
/// Adds the « En direct » label and the latest entry's time to `card` when `article` is live.
void mark_live_card(const PageContext& context, const std::vector<content::LiveCard>& cards,
                    content::ArticleId article, theme::View& card);

}  // namespace gazette::site
