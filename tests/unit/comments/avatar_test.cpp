// Unit tests for comments/avatar: identicons drawn from the key alone.
#include "comments/avatar.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

TEST(Identicon, IsTheSameSvgForTheSameKeyAndDiffersOtherwise) {
  auto a = identicon_svg("0123456789abcdef");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_EQ(a, identicon_svg("0123456789abcdef"));
  EXPECT_NE(a, identicon_svg("fedcba9876543210"));
}

TEST(Identicon, RefusesWhatIsNotAKey) {
  for (const char* key :
       {"", "0123456789ABCDEF", "0123456789abcde", "../../etc/passwd", "0123456789abcdeg"})
    EXPECT_FALSE(identicon_svg(key)) << key;
}

}  // namespace
}  // namespace gazette::comments
