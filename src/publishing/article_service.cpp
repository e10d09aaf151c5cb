// ArticleService: save, then announce (see article_service.h).
#include "publishing/article_service.h"

namespace gazette::publishing {

store::SavedArticle ArticleService::save(const store::ArticleDraft& draft) {
  auto saved = store_.save_article(draft);
  events_.publish(content::ArticleChanged{saved.id, saved.before, saved.after});
  return saved;
}

}  // namespace gazette::publishing
