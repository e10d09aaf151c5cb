// The comment pages under /comments/: a fresh form timestamp (for comments.js), the avatars,
// the small page to reply to a comment (no JavaScript needed), and the writer's private receipt
// page ("awaiting moderation"). Registered with the router at start-up.
#pragma once

#include "comments/comment_service.h"
#include "content/clock.h"
#include "http/message.h"
#include "site/page_environment.h"

namespace gazette::comments::web {

class CommentPages {
 public:
  CommentPages(CommentService& service, site::PageEnvironment& pages, const content::Clock& clock)
      : service_(service), pages_(pages), clock_(clock) {}

  /// Answers a request under /comments/.
  http::Response handle(const http::Request& request);

 private:
  http::Response form_token(const http::Request& request);
  http::Response reply_page(const http::Request& request, const site::PageContext& context,
                            content::CommentId id);
  http::Response receipt_page(const http::Request& request, const site::PageContext& context,
                              content::CommentId id, std::string_view key);

  CommentService& service_;
  site::PageEnvironment& pages_;
  const content::Clock& clock_;
};

}  // namespace gazette::comments::web
