// `gazette serve`: the start-up order of the server, in one place — store, theme, site, HTTP.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

#include "app/commands.h"
#include "comments/comment_service.h"
#include "comments/web/article_comment_section.h"
#include "comments/web/comment_pages.h"
#include "comments/web/comment_paths.h"
#include "http/router.h"
#include "http/server.h"
#include "site/reader_site.h"
#include "store/sqlite/sqlite_comment_store.h"
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
  std::optional<std::filesystem::path> theme_dir;
  if (options.theme_dir) theme_dir = *options.theme_dir;
  theme::Theme theme(theme_dir);
  site::PageEnvironment pages(store, theme);
  site::ReaderSite reader_site(pages);

  // Domain events of this process's writes; subscribers (the page cache…) register here.
  content::EventBus events;

  // Comments: the form's POST and the thread on the article page, and the /comments/ pages.
  store::sqlite::SqliteCommentStore comment_store(database);
  comments::SiteKey comment_key(comment_store.comment_secret(comments::SiteKey::generate_hex()));
  comments::CommentService comment_service(comment_store, events, comment_key);
  comments::web::ArticleCommentSection comment_section(comment_service);
  pages.set_comment_section(&comment_section);
  comments::web::CommentPages comment_pages(comment_service, pages);

  // Every part of the site that is not a reader page registers its path prefix here.
  http::Router router([&reader_site](const http::Request& request) {
    return reader_site.handle(request);
  });
  router.add(std::string(comments::web::kCommentsPrefix),
             [&comment_pages](const http::Request& request) { return comment_pages.handle(request); });

  http::Server server(address.host, address.port, std::ref(router));
  // Tests and scripts read this line to find the port when --listen ends in :0.
  std::printf("gazette: listening on http://%s\n", server.local_address().c_str());
  std::fflush(stdout);
  server.run(std::max(1u, std::thread::hardware_concurrency()));
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
