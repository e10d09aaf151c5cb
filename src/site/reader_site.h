// The reader site: routes a request to its page (home, section, article, tag, author,
// category), to a theme asset or to a media file, and shapes the response.
#pragma once

#include "http/answer.h"
#include "site/page_environment.h"
#include "store/wxr_import_store.h"

namespace gazette::site {

class ReaderSite {
 public:
  /// `old_urls`, when given, answers the paths of a site imported from WordPress
  /// (`/2024/12/08/slug/`, `/?p=123`…) with a 301 to their page here, before a 404.
  explicit ReaderSite(PageEnvironment& environment, store::WxrImportStore* old_urls = nullptr)
      : environment_(environment), old_urls_(old_urls) {}

  /// Answers one request; a page at its canonical URL comes with what the page cache needs to
  /// keep it. Unknown paths get the themed 404; an exception is a bug, answered 500 by the
  /// server (src/http/connection.cpp).
  http::Answer handle(const http::Request& request);

 private:
  /// The 301 to where an old URL's content lives now, if it is one.
  std::optional<http::Response> redirect_old_url(const http::Request& request);

  PageEnvironment& environment_;
  store::WxrImportStore* old_urls_;
};

}  // namespace gazette::site
