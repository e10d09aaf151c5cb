// The article page's comments, provided by the comments feature (src/comments/web/) and wired at
// start-up: the data of the comments region, and the answer to the comment form's POST.
#pragma once

#include <string_view>

#include "http/message.h"
#include "site/pages.h"

namespace gazette::site {

class CommentSection {
 public:
  virtual ~CommentSection() = default;

  /// The `comments` data of the page of `article` (see themes/default/README.md). It must not
  /// depend on who asks: the page is cached by URL.
  virtual theme::View article_view(const PageContext& context, const content::Article& article) = 0;

  /// Answers POST /{section}/{slug}/comments.
  virtual http::Response post(const http::Request& request, const PageContext& context,
                              std::string_view section, std::string_view slug) = 0;
};

}  // namespace gazette::site
