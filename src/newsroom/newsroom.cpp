// The newsroom's front door: the session and CSRF gate every request passes, the method check,
// the headers of its own answers, and the hand-over to the area registered for the path (see
// newsroom.h). An exception goes on to the server's one 500 path (http/connection.cpp).
#include "newsroom/newsroom.h"

#include <spdlog/spdlog.h>

#include "http/cookies.h"
#include "http/percent_encoding.h"
#include "newsroom/newsroom_theme.h"
#include "site/target.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

namespace {

// Whether an Origin header, when the browser sent one, names this very host: a second line of
// defence behind the CSRF token and SameSite cookies.
bool same_origin(const http::Request& request) {
  auto origin = request[field::field::origin];
  if (origin.empty()) return true;
  auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return false;
  return origin.substr(scheme_end + 3) == request[field::field::host];
}

}  // namespace

http::Response Newsroom::serve(const http::Request& request, Area* area) {
  auto target = site::parse_target(request.target());
  Call call{request,
            {},
            http::parse_urlencoded(target.query),
            {},
            std::nullopt,
            {},
            services_.clock.now(),
            false,
            false};
  for (std::size_t i = 1; i < target.segments.size(); ++i)
    call.segments.emplace_back(target.segments[i]);
  call.is_post = request.method() == field::verb::post;
  call.secure = request["X-Forwarded-Proto"] == "https";
  call.settings = services_.settings.settings();

  const auto& s = call.segments;
  bool is_read = request.method() == field::verb::get || request.method() == field::verb::head;
  if (!is_read && !call.is_post) {
    auto response = desk_.message(call, http::Status::method_not_allowed, "bad_request_heading",
                                  "bad_request_message");
    response.set(field::field::allow, "GET, HEAD, POST");
    return response;
  }

  if (!area && is_read && s.size() == 2 && s[0] == "assets") {
    const auto* asset = desk_.asset(s[1]);
    if (!asset) return desk_.not_found(call);
    auto response =
        http::make_response(request, http::Status::ok, asset->content_type, asset->bytes);
    // Small files whose URL does not change with them: revalidated on each use.
    response.set(field::field::cache_control, "no-cache");
    response.set("X-Content-Type-Options", "nosniff");
    return response;
  }

  auto token = http::cookie_value(request, http::kSessionCookie);
  if (!token.empty()) call.session = services_.sessions.find(token, call.now);

  if (!area && s.size() == 1 && s[0] == "login") {
    if (call.is_post) return sign_in(call);
    if (call.session) return desk_.see_other(call, "/newsroom/articles/");
    return login_form(call, http::Status::ok, "", "");
  }

  if (!call.session) {
    if (call.is_post) {
      if (!area && s.size() == 1 && s[0] == "logout")
        return desk_.see_other(call, "/newsroom/login");
      return login_form(call, http::Status::forbidden, "session_expired", "");
    }
    // Back here after signing in, when the way back fits in a Location (http/local_path.h).
    auto path = target.path;
    auto with_next = http::LocalPath::parse("/newsroom/login?next=" + http::percent_encode(path));
    return desk_.see_other(call,
                           with_next ? *with_next : http::LocalPath::checked("/newsroom/login"));
  }

  if (call.is_post) {
    // An area may take raw text (the Markdown preview), with the token in a header; every other
    // POST is a form carrying it in a field.
    std::string submitted;
    if (area && area->takes_raw_body(call)) {
      submitted = std::string(request["X-CSRF-Token"]);
    } else {
      auto parsed = http::parse_form(request[field::field::content_type], request.body());
      if (auto* error = std::get_if<http::FormError>(&parsed)) {
        spdlog::debug("newsroom form refused: {}", error->reason);
        return desk_.bad_request(call);
      }
      call.form = std::move(std::get<http::Form>(parsed));
      submitted = call.form.get("csrf");
    }
    if (!same_origin(request) || !auth::Sessions::csrf_matches(*call.session, submitted))
      return desk_.message(call, http::Status::forbidden, "forbidden_heading", "csrf_message");
  }

  if (area) return area->handle(call);
  if (s.empty()) return desk_.see_other(call, "/newsroom/articles/");
  if (s.size() == 1 && s[0] == "logout" && call.is_post) return sign_out(call);
  return desk_.not_found(call);
}

}  // namespace gazette::newsroom
