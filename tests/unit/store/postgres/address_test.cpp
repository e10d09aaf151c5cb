// What `gazette copy` and `gazette restore` print of a PostgreSQL address: never its password.
#include <gtest/gtest.h>

#include "store/postgres/postgres_copy_side.h"

namespace gazette::store::postgres {
namespace {

TEST(PostgresAddress, PrintedWithoutItsPassword) {
  EXPECT_EQ(without_password("postgresql://gazette:s3cret@db.internal:5432/site"),
            "postgresql://gazette@db.internal:5432/site");
  EXPECT_EQ(without_password("postgres://gazette:p%40ss@db/site?sslmode=require"),
            "postgres://gazette@db/site?sslmode=require");
  EXPECT_EQ(without_password("postgresql://db/site?user=gazette&password=s3cret&sslmode=require"),
            "postgresql://db/site?user=gazette&password=…&sslmode=require");
  EXPECT_EQ(without_password("host=db dbname=site password=s3cret"),
            "host=db dbname=site password=…");
  // Nothing to hide: unchanged.
  EXPECT_EQ(without_password("postgresql://postgres@/site?host=/tmp/x&port=5432"),
            "postgresql://postgres@/site?host=/tmp/x&port=5432");
}

}  // namespace
}  // namespace gazette::store::postgres
