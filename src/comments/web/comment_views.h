// Template data of the comments feature: a comment and its replies, the thread of an article,
// the comment form (empty, or refused and shown again), and the pages that carry them.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "comments/comment_form.h"
#include "comments/comment_service.h"
#include "site/pages.h"

namespace gazette::comments::web {

/// How a comment is shown: on its article (replies allowed when open), or to its writer alone.
struct NodeOptions {
  bool can_reply = false;
  bool show_status = false;  // "awaiting moderation" when not approved
};

theme::View comment_view(const site::PageContext& context, const CommentNode& node,
                         const content::CommentedArticle& article, const NodeOptions& options);

/// The form as shown: what the reader typed, a signed timestamp (or none: the cached article
/// page's form gets it from comments.js), and what is wrong, if anything.
struct FormState {
  CommentForm values;
  std::string token;
  std::string error;                                // the message above the form
  std::map<std::string, std::string> field_errors;  // by field name
  std::optional<content::Comment> replying_to;
};

theme::View form_view(const site::PageContext& context, const content::CommentedArticle& article,
                      const FormState& state);

/// The comment form alone on a page of its own (a reply, or a refused form shown again).
std::string render_form_page(const site::PageContext& context,
                             const content::CommentedArticle& article, const FormState& state,
                             bool open);

/// `key` of the site's language with "{n}" replaced by `n`.
std::string counted_text(const site::PageContext& context, std::string_view key, std::int64_t n);

}  // namespace gazette::comments::web
