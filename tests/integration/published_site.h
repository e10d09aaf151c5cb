// A test fixture: a temporary database with the reference article published and a real
// server on it.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "gazette_process.h"
#include "html_document.h"
#include "http_client.h"

namespace gazette::testing {

/// The path `gazette publish` printed for the reference article.
constexpr const char* kReferencePath =
    "/actualite/les-islamistes-envoient-un-message-fort-a-damas-offensive-en-cours/";

class PublishedSite : public ::testing::Test {
 protected:
  void SetUp() override {
    auto published = run_gazette({"publish", reference_article().string(), "--db", db()});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    ASSERT_EQ(published.last_line(), kReferencePath);
  }

  /// Publishes an article file written from `front_matter` and `body` (without the --- lines).
  std::string publish(const std::string& name, const std::string& front_matter,
                      const std::string& body = "Un paragraphe.\n") {
    auto path = dir_.file(name + ".md");
    FILE* file = std::fopen(path.c_str(), "w");
    std::fprintf(file, "---\n%s\n---\n\n%s", front_matter.c_str(), body.c_str());
    std::fclose(file);
    auto result = run_gazette({"publish", path, "--db", db()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.last_line();
  }

  ServerProcess& server() {
    if (!server_) server_ = std::make_unique<ServerProcess>(db());
    return *server_;
  }

  HttpResponse get(const std::string& target,
                   const std::map<std::string, std::string>& headers = {}) {
    return http_request(server().host(), server().port(), "GET", target, headers);
  }

  std::string db() const { return dir_.file("gazette.db"); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace gazette::testing
