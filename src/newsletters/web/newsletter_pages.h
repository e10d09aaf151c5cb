// The newsletter's reader pages under /newsletter/: the subscription form's POST (from the
// footer of every page, or a section's or author's page), the confirmation link, and the
// manage page with its unsubscribe button — which is also the RFC 8058 one-click address: a
// POST there ends the subscriptions, with no session and no cookie. None of it cached.
#pragma once

#include <functional>

#include "http/message.h"
#include "newsletters/newsletter_service.h"
#include "site/page_environment.h"

namespace gazette::newsletters::web {

class NewsletterPages {
 public:
  /// `trust_forwarded_for` says whether a reverse proxy's X-Forwarded-For names the client (the
  /// comment settings' choice), for the per-client limit on subscriptions.
  NewsletterPages(NewsletterService& service, site::PageEnvironment& pages,
                  std::function<bool()> trust_forwarded_for = {})
      : service_(service), pages_(pages), trust_forwarded_for_(std::move(trust_forwarded_for)) {}

  /// Answers a request under /newsletter/.
  http::Response handle(const http::Request& request);

 private:
  http::Response subscribe(const http::Request& request, const site::PageContext& context);
  http::Response confirm(const http::Request& request, const site::PageContext& context,
                         std::string_view query);
  http::Response manage(const http::Request& request, const site::PageContext& context,
                        std::string_view query);

  NewsletterService& service_;
  site::PageEnvironment& pages_;
  std::function<bool()> trust_forwarded_for_;
};

}  // namespace gazette::newsletters::web
