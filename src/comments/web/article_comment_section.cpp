// The article page's comments and the form's POST (see article_comment_section.h).
#include "comments/web/article_comment_section.h"

#include "comments/comment_text.h"
#include "comments/spam_defences.h"
#include "comments/web/comment_paths.h"
#include "comments/web/comment_views.h"
#include "comments/web/private_response.h"
#include "http/form.h"
#include "site/paths.h"
#include "site/responses.h"

namespace gazette::comments::web {

namespace {

using field = http::beast_http::field;

// Enough to tell browsers apart in the moderation screen; longer ones are padding.
constexpr std::size_t kMaxUserAgentBytes = 512;
// A rate-limited reader may try again once the hour's window has moved on.
constexpr std::string_view kRetryAfterSeconds = "3600";

http::Status refusal_status(Refusal reason) {
  switch (reason) {
    case Refusal::no_article:
      return http::Status::not_found;
    case Refusal::closed:
      return http::Status::forbidden;
    case Refusal::rate_limited:
      return http::Status::too_many_requests;
    case Refusal::duplicate:
      return http::Status::conflict;
    default:
      return http::Status::unprocessable_entity;
  }
}

}  // namespace

theme::View ArticleCommentSection::article_view(const site::PageContext& context,
                                                const content::Article& article) {
  const auto& summary = article.summary;
  theme::View view;
  view.set("action_url", site::comments_path(summary.section.slug, summary.slug));
  auto commented = service_.find_article(summary.id);
  if (!commented) {
    view.set("open", false);
    view.set("has_comments", false);
    return view;
  }
  auto comments = service_.article_comments(*commented, clock_.now());
  if (comments.closes_at) context.changes_at(*comments.closes_at);
  view.set("open", comments.open);
  view.set("has_comments", comments.count > 0);
  view.set("count", std::to_string(comments.count));
  view.set("count_text",
           counted_text(context, comments.count == 1 ? "comment_count_one" : "comment_count_many",
                        static_cast<std::int64_t>(comments.count)));
  theme::View thread{theme::View::type::list};
  for (const auto& node : comments.thread)
    thread.push_back(comment_view(context, node, *commented, {.can_reply = comments.open}));
  view.set("thread", thread);
  // No signed timestamp here: the page is cached, so comments.js fetches one when the reader
  // starts writing (and without JavaScript the server asks to confirm; see README).
  view.set("form", form_view(context, *commented, {}));
  return view;
}

http::Response ArticleCommentSection::post(const http::Request& request,
                                           const site::PageContext& context,
                                           std::string_view section, std::string_view slug) {
  if (!http::is_urlencoded_form(request[field::content_type]))
    return site::message_response(request, context, http::Status::unsupported_media_type,
                                  "comment_bad_form", "comment_bad_form_message");
  auto fields = http::parse_urlencoded(request.body());
  CommentForm form{.name = fields.get("name"),
                   .email = fields.get("email"),
                   .website = fields.get("website"),
                   .comment = fields.get("comment"),
                   .parent_id = fields.get("parent_id"),
                   .form_token = fields.get("form_token"),
                   .honeypot = fields.get("homepage")};
  auto settings = service_.settings();
  Visitor visitor{
      client_address(request[http::kPeerAddressHeader], request["X-Forwarded-For"],
                     settings.trust_forwarded_for),
      valid_utf8(std::string_view(request[field::user_agent]).substr(0, kMaxUserAgentBytes))};
  auto at = clock_.now();
  auto result = service_.post(section, slug, form, visitor, at);

  if (auto* accepted = std::get_if<PostAccepted>(&result)) {
    const auto& comment = accepted->comment;
    if (comment.status == content::CommentStatus::approved)
      return see_other(request,
                       site::article_path(section, slug) + "#" + comment_anchor(comment.id));
    return see_other(request, receipt_path(comment.id, service_.receipt_key(comment.id)));
  }

  const auto& refused = std::get<PostRefused>(result);
  if (on_refused_) on_refused_(refused.reason);
  if (refused.reason == Refusal::no_article)
    return site::message_response(request, context, http::Status::not_found, "not_found",
                                  "not_found_message");
  auto article = service_.find_article(section, slug);
  if (!article)
    return site::message_response(request, context, http::Status::not_found, "not_found",
                                  "not_found_message");

  FormState state;
  state.values = form;
  state.token = service_.form_token(at);
  const auto& language = context.settings.language;
  if (refused.reason == Refusal::invalid_fields) {
    state.error = context.theme.text(language, "comment_error_invalid_fields");
    for (const auto& error : refused.fields) {
      auto key = "comment_field_" + std::string(to_string(error.problem));
      state.field_errors[error.field] =
          counted_text(context, key, static_cast<std::int64_t>(error.limit));
    }
  } else {
    state.error = counted_text(context, "comment_error_" + std::string(to_string(refused.reason)),
                               refused.limit);
  }
  // The comment replied to, when it is still there, so the page says what this answers.
  if (!form.parent_id.empty() && !state.field_errors.contains("parent_id")) {
    try {
      if (auto parent = service_.find_comment({std::stoll(form.parent_id)});
          parent && parent->status == content::CommentStatus::approved &&
          parent->article == article->id)
        state.replying_to = std::move(parent);
    } catch (const std::exception&) {
    }
  }
  if (state.field_errors.contains("parent_id")) state.values.parent_id.clear();

  // Even when comments are closed the form comes back, with the message: the reader's text is in
  // it, to keep.
  auto response = private_html(request, refusal_status(refused.reason),
                               render_form_page(context, *article, state, /*open=*/true));
  if (refused.reason == Refusal::rate_limited) response.set(field::retry_after, kRetryAfterSeconds);
  return response;
}

}  // namespace gazette::comments::web
