// The newsroom's front door: routing, the session and CSRF gate every page passes, the headers
// every newsroom response carries, and the helpers the pages share (see newsroom.h).
#include "newsroom/newsroom.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "http/percent_encoding.h"
#include "newsroom/call.h"
#include "newsroom/newsroom_theme.h"
#include "render/markdown.h"
#include "render/text.h"
#include "site/target.h"

namespace gazette::newsroom {

namespace field = http::beast_http;

namespace {

// Newsroom pages hold unpublished work and per-person forms: never stored by any cache, never
// framed, scripts and styles only from the newsroom itself.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

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

Newsroom::Newsroom(NewsroomServices services)
    : services_(services), theme_(std::make_unique<NewsroomTheme>()) {}

Newsroom::~Newsroom() = default;

http::Response Newsroom::handle(const http::Request& request) {
  try {
    auto target = site::parse_target(request.target());
    Call call{request,      {}, parse_urlencoded(target.query), {},
              std::nullopt, {}, services_.clock.now(),          false,
              false};
    for (std::size_t i = 1; i < target.segments.size(); ++i)
      call.segments.emplace_back(target.segments[i]);
    call.is_post = request.method() == field::verb::post;
    call.secure = request["X-Forwarded-Proto"] == "https";
    call.settings = services_.store.settings();
    return route(call);
  } catch (const std::exception& error) {
    spdlog::error("{} {}: {}", std::string(request.method_string()), std::string(request.target()),
                  error.what());
    auto response = http::make_response(request, http::Status::internal_server_error,
                                        "text/plain; charset=utf-8", "Internal error\n");
    response.set(field::field::cache_control, "no-store");
    return response;
  }
}

http::Response Newsroom::route(Call& call) {
  const auto& request = call.request;
  const auto& s = call.segments;
  bool is_read = request.method() == field::verb::get || request.method() == field::verb::head;
  if (!is_read && !call.is_post) {
    auto response = message(call, http::Status::method_not_allowed, "bad_request_heading",
                            "bad_request_message");
    response.set(field::field::allow, "GET, HEAD, POST");
    return response;
  }

  if (is_read && s.size() == 2 && s[0] == "assets") {
    const auto* asset = theme_->asset(s[1]);
    if (!asset) return not_found(call);
    auto response =
        http::make_response(request, http::Status::ok, asset->content_type, asset->bytes);
    // Small files whose URL does not change with them: revalidated on each use.
    response.set(field::field::cache_control, "no-cache");
    response.set("X-Content-Type-Options", "nosniff");
    return response;
  }

  auto token = cookie_value(request, kSessionCookie);
  if (!token.empty()) call.session = services_.sessions.find(token, call.now);

  if (s.size() == 1 && s[0] == "login") {
    if (call.is_post) return sign_in(call);
    if (call.session) return see_other(call, "/newsroom/articles/");
    return login_form(call, http::Status::ok, "", "");
  }

  if (!call.session) {
    if (call.is_post) {
      if (s.size() == 1 && s[0] == "logout") return see_other(call, "/newsroom/login");
      return login_form(call, http::Status::forbidden, "session_expired", "");
    }
    // Back here after signing in, when the way back fits in a Location (http/local_path.h).
    auto path = site::parse_target(request.target()).path;
    auto with_next = http::LocalPath::parse("/newsroom/login?next=" + http::percent_encode(path));
    return see_other(call, with_next ? *with_next : http::LocalPath::checked("/newsroom/login"));
  }

  if (call.is_post) {
    // The Markdown preview posts raw text, with the token in a header; every other POST is a
    // form carrying it in a field.
    std::string submitted;
    bool raw_body = s.size() == 1 && s[0] == "markdown-preview";
    if (raw_body) {
      submitted = std::string(request["X-CSRF-Token"]);
    } else {
      auto parsed = parse_form(request[field::field::content_type], request.body());
      if (auto* error = std::get_if<FormError>(&parsed)) {
        spdlog::debug("newsroom form refused: {}", error->reason);
        return message(call, http::Status::bad_request, "bad_request_heading",
                       "bad_request_message");
      }
      call.form = std::move(std::get<Form>(parsed));
      submitted = call.form.get("csrf");
    }
    if (!same_origin(request) || !auth::Sessions::csrf_matches(*call.session, submitted))
      return message(call, http::Status::forbidden, "forbidden_heading", "csrf_message");
  }

  if (s.empty()) return see_other(call, "/newsroom/articles/");
  const auto& first = s[0];
  if (first == "logout" && call.is_post && s.size() == 1) return sign_out(call);
  if (first == "markdown-preview" && call.is_post && s.size() == 1) return markdown_preview(call);
  if (first == "tags" && is_read && s.size() == 1) return tag_suggestions(call);
  if (first == "users") {
    if (s.size() == 1) return users_page(call);
    if (s.size() == 3 && s[2] == "role" && call.is_post) {
      if (auto id = parse_id(s[1])) return change_role(call, *id);
    }
    return not_found(call);
  }
  if (first == "sections" && s.size() == 1) return sections_page(call);
  if (first == "settings" && s.size() == 1) return settings_page(call);
  if (first == "comments") return comments_route(call);
  if (first == "terms" && s.size() == 2 && s[1] == "tags")
    return labels_page(call, store::LabelKind::tag);
  if (first == "terms" && s.size() == 2 && s[1] == "categories")
    return labels_page(call, store::LabelKind::category);
  if (first == "profile" && s.size() == 1 && is_read)
    return see_other(call, "/newsroom/authors/" + call.user().author_slug);
  if (first == "authors" && s.size() == 2 && site::is_slug(s[1])) return author_profile(call, s[1]);
  if (first != "articles") return not_found(call);

  if (s.size() == 1 && is_read) return article_list(call);
  if (s.size() == 2 && s[1] == "new")
    return call.is_post ? save_article(call, std::nullopt) : editor(call, std::nullopt);
  auto id = s.size() >= 2 ? parse_id(s[1]) : std::nullopt;
  if (!id) return not_found(call);
  content::ArticleId article{*id};
  if (s.size() == 2) return call.is_post ? save_article(call, article) : editor(call, article);
  if (s.size() == 3 && s[2] == "preview" && is_read) return preview(call, article);
  if (s.size() == 3 && s[2] == "delete" && call.is_post) return delete_article(call, article);
  if (s.size() >= 3 && s[2] == "revisions") {
    if (s.size() == 3 && is_read) return revision_list(call, article);
    if (s.size() == 4 && s[3] == "compare" && is_read) return revision_compare(call, article);
    auto revision = s.size() >= 4 ? parse_id(s[3]) : std::nullopt;
    if (revision && s.size() == 4 && is_read) return revision_view(call, article, *revision);
    if (revision && s.size() == 5 && s[4] == "restore" && call.is_post)
      return restore_revision(call, article, *revision);
  }
  return not_found(call);
}

theme::View Newsroom::frame(const Call& call, std::string title) const {
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
    bool moderates = auth::can(user.role, auth::Capability::moderate_comments);
    view.set("can_moderate", moderates);
    if (moderates) {
      auto counts = services_.moderation.counts();
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
                                                  "label_deleted"};
  bool known = std::find(std::begin(kNotices), std::end(kNotices), notice) != std::end(kNotices);
  view.set("has_notice", known);
  if (known) view.set("notice", text(call, notice));
  return view;
}

http::Response Newsroom::page(const Call& call, http::Status status, std::string_view name,
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

http::Response Newsroom::message(const Call& call, http::Status status,
                                 std::string_view heading_key, std::string_view message_key) const {
  auto view = frame(call, text(call, heading_key));
  view.set("heading", text(call, heading_key));
  view.set("message", text(call, message_key));
  return page(call, status, "message", view);
}

http::Response Newsroom::forbidden(const Call& call) const {
  return message(call, http::Status::forbidden, "forbidden_heading", "forbidden_message");
}

http::Response Newsroom::not_found(const Call& call) const {
  return message(call, http::Status::not_found, "not_found_heading", "not_found_message");
}

http::Response Newsroom::see_other(const Call& call, const std::string& location) const {
  return see_other(call, http::LocalPath::checked(location));
}

http::Response Newsroom::see_other(const Call& call, const http::LocalPath& location) const {
  auto response = http::make_redirect(call.request, location, http::Status::see_other);
  response.set(field::field::cache_control, "no-store");
  return response;
}

std::string Newsroom::text(const Call& call, std::string_view key) const {
  return theme_->text(call.language(), key);
}

// Helpers shared by the pages (declared in call.h).

std::string cookie_value(const http::Request& request, std::string_view name) {
  auto [first, last] = request.equal_range(field::field::cookie);
  for (auto header = first; header != last; ++header) {
    std::string_view rest = header->value();
    while (!rest.empty()) {
      auto semicolon = rest.find(';');
      auto pair = render::trim(rest.substr(0, semicolon));
      auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name)
        return std::string(pair.substr(equals + 1));
      if (semicolon == std::string_view::npos) break;
      rest.remove_prefix(semicolon + 1);
    }
  }
  return "";
}

theme::View options_view(const std::vector<std::pair<std::string, std::string>>& options,
                         std::string_view selected) {
  theme::View list{theme::View::type::list};
  for (const auto& [value, label] : options) {
    theme::View option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", value == selected);
    list.push_back(option);
  }
  return list;
}

theme::View errors_view(const std::vector<FieldError>& errors,
                        const std::function<std::string(std::string_view)>& text) {
  theme::View list{theme::View::type::list};
  for (const auto& error : errors) {
    theme::View item;
    item.set("field", error.field);
    item.set("label", text(error.label_key));
    item.set("reason", text(error.reason_key));
    list.push_back(item);
  }
  return list;
}

std::string local_input_value(content::Timestamp instant, const render::DateFormatter& dates) {
  return dates.iso8601(instant).substr(0, 16);  // "2024-12-08T06:00" of "…T06:00:00+01:00"
}

std::string local_display(content::Timestamp instant, const render::DateFormatter& dates) {
  auto value = local_input_value(instant, dates);
  if (value.size() > 10) value[10] = ' ';
  return value;
}

bool acceptable_text(std::string_view text, std::size_t max_bytes) {
  return text.size() <= max_bytes && !render::find_invalid_utf8(text);
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto name = render::trim(text.substr(0, comma));
    if (!name.empty()) names.emplace_back(name);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return names;
}

std::string join_names(const std::vector<content::Term>& terms) {
  std::string joined;
  for (const auto& term : terms) joined += (joined.empty() ? "" : ", ") + term.name;
  return joined;
}

std::string body_html_for(std::string_view markdown, std::string_view lead) {
  auto taken = render::render_article(markdown, true);
  if (!lead.empty() && taken.lead == lead) return taken.body_html;
  return render::render_article(markdown, false).body_html;
}

std::string status_key(content::ArticleStatus status) {
  return "status_" + std::string(content::to_string(status));
}

std::string role_key(content::Role role) {
  return "role_" + std::string(content::to_string(role));
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace gazette::newsroom
