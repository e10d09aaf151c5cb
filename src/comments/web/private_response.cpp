// Private responses of the comment pages (see private_response.h).
#include "comments/web/private_response.h"

#include "site/responses.h"

namespace gazette::comments::web {

namespace {
// A shared cache (the page cache, a proxy) must not keep these; nor may the browser's history
// hand a form's signed timestamp to the next person at the same computer.
constexpr std::string_view kPrivateCacheControl = "private, no-store";
}  // namespace

http::Response private_html(const http::Request& request, http::Status status, std::string html) {
  auto response = site::html_response(request, status, std::move(html));
  response.set(http::beast_http::field::cache_control, kPrivateCacheControl);
  response.set("X-Robots-Tag", "noindex");
  response.set("Referrer-Policy", "no-referrer");
  return response;
}

http::Response see_other(const http::Request& request, std::string_view location) {
  auto response =
      http::make_redirect(request, http::LocalPath::checked(location), http::Status::see_other);
  response.set(http::beast_http::field::cache_control, kPrivateCacheControl);
  return response;
}

}  // namespace gazette::comments::web
