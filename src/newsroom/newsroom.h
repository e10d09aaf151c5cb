// The newsroom's front door at /newsroom/: every request passes here first — the session, the
// CSRF check of every POST, the method check — before the area that answers it (area.h:
// articles, labels, comments, accounts, settings, profiles), registered on the router behind
// it. The door itself answers sign-in and sign-out, the newsroom's static files, and what no
// area claims. Its pages are never cached and never shown to readers: the session cookie's
// path is /newsroom (http/cookies.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "content/clock.h"
#include "http/answer.h"
#include "http/message.h"
#include "newsroom/area.h"
#include "newsroom/call.h"
#include "newsroom/desk.h"
#include "publishing/settings_service.h"

namespace gazette::newsroom {

/// The largest request body the newsroom accepts on its upload pages (the editor, author
/// profiles): a 25 MB photo (content::kMaxImageBytes) and the rest of the form.
constexpr std::uint64_t kMaxUploadRequestBytes = 26 * 1024 * 1024;
/// The path prefixes whose forms carry photos (the site logo too), given that limit at start-up.
inline constexpr std::string_view kUploadPrefixes[] = {"/newsroom/articles/", "/newsroom/authors/",
                                                       "/newsroom/settings", "/newsroom/library/",
                                                       "/newsroom/live/"};

/// What the front door works with.
struct FrontDoorServices {
  auth::Sessions& sessions;
  auth::SignIn& sign_in;
  publishing::SettingsService& settings;  // the site's language and time zone, for every page
  const content::Clock& clock;
};

class Newsroom {
 public:
  Newsroom(FrontDoorServices services, const Desk& desk) : services_(services), desk_(desk) {}
  Newsroom(const Newsroom&) = delete;
  Newsroom& operator=(const Newsroom&) = delete;

  /// Answers what no area claims: /newsroom/login, /newsroom/logout, the static files, and a
  /// 404 for anything else.
  http::Response handle(const http::Request& request) { return serve(request, nullptr); }
  /// The handler to register for `area`'s paths: this door, then `area`.
  http::Handler door(Area& area) {
    return [this, &area](const http::Request& request) -> http::Answer {
      return serve(request, &area);
    };
  }

 private:
  http::Response serve(const http::Request& request, Area* area);

  // Signing in and out (login_page.cpp).
  http::Response login_form(Call& call, http::Status status, std::string_view error_key,
                            std::string_view email);
  http::Response sign_in(Call& call);
  http::Response sign_out(Call& call);

  FrontDoorServices services_;
  const Desk& desk_;
};

}  // namespace gazette::newsroom
