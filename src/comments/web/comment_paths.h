// The URLs of the comments feature, in one place. The article's own form posts to
// /{section}/{slug}/comments (site/paths.h); the rest lives under /comments/, none of it cached
// but the avatars.
#pragma once

#include <string>
#include <string_view>

#include "content/comment.h"

namespace gazette::comments::web {

/// Every path of comments/web/ but the form's own POST starts with this.
inline constexpr std::string_view kCommentsPrefix = "/comments/";

/// A fresh signed timestamp for the form (comments.js asks for it when a reader starts typing).
inline std::string form_token_path() {
  return std::string(kCommentsPrefix) + "form-token";
}

inline std::string avatar_path(std::string_view key) {
  return std::string(kCommentsPrefix) + "avatar/" + std::string(key) + ".svg";
}

/// The small page with the form to reply to comment `id` (works without JavaScript).
inline std::string reply_path(content::CommentId id) {
  return std::string(kCommentsPrefix) + std::to_string(id.value) + "/reply";
}

/// The page only the comment's writer was sent to: their comment, awaiting moderation or not.
inline std::string receipt_path(content::CommentId id, std::string_view key) {
  return std::string(kCommentsPrefix) + std::to_string(id.value) +
         "/received?key=" + std::string(key);
}

inline std::string comment_anchor(content::CommentId id) {
  return "comment-" + std::to_string(id.value);
}

}  // namespace gazette::comments::web
