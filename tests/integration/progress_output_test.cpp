// Progress written to a file or a pipe (a log, CI, systemd's journal) is one whole line per
// step: no carriage return, no two updates run together on one line. (run_gazette writes the
// command's standard error to a file, as a redirection would.)
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "gazette_process.h"

namespace gazette::testing {
namespace {

std::vector<std::string> lines_matching(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, pattern)) found.push_back(line);
  return found;
}

TEST(ProgressOutput, GeneratedSiteToAFileIsOneLinePerBatch) {
  TempDir dir;
  auto result = run_gazette({"demo", "--articles", "5000", "--db", dir.file("gazette.db")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find('\r'), std::string::npos) << result.err;
  // Batches of 2,000: 2000, 4000, then the last 1,000 — each on a line of its own.
  auto progress = lines_matching(result.err, std::regex("articles saved"));
  EXPECT_EQ(progress, (std::vector<std::string>{"demo: 2000/5000 articles saved",
                                                "demo: 4000/5000 articles saved",
                                                "demo: 5000/5000 articles saved"}));
}

TEST(ProgressOutput, WordPressImportToAFileIsOneLinePerStep) {
  TempDir dir;
  auto result = run_gazette(
      {"import-wxr", (shared_fixtures() / "wxr" / "themeunittestdata.wordpress.xml").string(),
       "--db", dir.file("gazette.db")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find('\r'), std::string::npos) << result.err;
  auto progress = lines_matching(result.err, std::regex("items"));
  ASSERT_FALSE(progress.empty()) << result.err;
  std::smatch total;
  ASSERT_TRUE(std::regex_match(progress.back(), total, std::regex(R"(import-wxr: (\d+)/\1 items)")))
      << progress.back();
  for (const auto& line : progress)
    EXPECT_TRUE(std::regex_match(line, std::regex(R"(import-wxr: \d+/\d+ items)"))) << line;
}

}  // namespace
}  // namespace gazette::testing
