// `gazette serve`: the start-up order of the server, in one place — store, theme, site,
// newsroom, scheduler, HTTP.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

#include "app/commands.h"
#include "auth/accounts.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "http/router.h"
#include "http/server.h"
#include "newsroom/newsroom.h"
#include "publishing/article_service.h"
#include "publishing/scheduled_publisher.h"
#include "site/reader_site.h"
#include "store/sqlite/sqlite_account_store.h"
#include "store/sqlite/sqlite_editorial_store.h"
#include "store/sqlite/sqlite_media_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_term_store.h"
#include "theme/theme.h"

namespace gazette::app {

namespace {

struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (all interfaces).
ListenAddress parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--listen: expected HOST:PORT");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  int port = -1;
  try {
    std::size_t used = 0;
    port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) port = -1;
  } catch (const std::exception&) {
  }
  if (port < 0 || port > 65535) throw std::invalid_argument("--listen: not a port: " + text);
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace

int serve(const ServeOptions& options) {
  auto address = parse_listen(options.listen);
  store::sqlite::ConnectionPool database(options.db);
  store::sqlite::SqliteStore store(database);
  std::optional<std::filesystem::path> theme_dir;
  if (options.theme_dir) theme_dir = *options.theme_dir;
  theme::Theme theme(theme_dir);
  site::PageEnvironment pages(store, theme);
  site::ReaderSite reader_site(pages);

  // The newsroom and the write path: every article write goes through ArticleService, which
  // announces it on the event bus; the scheduler looks again whenever an article changes.
  store::sqlite::SqliteEditorialStore editorial(database);
  store::sqlite::SqliteMediaStore media(database);
  store::sqlite::SqliteTermStore terms(database);
  store::sqlite::SqliteAccountStore accounts(database);
  content::EventBus events;
  publishing::ArticleService articles(store, editorial, events);
  publishing::ScheduledPublisher scheduler(articles);
  events.subscribe([&scheduler](const content::Event& event) {
    if (std::holds_alternative<content::ArticleChanged>(event)) scheduler.wake();
  });
  auth::Sessions sessions(accounts);
  auth::SignIn sign_in(accounts, sessions);
  auth::Accounts account_admin(accounts);
  newsroom::Newsroom newsroom({store, editorial, media, terms, accounts, articles, events,
                               sessions, sign_in, account_admin, pages});

  // Every part of the site that is not a reader page registers its path prefix here.
  http::Router router([&reader_site](const http::Request& request) {
    return reader_site.handle(request);
  });
  router.add("/newsroom/", [&newsroom](const http::Request& request) {
    return newsroom.handle(request);
  });

  http::Server server(address.host, address.port, std::ref(router));
  for (auto prefix : newsroom::kUploadPrefixes)
    server.allow_body_size(std::string(prefix), newsroom::kMaxUploadRequestBytes);
  scheduler.start();
  // Tests and scripts read this line to find the port when --listen ends in :0.
  std::printf("gazette: listening on http://%s\n", server.local_address().c_str());
  std::fflush(stdout);
  server.run(std::max(1u, std::thread::hardware_concurrency()));
  scheduler.stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
