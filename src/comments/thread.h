// A conversation as readers see it: approved comments arranged under the ones they reply to, a
// few levels deep.
#pragma once

#include <vector>

#include "content/comment.h"

namespace gazette::comments {

/// Replies nest this many levels under a comment; deeper replies sit beside their parent, so a
/// long exchange stays readable on a phone.
inline constexpr int kMaxReplyDepth = 3;

struct CommentNode {
  content::Comment comment;
  int depth = 0;  // 0 for a comment on the article
  std::vector<CommentNode> replies;
};

/// The approved comments of one article (oldest first) as a thread. A reply whose parent is not
/// shown (held, spam, trash) appears as a comment on the article.
std::vector<CommentNode> build_thread(std::vector<content::Comment> approved);

}  // namespace gazette::comments
