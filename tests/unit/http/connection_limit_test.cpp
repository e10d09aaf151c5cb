// Unit tests for http/connection_limit: the room the open-file limit leaves for connections.
#include "http/connection_limit.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(ConnectionLimit, IsTheOpenFileLimitLessTheReserve) {
  EXPECT_EQ(connections_within(1024, 2), 1024 - reserved_descriptors(2));
  EXPECT_GT(reserved_descriptors(8), reserved_descriptors(1));
  EXPECT_EQ(connections_within(reserved_descriptors(4), 4), 0u);
  EXPECT_EQ(connections_within(10, 4), 0u);
}

TEST(ConnectionLimit, RaisingTheLimitNeverLowersIt) {
  auto limit = raise_open_file_limit();
  EXPECT_GE(limit.now, limit.before);
  EXPECT_GT(limit.now, 0u);
}

}  // namespace
}  // namespace gazette::http
