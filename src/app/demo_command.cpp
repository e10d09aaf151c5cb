// `gazette demo`: demo content for a first look at the site (see src/demo/).
#include <cstdio>

#include "app/commands.h"
#include "auth/accounts.h"
#include "auth/passwords.h"
#include "demo/demo_content.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_store.h"

namespace gazette::app {

namespace {
// The demo's newsroom admin; .test is a domain reserved for examples (RFC 2606).
constexpr const char* kDemoAdminEmail = "admin@gazette.test";
}  // namespace

int demo(const DemoOptions& options) {
  store::sqlite::ConnectionPool database(options.db);
  store::sqlite::SqliteStore store(database);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  content::EventBus events;
  publishing::ArticleService articles(store, events);
  auto summary = demo::fill_demo_site(articles, now);
  std::printf("demo: %d articles in %d sections by %d authors\n", summary.articles,
              summary.sections, summary.authors);

  // The demo admin, created once: its password is printed only then, never stored in clear.
  store::sqlite::SqliteAccountStore account_store(database);
  if (account_store.find_credentials(kDemoAdminEmail)) {
    std::printf("demo: newsroom admin %s already exists (new password: gazette user passwd %s --db %s)\n",
                kDemoAdminEmail, kDemoAdminEmail, options.db.c_str());
    return 0;
  }
  auth::Accounts accounts(account_store);
  auto password = auth::generate_password();
  if (auto problem = accounts.add(kDemoAdminEmail, "Admin", content::Role::admin, password, now)) {
    std::fprintf(stderr, "demo: admin account: %s: %s\n", problem->field.c_str(),
                 problem->reason.c_str());
    return 1;
  }
  std::printf("demo: newsroom admin %s, password %s (shown once; change it with: gazette user passwd %s --db %s)\n",
              kDemoAdminEmail, password.c_str(), kDemoAdminEmail, options.db.c_str());
  return 0;
}

}  // namespace gazette::app
