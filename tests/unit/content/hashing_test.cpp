// Content hashes: stable, different for different bytes, of the asked length.
#include "content/hashing.h"

#include <gtest/gtest.h>

namespace gazette::content {
namespace {

TEST(ShortHash, IsStableAndTellsVersionsApart) {
  EXPECT_EQ(short_hash_hex("page v1", 5), short_hash_hex("page v1", 5));
  EXPECT_NE(short_hash_hex("page v1", 5), short_hash_hex("page v2", 5));
  EXPECT_EQ(short_hash_hex("x", 5).size(), 10u);
  EXPECT_EQ(short_hash_hex("x", 8).size(), 16u);
  // A short hash is the prefix of the longer one: the same digest, cut.
  EXPECT_EQ(short_hash_hex("x", 16).substr(0, 10), short_hash_hex("x", 5));
}

TEST(Sha256, MatchesTheStandardDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace gazette::content
