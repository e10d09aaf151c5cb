// `gazette demo`: demo content for a first look at the site (see src/demo/), or with
// --articles N a generated site of N articles for benchmarks.
#include <chrono>
#include <cstdio>

#include "app/backend.h"
#include "app/commands.h"
#include "app/progress_line.h"
#include "auth/accounts.h"
#include "auth/passwords.h"
#include "demo/demo_content.h"
#include "demo/demo_publisher.h"
#include "demo/synthetic_site.h"

namespace gazette::app {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The demo's newsroom admin; .test is a domain reserved for examples (RFC 2606).
constexpr const char* kDemoAdminEmail = "admin@gazette.test";
}  // namespace

int demo(const DemoOptions& options) {
  if (options.articles > 0) {
    // Thousands of articles: saved without following each write (each batch tells running
    // servers to drop every cached page), then indexed in batches.
    Backend backend(options.db, FollowWrites::none);
    auto now = backend.clock.now();
    auto start = std::chrono::steady_clock::now();
    auto progress = ProgressLine::on_stderr("demo");
    demo::fill_synthetic_site(backend.articles, options.articles, now, [&](int saved) {
      progress.update(static_cast<std::size_t>(saved), static_cast<std::size_t>(options.articles),
                      "articles saved");
    });
    progress.finish();
    double saving = seconds_since(start);
    start = std::chrono::steady_clock::now();
    auto indexed = backend.discovery_updater.catch_up_index();
    // Related lists take minutes for a large site: `gazette serve` computes them in the
    // background.
    std::printf("demo: %d generated articles saved in %.1f s, %zu indexed in %.1f s\n",
                options.articles, saving, indexed, seconds_since(start));
    return 0;
  }

  Backend backend(options.db);
  auto summary = demo::fill_demo_site(backend.articles, backend.clock.now());
  std::printf("demo: %d articles in %d sections by %d authors\n", summary.articles,
              summary.sections, summary.authors);
  if (demo::fill_demo_publisher(backend.settings))
    std::printf("demo: publisher and policies written (/about/)\n");

  // The demo admin, created once: its password is printed only then, never stored in clear.
  if (backend.account_store.find_credentials(kDemoAdminEmail)) {
    std::printf(
        "demo: newsroom admin %s already exists (new password: gazette user passwd %s --db %s)\n",
        kDemoAdminEmail, kDemoAdminEmail, options.db.c_str());
    return 0;
  }
  auto password = auth::generate_password();
  if (auto problem =
          backend.accounts.add(kDemoAdminEmail, "Admin", content::Role::admin, password)) {
    std::fprintf(stderr, "demo: admin account: %s: %s\n",
                 std::string(auth::field_of(*problem)).c_str(), auth::describe(*problem).c_str());
    return 1;
  }
  std::printf(
      "demo: newsroom admin %s, password %s (shown once; change it with: gazette user passwd %s "
      "--db %s)\n",
      kDemoAdminEmail, password.c_str(), kDemoAdminEmail, options.db.c_str());
  return 0;
}

}  // namespace gazette::app
