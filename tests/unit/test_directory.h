// A fresh temporary folder for a test that needs files (a real SQLite database): named after
// the process and the running test, so parallel test runs never share one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace gazette::testing {

/// An empty folder /tmp/gazette-PREFIX-PID-TEST (the caller removes it when done).
inline std::filesystem::path fresh_test_directory(const std::string& prefix) {
  auto dir = std::filesystem::temp_directory_path() /
             ("gazette-" + prefix + "-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace gazette::testing
