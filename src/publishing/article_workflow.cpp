// The workflow rules of an article (see article_workflow.h).
#include "publishing/article_workflow.h"

namespace gazette::publishing {

using content::ArticleStatus;

std::optional<ArticleAction> parse_article_action(std::string_view text) {
  if (text == "save" || text.empty()) return ArticleAction::save;
  if (text == "submit") return ArticleAction::submit;
  if (text == "unpublish") return ArticleAction::unpublish;
  if (text == "publish") return ArticleAction::publish;
  if (text == "schedule") return ArticleAction::schedule;
  return std::nullopt;
}

ArticleStatus requested_status(ArticleAction action, ArticleStatus current) {
  switch (action) {
    case ArticleAction::save:
      return current;
    case ArticleAction::submit:
      return ArticleStatus::review;
    case ArticleAction::unpublish:
      return ArticleStatus::draft;
    case ArticleAction::publish:
      return ArticleStatus::published;
    case ArticleAction::schedule:
      return ArticleStatus::scheduled;
  }
  return current;
}

Publication decide_publication(ArticleAction action, const std::optional<StoredPublication>& stored,
                               std::optional<content::Timestamp> typed_date,
                               content::Timestamp now) {
  auto current = stored ? stored->status : ArticleStatus::draft;
  Publication result{requested_status(action, current), now, false};
  bool was_live = current == ArticleStatus::published || current == ArticleStatus::scheduled;
  if (typed_date) {
    result.published_at = *typed_date;
  } else if (stored && (was_live || result.status == ArticleStatus::draft ||
                        result.status == ArticleStatus::review)) {
    // A live article keeps its date; a draft keeps whatever it had, to be set when published.
    result.published_at = stored->published_at;
  }
  bool schedule = action == ArticleAction::schedule;
  if (result.status == ArticleStatus::scheduled && (!typed_date || *typed_date <= now) && schedule)
    result.needs_future_date = true;
  // Published with a date to come is scheduled; scheduled with a date gone by goes live now.
  if (result.status == ArticleStatus::published && result.published_at > now)
    result.status = ArticleStatus::scheduled;
  if (result.status == ArticleStatus::scheduled && result.published_at <= now && !schedule)
    result.status = ArticleStatus::published;
  return result;
}

}  // namespace gazette::publishing
