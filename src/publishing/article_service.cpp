// ArticleService: save, then announce (see article_service.h).
#include "publishing/article_service.h"

#include <stdexcept>

namespace gazette::publishing {

store::SavedArticle ArticleService::save(const store::ArticleDraft& draft) {
  auto saved = store_.save_article(draft);
  events_.publish(content::ArticleChanged{saved.id, saved.before, saved.after});
  return saved;
}

std::vector<store::SavedArticle> ArticleService::save_all(
    const std::vector<store::ArticleDraft>& drafts) {
  auto saved = store_.save_articles(drafts);
  for (const auto& article : saved)
    events_.publish(content::ArticleChanged{article.id, article.before, article.after});
  return saved;
}

store::EditorialStore& ArticleService::editorial() {
  if (!editorial_) throw std::logic_error("ArticleService was built without the editorial store");
  return *editorial_;
}

store::EditResult ArticleService::save_edit(const store::ArticleEdit& edit,
                                            content::Timestamp now) {
  auto result = editorial().save_edit(edit, now);
  if (auto* saved = std::get_if<store::SavedArticle>(&result))
    events_.publish(content::ArticleChanged{saved->id, saved->before, saved->after});
  return result;
}

bool ArticleService::remove(content::ArticleId id) {
  auto before = editorial().delete_article(id);
  if (!before) return false;
  events_.publish(content::ArticleChanged{id, before, std::nullopt});
  return true;
}

int ArticleService::publish_due(content::Timestamp now) {
  auto published = editorial().publish_due(now);
  for (const auto& saved : published)
    events_.publish(content::ArticleChanged{saved.id, saved.before, saved.after});
  return static_cast<int>(published.size());
}

int ArticleService::announce_published_between(content::Timestamp after, content::Timestamp until) {
  auto reached = editorial().published_between(after, until);
  for (const auto& saved : reached)
    events_.publish(content::ArticleChanged{saved.id, saved.before, saved.after});
  return static_cast<int>(reached.size());
}

std::optional<content::Timestamp> ArticleService::next_due(content::Timestamp now) {
  return editorial().next_due(now);
}

}  // namespace gazette::publishing
