// The reader site: routes a request to its page (home, section, article, tag, author,
// category), to a theme asset or to a media file, and shapes the response.
#pragma once

#include "http/message.h"
#include "site/page_environment.h"

namespace gazette::site {

class ReaderSite {
 public:
  explicit ReaderSite(PageEnvironment& environment) : environment_(environment) {}

  /// Answers one request. Unknown paths get the themed 404; an exception is a bug, answered
  /// 500 by the server (src/http/connection.cpp).
  http::Response handle(const http::Request& request);

 private:
  PageEnvironment& environment_;
};

}  // namespace gazette::site
