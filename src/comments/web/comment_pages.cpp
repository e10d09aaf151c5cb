// The /comments/ pages (see comment_pages.h).
#include "comments/web/comment_pages.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "comments/avatar.h"
#include "comments/web/comment_paths.h"
#include "comments/web/comment_views.h"
#include "comments/web/private_response.h"
#include "http/form.h"
#include "site/paths.h"
#include "site/responses.h"
#include "site/target.h"
#include "site/view_model.h"

namespace gazette::comments::web {

namespace {

using field = http::beast_http::field;

// An avatar depends on its key alone, so its URL never changes meaning: cache it for a year.
constexpr std::string_view kAvatarCacheControl = "public, max-age=31536000, immutable";
// An SVG opened on its own is a document: it may run nothing and load nothing.
constexpr std::string_view kAvatarSecurityPolicy = "default-src 'none'";

std::optional<content::CommentId> parse_id(std::string_view text) {
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text[0] == '0')
    return std::nullopt;
  return content::CommentId{id};
}

}  // namespace

http::Response CommentPages::handle(const http::Request& request) {
  auto target = site::parse_target(request.target());
  const auto& segments = target.segments;  // {"comments", …}
  auto context = pages_.context();
  bool is_read = request.method() == http::beast_http::verb::get ||
                 request.method() == http::beast_http::verb::head;
  if (!is_read) {
    auto response = site::message_response(request, context, http::Status::method_not_allowed,
                                           "method_not_allowed", "method_not_allowed_message");
    response.set(field::allow, "GET, HEAD");
    return response;
  }
  if (segments.size() == 2 && segments[1] == "form-token") return form_token(request);
  if (segments.size() == 3 && segments[1] == "avatar" && segments[2].ends_with(".svg")) {
    auto key = segments[2].substr(0, segments[2].size() - 4);
    if (auto svg = identicon_svg(key)) {
      auto response = http::make_response(request, http::Status::ok, "image/svg+xml", *svg);
      response.set(field::cache_control, kAvatarCacheControl);
      response.set("Content-Security-Policy", kAvatarSecurityPolicy);
      response.set("X-Content-Type-Options", "nosniff");
      return response;
    }
  }
  if (segments.size() == 3 && !target.trailing_slash) {
    if (auto id = parse_id(segments[1])) {
      if (segments[2] == "reply") return reply_page(request, context, *id);
      if (segments[2] == "received") {
        auto query = http::parse_urlencoded(target.query).fields;
        auto key = query.find("key");
        if (key != query.end()) return receipt_page(request, context, *id, key->second);
      }
    }
  }
  return site::message_response(request, context, http::Status::not_found, "not_found",
                                "not_found_message");
}

http::Response CommentPages::form_token(const http::Request& request) {
  auto response = http::make_response(request, http::Status::ok, "text/plain; charset=utf-8",
                                      service_.form_token(clock_.now()));
  response.set(field::cache_control, "private, no-store");
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

http::Response CommentPages::reply_page(const http::Request& request,
                                        const site::PageContext& context, content::CommentId id) {
  auto not_found = [&] {
    return site::message_response(request, context, http::Status::not_found, "not_found",
                                  "not_found_message");
  };
  auto comment = service_.find_comment(id);
  if (!comment || comment->status != content::CommentStatus::approved) return not_found();
  auto stored = service_.find_article(comment->article);
  if (!stored) return not_found();
  // Only a published article's comments can be answered.
  auto article = service_.find_article(stored->section_slug, stored->slug);
  if (!article) return not_found();
  auto at = clock_.now();
  FormState state;
  state.token = service_.form_token(at);
  state.values.parent_id = std::to_string(id.value);
  state.replying_to = std::move(comment);
  bool open = comments_open(*article, service_.settings(), at);
  return private_html(request, http::Status::ok, render_form_page(context, *article, state, open));
}

http::Response CommentPages::receipt_page(const http::Request& request,
                                          const site::PageContext& context, content::CommentId id,
                                          std::string_view key) {
  auto comment = service_.find_comment(id);
  auto article = comment ? service_.find_article(comment->article) : std::nullopt;
  // A wrong key and a comment since deleted or trashed look the same: there is nothing to see.
  if (!service_.is_receipt_key(id, key) || !comment || !article ||
      comment->status == content::CommentStatus::trash)
    return site::message_response(request, context, http::Status::not_found, "not_found",
                                  "not_found_message");
  const auto& language = context.settings.language;
  bool published = comment->status == content::CommentStatus::approved;
  auto heading = context.theme.text(language, "comment_received_heading");
  site::PageFrame frame{context.settings, context.sections, article->section_slug, heading, "", ""};
  auto view = site::frame_view(frame);
  view.set("heading", heading);
  view.set("message", context.theme.text(language, published ? "comment_received_published"
                                                             : "comment_received_pending"));
  view.set("comment", comment_view(context, {*comment, 0, {}}, *article, {.show_status = true}));
  view.set("article_title", article->title);
  view.set("article_url", published ? site::article_path(article->section_slug, article->slug) +
                                          "#" + comment_anchor(id)
                                    : site::article_path(article->section_slug, article->slug));
  return private_html(request, http::Status::ok,
                      context.theme.render_page("comment_received", std::move(view), language));
}

}  // namespace gazette::comments::web
