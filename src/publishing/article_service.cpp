// ArticleService: save, then announce (see article_service.h).
#include "publishing/article_service.h"

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

}  // namespace gazette::publishing
