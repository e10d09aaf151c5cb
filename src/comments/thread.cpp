// Threading of approved comments (see thread.h).
#include "comments/thread.h"

#include <map>
#include <set>

namespace gazette::comments {

namespace {

using Children = std::map<std::int64_t, std::vector<const content::Comment*>>;

// Adds `comment` and its replies to `level` at `depth`; replies beyond kMaxReplyDepth are added
// to `level` too, right after their parent.
void place(const content::Comment& comment, int depth, const Children& children,
           std::vector<CommentNode>& level) {
  level.push_back({comment, depth, {}});
  auto found = children.find(comment.id.value);
  if (found == children.end()) return;
  if (depth < kMaxReplyDepth) {
    std::vector<CommentNode> replies;
    for (const auto* reply : found->second) place(*reply, depth + 1, children, replies);
    level.back().replies = std::move(replies);
  } else {
    for (const auto* reply : found->second) place(*reply, depth, children, level);
  }
}

}  // namespace

std::vector<CommentNode> build_thread(std::vector<content::Comment> approved) {
  std::set<std::int64_t> shown;
  for (const auto& comment : approved) shown.insert(comment.id.value);
  Children children;
  std::vector<const content::Comment*> roots;
  for (const auto& comment : approved) {
    if (comment.parent && shown.contains(comment.parent->value) &&
        comment.parent->value != comment.id.value)
      children[comment.parent->value].push_back(&comment);
    else
      roots.push_back(&comment);
  }
  std::vector<CommentNode> thread;
  for (const auto* root : roots) place(*root, 0, children, thread);
  return thread;
}

}  // namespace gazette::comments
