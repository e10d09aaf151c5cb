// The workflow rules of an article (draft → review → scheduled → published): which status an
// editor's action asks for, and what status and date a save ends with — "publish" with a date
// to come schedules, a scheduled date gone by goes live, a draft keeps its date unless one is
// typed. The newsroom's editor asks these; the roles allowed each move are auth/capabilities.h.
#pragma once

#include <optional>
#include <string_view>

#include "content/types.h"

namespace gazette::publishing {

/// What an editor asks for with the editor's buttons.
enum class ArticleAction { save, submit, unpublish, publish, schedule };

/// "save" (or nothing), "submit", "unpublish", "publish", "schedule"; nullopt for anything else.
std::optional<ArticleAction> parse_article_action(std::string_view text);

/// The status `action` asks for, from `current`.
content::ArticleStatus requested_status(ArticleAction action, content::ArticleStatus current);

/// The article a save starts from, when it exists.
struct StoredPublication {
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Timestamp published_at{};
};

/// What a save ends with.
struct Publication {
  content::ArticleStatus status = content::ArticleStatus::draft;
  content::Timestamp published_at{};
  /// "Schedule" without a date to come: the form must ask for one.
  bool needs_future_date = false;
};

/// The status and publication date of a save: `action` from `stored` (nullopt for a new
/// article), with the date the editor typed, if any, at `now`.
Publication decide_publication(ArticleAction action, const std::optional<StoredPublication>& stored,
                               std::optional<content::Timestamp> typed_date,
                               content::Timestamp now);

}  // namespace gazette::publishing
