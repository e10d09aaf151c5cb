// The embargo preview page (see embargo_preview_page.h).
#include "newsroom/embargo_preview_page.h"

#include "site/pages.h"
#include "site/responses.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

namespace {

// Nothing of a preview may be kept by a browser or a proxy, nor indexed, nor its address sent
// to another site as a Referer.
void keep_private(http::Response& response) {
  response.set(field::field::cache_control, "no-store");
  response.set("X-Robots-Tag", "noindex, nofollow");
  response.set("Referrer-Policy", "no-referrer");
}

}  // namespace

http::Response EmbargoPreviewPage::handle(const http::Request& request) {
  auto context = pages_.context(1, request[field::field::host]);
  auto target = std::string_view(request.target());
  target = target.substr(0, target.find('?'));
  auto token = target.substr(std::min(target.size(), kEmbargoPreviewPrefix.size()));
  bool is_read = request.method() == field::verb::get || request.method() == field::verb::head;
  std::optional<publishing::EmbargoedArticle> opened;
  if (is_read && target.starts_with(kEmbargoPreviewPrefix)) opened = links_.open(token);
  if (!opened) {
    auto response = site::message_response(request, context, http::Status::not_found, "not_found",
                                           "not_found_message");
    keep_private(response);
    return response;
  }
  auto response =
      site::html_response(request, http::Status::ok,
                          site::render_embargo_preview(context, opened->article, opened->until));
  keep_private(response);
  return response;
}

}  // namespace gazette::newsroom
