// `gazette serve`: the start-up order of the server, in one place — store, theme, site, HTTP.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

#include "app/commands.h"
#include "discovery/discovery_routes.h"
#include "discovery/discovery_updater.h"
#include "http/router.h"
#include "http/server.h"
#include "site/reader_site.h"
#include "store/sqlite/sqlite_discovery_store.h"
#include "store/sqlite/sqlite_store.h"
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
  store::sqlite::SqliteDiscoveryStore discovery_store(database);
  // Write-path subscribers, in order: search index and related articles.
  content::EventBus events;
  discovery::DiscoveryUpdater discovery_updater(store, discovery_store);
  discovery_updater.subscribe(events);
  // Writes made by other processes (gazette publish) or before the index existed: the index
  // before serving; related lists not computed yet on a thread of their own, as a generated
  // site's may take minutes (article pages show the section's latest meanwhile).
  if (auto indexed = discovery_updater.catch_up_index())
    spdlog::info("search index: {} articles indexed", indexed);
  std::jthread related_catch_up([&discovery_updater](std::stop_token stop) {
    if (auto computed = discovery_updater.catch_up_related([&] { return !stop.stop_requested(); }))
      spdlog::info("related articles: {} lists computed", computed);
  });
  std::optional<std::filesystem::path> theme_dir;
  if (options.theme_dir) theme_dir = *options.theme_dir;
  theme::Theme theme(theme_dir);
  site::PageEnvironment pages(store, discovery_store, theme);
  site::ReaderSite reader_site(pages);

  // Every part of the site that is not a reader page registers its path prefix here.
  // Feeds live under listing paths (/{section}/feed.xml), so they are tried before the reader
  // site rather than by prefix; so are sitemaps and robots.txt.
  discovery::DiscoveryRoutes discovery_routes(store, discovery_store);
  http::Router router([&reader_site, &discovery_routes](const http::Request& request) {
    if (auto response = discovery_routes.handle(request)) return std::move(*response);
    return reader_site.handle(request);
  });

  http::Server server(address.host, address.port, std::ref(router));
  // Tests and scripts read this line to find the port when --listen ends in :0.
  std::printf("gazette: listening on http://%s\n", server.local_address().c_str());
  std::fflush(stdout);
  server.run(std::max(1u, std::thread::hardware_concurrency()));
  related_catch_up.request_stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
