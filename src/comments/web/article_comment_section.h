// The comments of the article page (site::CommentSection): the approved thread and the form in
// the cached page, and the answer to the form's POST — a 303 to the article (published at once)
// or to the writer's private receipt page (held), or the form again with what went wrong.
#pragma once

#include <functional>

#include "comments/comment_service.h"
#include "content/clock.h"
#include "site/comment_section.h"

namespace gazette::comments::web {

class ArticleCommentSection final : public site::CommentSection {
 public:
  ArticleCommentSection(CommentService& service, const content::Clock& clock)
      : service_(service), clock_(clock) {}

  /// Called with the reason of every refused comment (counted for /metrics). Set before serving.
  void on_refused(std::function<void(Refusal)> observer) { on_refused_ = std::move(observer); }

  theme::View article_view(const site::PageContext& context,
                           const content::Article& article) override;
  http::Response post(const http::Request& request, const site::PageContext& context,
                      std::string_view section, std::string_view slug) override;

 private:
  CommentService& service_;
  const content::Clock& clock_;
  std::function<void(Refusal)> on_refused_;
};

}  // namespace gazette::comments::web
