// The desk every newsroom page is drawn on (see desk.h).
#include "newsroom/desk.h"

#include <algorithm>

#include "newsroom/newsroom_theme.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

namespace {

// Newsroom pages hold unpublished work and per-person forms: never stored by any cache, never
// framed, scripts and styles only from the newsroom itself.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

}  // namespace

Desk::Desk(comments::ModerationService& moderation)
    : moderation_(moderation), theme_(std::make_unique<NewsroomTheme>()) {}

Desk::~Desk() = default;

theme::View Desk::frame(const Call& call, std::string title) const {
  theme::View view;
  view.set("lang", call.language());
  view.set("title", std::move(title));
  view.set("site_title", call.settings.title);
  view.set("signed_in", call.session.has_value());
  if (call.session) {
    const auto& user = call.user();
    view.set("csrf", call.session->csrf_token);
    view.set("user_name", user.name);
    view.set("user_role", text(call, role_key(user.role)));
    view.set("can_manage_sections", auth::can(user.role, auth::Capability::manage_sections));
    view.set("can_manage_terms", auth::can(user.role, auth::Capability::manage_terms));
    view.set("can_manage_users", auth::can(user.role, auth::Capability::manage_users));
    view.set("can_manage_settings", auth::can(user.role, auth::Capability::manage_settings));
    view.set("can_see_newsletter", auth::can(user.role, auth::Capability::see_newsletter));
    bool moderates = auth::can(user.role, auth::Capability::moderate_comments);
    view.set("can_moderate", moderates);
    if (moderates) {
      auto counts = moderation_.counts();
      auto pending = counts[content::CommentStatus::pending];
      view.set("has_pending_comments", pending > 0);
      view.set("pending_comments", std::to_string(pending));
    }
  }
  // Notices come back through a redirect as a key of our own catalog, never as text.
  auto notice = call.query.get("notice");
  static constexpr std::string_view kNotices[] = {"saved_notice",
                                                  "submitted_notice",
                                                  "published_notice",
                                                  "scheduled_notice",
                                                  "unpublished_notice",
                                                  "deleted_notice",
                                                  "restored_notice",
                                                  "settings_saved",
                                                  "section_saved",
                                                  "role_changed",
                                                  "profile_saved",
                                                  "signed_out",
                                                  "comments_approved_done",
                                                  "comments_held",
                                                  "comments_spammed",
                                                  "comments_trashed",
                                                  "comments_deleted",
                                                  "comment_saved",
                                                  "comment_replied",
                                                  "comments_erased",
                                                  "comment_settings_saved",
                                                  "article_comments_closed",
                                                  "article_comments_opened",
                                                  "label_saved",
                                                  "label_merged",
                                                  "label_deleted",
                                                  "live_posted",
                                                  "live_entry_saved",
                                                  "live_entry_deleted",
                                                  "live_entry_pinned",
                                                  "live_entry_unpinned",
                                                  "live_ended_notice",
                                                  "library_saved_notice",
                                                  "library_deleted_notice"};
  bool known = std::find(std::begin(kNotices), std::end(kNotices), notice) != std::end(kNotices);
  view.set("has_notice", known);
  if (known) view.set("notice", text(call, notice));
  return view;
}

http::Response Desk::page(const Call& call, http::Status status, std::string_view name,
                          theme::View view) const {
  auto html = theme_->render(name, std::move(view), call.language());
  auto response =
      http::make_response(call.request, status, "text/html; charset=utf-8", std::move(html));
  response.set(field::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("Referrer-Policy", "same-origin");
  response.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

http::Response Desk::message(const Call& call, http::Status status, std::string_view heading_key,
                             std::string_view message_key) const {
  auto view = frame(call, text(call, heading_key));
  view.set("heading", text(call, heading_key));
  view.set("message", text(call, message_key));
  return page(call, status, "message", view);
}

http::Response Desk::forbidden(const Call& call) const {
  return message(call, http::Status::forbidden, "forbidden_heading", "forbidden_message");
}

http::Response Desk::not_found(const Call& call) const {
  return message(call, http::Status::not_found, "not_found_heading", "not_found_message");
}

http::Response Desk::bad_request(const Call& call) const {
  return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
}

http::Response Desk::see_other(const Call& call, const std::string& location) const {
  return see_other(call, http::LocalPath::checked(location));
}

http::Response Desk::see_other(const Call& call, const http::LocalPath& location) const {
  auto response = http::make_redirect(call.request, location, http::Status::see_other);
  response.set(field::field::cache_control, "no-store");
  return response;
}

std::string Desk::text(const Call& call, std::string_view key) const {
  return theme_->text(call.language(), key);
}

const NewsroomAsset* Desk::asset(std::string_view name) const {
  return theme_->asset(name);
}

}  // namespace gazette::newsroom
