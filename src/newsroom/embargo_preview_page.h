// /preview/{token}: an embargoed article as the partner an editor handed the link to sees it —
// the reader page under « Sous embargo jusqu’au … », noindex, never cached, no Referer sent on.
// Any link that opens nothing (forged, malformed, revoked, the article released, unscheduled or
// deleted) gets the site's ordinary 404, which says nothing about any article.
#pragma once

#include <string_view>

#include "http/message.h"
#include "publishing/preview_link_service.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

/// Where preview links live (outside /newsroom: the partner has no session).
constexpr std::string_view kEmbargoPreviewPrefix = "/preview/";

class EmbargoPreviewPage {
 public:
  EmbargoPreviewPage(publishing::PreviewLinkService& links, site::PageEnvironment& pages)
      : links_(links), pages_(pages) {}

  http::Response handle(const http::Request& request);

 private:
  publishing::PreviewLinkService& links_;
  site::PageEnvironment& pages_;
};

}  // namespace gazette::newsroom
