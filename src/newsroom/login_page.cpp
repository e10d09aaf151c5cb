// Signing in and out at /newsroom/login and /newsroom/logout. The sign-in form is protected
// like every other form: a token in a short-lived cookie of its own must come back in the form
// (there is no session yet to hold it).
#include <sodium.h>

#include "auth/passwords.h"
#include "http/cookies.h"
#include "newsroom/newsroom.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

namespace {

constexpr std::string_view kLoginCookie = "gazette_login";
// Long enough to type a password after a coffee; a stale form just shows a new one.
constexpr int kLoginFormSeconds = 3600;

std::string cookie_attributes(const Call& call, std::string_view path, long max_age,
                              std::string_view same_site) {
  return "; Path=" + std::string(path) + "; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=" + std::string(same_site) + (call.secure ? "; Secure" : "");
}

// Where a signed-in editor lands when the form names no page to go back to, or one refused.
constexpr std::string_view kDefaultNext = "/newsroom/articles/";

// The page to go to after sign-in: `next` when it is a newsroom page other than the login form
// and a local path (http/local_path.h: one leading '/', no control character — a CR/LF could add
// the attacker's own header, a Set-Cookie —, no backslash, bounded); otherwise the default.
// Never another site ("//evil", "/\evil"), never an error: the sign-in's answer is decided
// before the session is opened.
http::LocalPath after_sign_in(std::string_view next) {
  auto path = http::LocalPath::parse(next);
  if (!path || !next.starts_with("/newsroom/") || next.find("//") != std::string_view::npos ||
      next.starts_with("/newsroom/login"))
    return http::LocalPath::checked(kDefaultNext);
  return *path;
}

}  // namespace

http::Response Newsroom::login_form(Call& call, http::Status status, std::string_view error_key,
                                    std::string_view email) {
  auto token = auth::random_token(32);
  auto view = desk_.frame(call, desk_.text(call, "sign_in"));
  view.set("login_token", token);
  view.set("next",
           after_sign_in(call.is_post ? call.form.get("next") : call.query.get("next")).text());
  view.set("email", std::string(email));
  view.set("has_error", !error_key.empty());
  if (!error_key.empty()) view.set("error", desk_.text(call, error_key));
  auto response = desk_.page(call, status, "login", view);
  response.set(field::field::set_cookie,
               std::string(kLoginCookie) + "=" + token +
                   cookie_attributes(call, "/newsroom/login", kLoginFormSeconds, "Strict"));
  return response;
}

http::Response Newsroom::sign_in(Call& call) {
  auto parsed = http::parse_form(call.request[field::field::content_type], call.request.body());
  if (auto* form = std::get_if<http::Form>(&parsed)) call.form = std::move(*form);
  auto email = call.form.get("email");
  auto submitted = call.form.get("csrf");
  auto expected = http::cookie_value(call.request, kLoginCookie);
  if (expected.empty() || submitted.size() != expected.size() ||
      sodium_memcmp(submitted.data(), expected.data(), expected.size()) != 0)
    return login_form(call, http::Status::forbidden, "csrf_message", email);

  // Decided before the attempt: once the session is opened, nothing may fail.
  auto next = after_sign_in(call.form.get("next"));
  auto address = std::string(call.request[http::kPeerAddressHeader]);
  auto result = services_.sign_in.attempt(email, call.form.get("password"), address, call.now);
  if (auto* refusal = std::get_if<auth::SignInRefusal>(&result)) {
    bool limited = *refusal == auth::SignInRefusal::too_many_attempts;
    return login_form(call, limited ? http::Status::too_many_requests : http::Status::unauthorized,
                      limited ? "too_many_attempts" : "wrong_credentials", email);
  }
  const auto& opened = std::get<auth::OpenedSession>(result);
  auto response = desk_.see_other(call, next);
  response.set(field::field::set_cookie,
               std::string(http::kSessionCookie) + "=" + opened.token +
                   cookie_attributes(call, "/newsroom",
                                     static_cast<long>(auth::kSessionLifetime.count()), "Lax"));
  return response;
}

http::Response Newsroom::sign_out(Call& call) {
  auto token = http::cookie_value(call.request, http::kSessionCookie);
  services_.sessions.close(token);
  auto response = desk_.see_other(call, "/newsroom/login?notice=signed_out");
  response.set(field::field::set_cookie, std::string(http::kSessionCookie) + "=" +
                                             cookie_attributes(call, "/newsroom", 0, "Lax"));
  return response;
}

}  // namespace gazette::newsroom
