// Unit tests for comments/thread: replies under their parents, a few levels deep.
#include "comments/thread.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

content::Comment make(std::int64_t id, std::optional<std::int64_t> parent = std::nullopt) {
  content::Comment comment;
  comment.id = content::CommentId{id};
  if (parent) comment.parent = content::CommentId{*parent};
  comment.status = content::CommentStatus::approved;
  return comment;
}

TEST(Thread, NestsRepliesUnderTheirParentsInOrder) {
  auto thread = build_thread({make(1), make(2), make(3, 1), make(4, 3), make(5, 1)});
  ASSERT_EQ(thread.size(), 2u);
  ASSERT_EQ(thread[0].replies.size(), 2u);
  EXPECT_EQ(thread[0].replies[0].comment.id.value, 3);
  EXPECT_EQ(thread[0].replies[0].replies.at(0).comment.id.value, 4);
  EXPECT_EQ(thread[0].replies[0].replies.at(0).depth, 2);
  EXPECT_EQ(thread[0].replies[1].comment.id.value, 5);
  EXPECT_EQ(thread[1].comment.id.value, 2);
}

TEST(Thread, RepliesDeeperThanTheLimitSitBesideTheirParent) {
  std::vector<content::Comment> chain = {make(1)};
  for (std::int64_t id = 2; id <= kMaxReplyDepth + 3; ++id) chain.push_back(make(id, id - 1));
  auto thread = build_thread(chain);
  const CommentNode* node = &thread.at(0);
  while (!node->replies.empty()) node = &node->replies.front();
  EXPECT_EQ(node->depth, kMaxReplyDepth);
  // The deepest level holds the rest of the chain, in order.
  const auto& deepest = [&]() -> const std::vector<CommentNode>& {
    const CommentNode* level = &thread.at(0);
    for (int depth = 1; depth < kMaxReplyDepth; ++depth) level = &level->replies.at(0);
    return level->replies;
  }();
  ASSERT_EQ(deepest.size(), 3u);  // ids 4, 5 and 6
  EXPECT_EQ(deepest.back().comment.id.value, kMaxReplyDepth + 3);
}

TEST(Thread, AReplyToAHiddenCommentStandsOnItsOwn) {
  auto thread = build_thread({make(2, 1)});  // comment 1 is not approved
  ASSERT_EQ(thread.size(), 1u);
  EXPECT_EQ(thread[0].depth, 0);
}

}  // namespace
}  // namespace gazette::comments
