// Builders of the comments' template data (see comment_views.h and themes/default/README.md).
// Every key a template reads is set on every object: kainjow looks a missing key up in the
// enclosing objects, so a reply without a website would otherwise show its parent's.
#include "comments/web/comment_views.h"

#include "comments/comment_text.h"
#include "comments/web/comment_paths.h"
#include "site/paths.h"
#include "site/view_model.h"

namespace gazette::comments::web {

namespace {

constexpr const char* kFormFields[] = {"name", "email", "website", "comment"};

std::string form_value(const CommentForm& form, std::string_view field) {
  if (field == "name") return form.name;
  if (field == "email") return form.email;
  if (field == "website") return form.website;
  return form.comment;
}

}  // namespace

std::string counted_text(const site::PageContext& context, std::string_view key, std::int64_t n) {
  auto text = context.theme.text(context.settings.language, key);
  if (auto at = text.find("{n}"); at != std::string::npos) text.replace(at, 3, std::to_string(n));
  return text;
}

theme::View comment_view(const site::PageContext& context, const CommentNode& node,
                         const content::CommentedArticle& article, const NodeOptions& options) {
  const auto& comment = node.comment;
  theme::View view;
  auto anchor = comment_anchor(comment.id);
  view.set("id", std::to_string(comment.id.value));
  view.set("anchor", anchor);
  view.set("name", comment.author_name);
  view.set("has_website", !comment.author_url.empty());
  view.set("website", comment.author_url);
  view.set("staff", comment.by_staff);
  view.set("pending", options.show_status && comment.status != content::CommentStatus::approved);
  view.set("avatar_url", avatar_path(comment.avatar_key));
  view.set("permalink", site::article_path(article.section_slug, article.slug) + "#" + anchor);
  view.set("date_iso", context.dates.iso8601(comment.created_at));
  view.set("date_text", context.dates.long_date(comment.created_at));
  // Our own rendering: every byte the reader wrote is escaped; only <p>, <br> and the links the
  // linkifier made are markup.
  view.set("body_html", context.typeset_html(body_html(comment.body)));
  view.set("can_reply", options.can_reply);
  view.set("reply_url", reply_path(comment.id));
  theme::View replies{theme::View::type::list};
  for (const auto& reply : node.replies)
    replies.push_back(comment_view(context, reply, article, options));
  view.set("has_replies", !node.replies.empty());
  view.set("replies", replies);
  return view;
}

theme::View form_view(const site::PageContext& /*context*/,
                      const content::CommentedArticle& article, const FormState& state) {
  theme::View view;
  view.set("action_url", site::comments_path(article.section_slug, article.slug));
  view.set("token_url", form_token_path());
  view.set("token", state.token);
  view.set("has_error", !state.error.empty());
  view.set("error", state.error);
  theme::View fields;
  for (const char* field : kFormFields) {
    theme::View item;
    item.set("value", valid_utf8(form_value(state.values, field)));
    auto error = state.field_errors.find(field);
    item.set("has_error", error != state.field_errors.end());
    item.set("error", error != state.field_errors.end() ? error->second : std::string());
    fields.set(field, item);
  }
  view.set("fields", fields);
  view.set("replying", state.replying_to.has_value());
  view.set("parent_id",
           state.replying_to ? std::to_string(state.replying_to->id.value) : std::string());
  view.set("reply_to_name", state.replying_to ? state.replying_to->author_name : std::string());
  view.set("cancel_url", site::article_path(article.section_slug, article.slug) + "#comments");
  return view;
}

std::string render_form_page(const site::PageContext& context,
                             const content::CommentedArticle& article, const FormState& state,
                             bool open) {
  const auto& language = context.settings.language;
  auto heading = context.theme.text(
      language, state.replying_to ? "comment_reply_heading" : "comment_form_heading");
  site::PageFrame frame{context.settings, context.sections, article.section_slug, heading, "", ""};
  auto view = site::frame_view(frame);
  view.set("heading", heading);
  view.set("article_title", article.title);
  view.set("article_url", site::article_path(article.section_slug, article.slug));
  view.set("open", open);
  view.set("has_parent", state.replying_to.has_value());
  if (state.replying_to) {
    view.set("parent", comment_view(context, {*state.replying_to, 0, {}}, article, {}));
  }
  view.set("form", form_view(context, article, state));
  return context.theme.render_page("comment_form_page", std::move(view), language);
}

}  // namespace gazette::comments::web
