// Reader page responses (see responses.h).
#include "site/responses.h"

#include "render/embed_player.h"

namespace gazette::site {

namespace {
// Reader pages are public and change when the newsroom writes; until the page cache can
// revalidate them, browsers must ask again each time.
constexpr std::string_view kPageCacheControl = "no-cache";
// Images may come from imported sites (https), styles only from us, frames only from the video
// players a reader loads with a click (render/embed_player.h); nothing may frame the site.
const std::string kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
    "frame-src 'self' " + std::string(render::kPlayerOrigins) + "; "
    "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
}  // namespace

http::Response html_response(const http::Request& request, http::Status status, std::string html) {
  auto response = http::make_response(request, status, "text/html; charset=utf-8", std::move(html));
  response.set(http::beast_http::field::cache_control, kPageCacheControl);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  return response;
}

http::Response json_response(const http::Request& request, std::string json) {
  auto response = http::make_response(request, http::Status::ok, "application/json; charset=utf-8",
                                      std::move(json));
  response.set(http::beast_http::field::cache_control, kPageCacheControl);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Access-Control-Allow-Origin", "*");
  return response;
}

http::Response message_response(const http::Request& request, const PageContext& context,
                                http::Status status, std::string_view heading_key,
                                std::string_view message_key) {
  return html_response(request, status,
                       render_message(context, static_cast<int>(status), heading_key, message_key));
}

}  // namespace gazette::site
