// A fresh PostgreSQL database for one test, in the throw-away cluster ctest started
// (scripts/test-postgres, named by GAZETTE_TEST_POSTGRES_DIR): created empty, dropped after.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "store/postgres/connection.h"

namespace gazette::testing {

class PostgresTestDatabase {
 public:
  PostgresTestDatabase()
      : admin_uri_(cluster_uri()),
        name_("gazette_test_" + std::to_string(::getpid()) + "_" + std::to_string(next()++)) {
    store::postgres::Connection admin(admin_uri_);
    admin.execute("DROP DATABASE IF EXISTS " + name_);
    admin.execute("CREATE DATABASE " + name_);
  }
  ~PostgresTestDatabase() {
    try {
      store::postgres::Connection admin(admin_uri_);
      admin.execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The cluster goes with the fixture's cleanup anyway.
    }
  }
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

  /// The test database's address.
  std::string uri() const {
    auto uri = admin_uri_;
    auto path = uri.find("/postgres?");
    return uri.replace(path + 1, std::string("postgres").size(), name_);
  }

  /// The test database's name.
  const std::string& name() const { return name_; }

  /// The address of the cluster's maintenance database, as the fixture wrote it.
  static std::string cluster_uri() {
    const char* dir = std::getenv("GAZETTE_TEST_POSTGRES_DIR");
    if (!dir) throw std::runtime_error("GAZETTE_TEST_POSTGRES_DIR is not set: run through ctest");
    std::ifstream file(std::string(dir) + "/uri");
    std::string uri;
    if (!std::getline(file, uri))
      throw std::runtime_error(std::string("no PostgreSQL test cluster in ") + dir);
    return uri;
  }

 private:
  static std::atomic<int>& next() {
    static std::atomic<int> counter{0};
    return counter;
  }

  std::string admin_uri_;
  std::string name_;
};

}  // namespace gazette::testing
