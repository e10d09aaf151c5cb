// `gazette serve`: the start-up order of the server, in one place — store, theme, site,
// newsroom, scheduler, HTTP.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>

#include "api/api_writer.h"
#include "api/content_api.h"
#include "app/backend.h"
#include "app/commands.h"
#include "app/database_timing.h"
#include "app/leader_duties.h"
#include "app/observed_responder.h"
#include "app/server_metrics.h"
#include "auth/accounts.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "cache/caching_responder.h"
#include "cache/change_feed.h"
#include "cache/change_feed_poller.h"
#include "cache/invalidation.h"
#include "comments/web/article_comment_section.h"
#include "comments/web/comment_pages.h"
#include "comments/web/comment_paths.h"
#include "content/article_kinds.h"
#include "discovery/discovery_routes.h"
#include "http/connection_limit.h"
#include "http/event_streams.h"
#include "http/router.h"
#include "http/server.h"
#include "http/usable_cpus.h"
#include "newsletters/mail_dispatcher.h"
#include "newsletters/web/newsletter_pages.h"
#include "newsroom/newsroom_site.h"
#include "publishing/article_service.h"
#include "site/live_streams.h"
#include "site/reader_site.h"
#include "theme/theme.h"
#include "webhooks/webhook_events.h"
#include "webhooks/webhook_sender.h"

namespace gazette::app {

namespace {

// Memory for cached pages (all encodings). A news site's hot pages — home, sections, the day's
// articles — fit many times over; older pages are evicted least recently used first.
constexpr std::size_t kPageCacheBytes = 256 * 1024 * 1024;
// Fewer connections than this and a server would turn readers away at its first busy minute:
// better to refuse to start and say why.
constexpr std::size_t kMinConnections = 16;

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

struct ConnectionLimit {
  std::size_t limit = 0;
  std::string description;  // logged once the database has opened (a failure is one line)
};

// The most client connections to hold open: what was asked (--max-connections) or, by default,
// all that the open-file limit — raised first — leaves room for. Throws when that is too few.
ConnectionLimit connection_limit(std::size_t asked, unsigned threads) {
  auto open_files = http::raise_open_file_limit();
  auto room = http::connections_within(open_files.now, threads);
  if (room < kMinConnections)
    throw std::runtime_error("the open-file limit (" + std::to_string(open_files.now) +
                             ") leaves room for " + std::to_string(room) +
                             " connections beside the " +
                             std::to_string(http::reserved_descriptors(threads)) +
                             " descriptors the server keeps for itself; raise it (ulimit -n)");
  std::size_t limit = room;
  if (asked > room)
    spdlog::warn("--max-connections {}: the open-file limit ({}) leaves room for {}; using {}",
                 asked, open_files.now, room, room);
  else if (asked > 0)
    limit = asked;
  return {limit,
          fmt::format("connections: at most {} open (open-file limit {}{})", limit, open_files.now,
                      open_files.now != open_files.before
                          ? ", raised from " + std::to_string(open_files.before)
                          : std::string())};
}

// The live streams' limits: what was asked, else the defaults, with room left in the open-file
// limit for ordinary connections.
http::EventStreamLimits stream_limits(const ServeOptions& options, std::size_t connections) {
  http::EventStreamLimits limits;
  if (options.streams_per_address > 0) limits.per_address = options.streams_per_address;
  if (options.max_streams > 0) limits.total = options.max_streams;
  if (options.stream_buffer_bytes > 0) limits.max_unsent_bytes = options.stream_buffer_bytes;
  if (options.stream_heartbeat_seconds > 0)
    limits.heartbeat = std::chrono::seconds(options.stream_heartbeat_seconds);
  if (options.stream_idle_seconds > 0)
    limits.idle_timeout = std::chrono::seconds(options.stream_idle_seconds);
  auto room = connections > kMinConnections ? connections - kMinConnections : 1;
  if (limits.total > room) {
    if (options.max_streams > 0)
      spdlog::warn("--max-streams {}: the open-file limit leaves room for {}; using {}",
                   limits.total, room, room);
    limits.total = room;
  }
  return limits;
}

}  // namespace

int serve(const ServeOptions& options) {
  auto address = parse_listen(options.listen);
  // One serving thread per CPU the process may use (http/usable_cpus.h).
  const unsigned threads = options.threads > 0 ? options.threads : http::usable_cpu_count();
  // First, before the database and the theme open their files.
  auto max_connections = connection_limit(options.max_connections, threads);
  // Before the database opens, so that every connection to it is timed for /metrics.
  DatabaseTiming database_timing;
  ServerMetrics metrics;
  Backend backend(options.db, FollowWrites::each, &database_timing);
  spdlog::info("{}", max_connections.description);
  // Writes made by other processes (gazette publish) or before the index existed: the index
  // before serving; related lists not computed yet by the leader (below, once every subscriber
  // is in place), on a thread of its own, as a generated site's may take minutes (article
  // pages show the section's latest meanwhile).
  if (auto indexed = backend.discovery_updater.catch_up_index())
    spdlog::info("search index: {} articles indexed", indexed);
  std::optional<std::filesystem::path> theme_dir;
  if (options.theme_dir) theme_dir = *options.theme_dir;
  theme::Theme theme(theme_dir);
  site::PageEnvironment pages(backend.store, backend.discovery_store, theme);
  // Old URLs of a site imported from WordPress answer 301 before the reader site's 404.
  site::ReaderSite reader_site(pages, &backend.wxr_store);

  // Comments: the form's POST and the thread on the article page, and the /comments/ pages.
  comments::web::ArticleCommentSection comment_section(backend.comments, backend.clock);
  comment_section.on_refused(
      [&metrics](comments::Refusal reason) { metrics.count_comment_refusal(reason); });
  pages.set_comment_section(&comment_section);
  pages.set_live(&backend.live_store, &backend.clock);
  comments::web::CommentPages comment_pages(backend.comments, pages, backend.clock);

  // Newsletters: the /newsletter/ pages queue mail; the sender (on the leader) sends it.
  newsletters::MailComposer mail_composer(theme);
  newsletters::NewsletterService newsletter_service(
      backend.write_path, backend.storage->newsletters(), backend.store, backend.comment_key,
      mail_composer, backend.clock, backend.sign_in_attempt_store);
  newsletters::MailDispatcher mail_dispatcher(backend.write_path, backend.storage->newsletters(),
                                              backend.clock);
  newsletter_service.on_queued([&mail_dispatcher] { mail_dispatcher.wake(); });
  newsletters::web::NewsletterPages newsletter_pages(newsletter_service, pages, [&backend] {
    return backend.comments.settings().trust_forwarded_for;
  });

  // Webhooks: each write queued its deliveries; the sender (on the leader) posts them, woken
  // by this process's own writes and looking every few seconds for other processes'.
  webhooks::WebhookSender webhook_sender(backend.write_path, backend.webhook_store, backend.clock);
  backend.events.subscribe([&webhook_sender](const content::Event& event) {
    if (!webhooks::occurrences_of(event).empty()) webhook_sender.wake();
  });
  backend.webhooks.on_requeued([&webhook_sender] { webhook_sender.wake(); });

  // The newsroom: every write goes through a service, which announces it; the scheduler, on
  // the node that leads, looks again whenever an article changes.
  LeaderDuties leader_duties(backend.articles, backend.discovery_updater, backend.clock);
  backend.events.subscribe([&leader_duties, &metrics](const content::Event& event) {
    auto* changed = std::get_if<content::ArticleChanged>(&event);
    if (!changed) return;
    leader_duties.article_changed();
    if (changed->after && changed->after->visible && !(changed->before && changed->before->visible))
      metrics.count_publication();
  });
  newsroom::NewsroomSite newsroom({.articles = backend.articles,
                                   .terms = backend.terms,
                                   .profiles = backend.profiles,
                                   .settings = backend.settings,
                                   .media = backend.media,
                                   .sessions = backend.sessions,
                                   .sign_in = backend.sign_in,
                                   .accounts = backend.accounts,
                                   .moderation = backend.moderation,
                                   .pages = pages,
                                   .clock = backend.clock,
                                   .preview_links = backend.preview_links,

                                   .newsletters = newsletter_service,
                                   .live = backend.live,
                                   .api_tokens = backend.api_tokens,
                                   .webhooks = backend.webhooks});

  // Every part of the site that is not a reader page registers its path prefix here.
  // Feeds live under listing paths (/{section}/feed.xml), so they are tried before the reader
  // site rather than by prefix; so are sitemaps and robots.txt.
  discovery::DiscoveryRoutes discovery_routes(
      backend.store, backend.discovery_store, backend.clock, &backend.live_store,
      [&theme](content::ArticleKind kind, const std::string& language) {
        return theme.text(language, "kind_" + std::string(content::to_string(kind)));
      });
  http::Router router([&reader_site, &discovery_routes](const http::Request& request) {
    if (auto response = discovery_routes.handle(request)) return std::move(*response);
    return reader_site.handle(request);
  });
  router.add(
      std::string(comments::web::kCommentsPrefix),
      [&comment_pages](const http::Request& request) { return comment_pages.handle(request); });
  router.add(std::string(newsletters::kNewsletterPrefix),
             [&newsletter_pages](const http::Request& request) {
               return newsletter_pages.handle(request);
             });
  newsroom.register_with(router);  // its front door, then an area per path (newsroom_site.h)
  // The Content API: the reader pages' data as JSON, kept by the page cache like them.
  // Its write side acts for an account's token, through the newsroom's services.
  api::ApiWriter api_writer(backend.articles, backend.media, backend.store, backend.term_store,
                            backend.clock);
  api::ContentApi content_api(backend.store, backend.discovery_store,
                              api::ApiAccess{backend.api_tokens, api_writer});
  router.add(std::string(api::kApiPrefix),
             [&content_api](const http::Request& request) { return content_api.handle(request); });

  // The page cache answers first; a write drops the pages it changed, in this process at once
  // (its events, published after its commit) and in the others sharing the database (their
  // events, read from the change log by the change feed when the log's token moved: on
  // PostgreSQL, when a NOTIFY came). Subscribed last, it sees what the subscribers before it
  // announced in turn (related lists).
  cache::PageCache page_cache(kPageCacheBytes);
  auto drop_changed_pages = [&page_cache](const content::Event& event) {
    if (auto dependencies = cache::invalidated_by(event))
      page_cache.invalidate(*dependencies);
    else
      page_cache.clear();
  };
  backend.events.subscribe(drop_changed_pages);
  // Live coverage's streams (ARTICLE_PATH/live): each change's event is built once here, from
  // this process's writes (its bus) and the others' (the change feed), after the pages it
  // changed were dropped.
  http::EventStreamHub stream_hub(stream_limits(options, max_connections.limit));
  site::LiveStreams live_streams(pages, backend.live_store, stream_hub);
  backend.events.subscribe(
      [&live_streams](const content::Event& event) { live_streams.on_event(event); });
  backend.storage->follow_other_processes();  // before the feed notes where the log stands
  cache::ChangeFeed change_feed(
      backend.change_log,
      [&drop_changed_pages, &leader_duties, &live_streams](const content::Event& event) {
        drop_changed_pages(event);
        if (std::holds_alternative<content::ArticleChanged>(event)) leader_duties.article_changed();
        live_streams.on_event(event);
      },
      [&page_cache] { page_cache.clear(); });
  // An open stream makes no request that would read the feed: it is read on a clock then.
  cache::ChangeFeedPoller stream_feed(change_feed,
                                      [&stream_hub] { return stream_hub.open_count() > 0; });
  cache::CachingResponder responder(page_cache, std::ref(router),
                                    [&change_feed] { change_feed.refresh(); });

  // Outermost: /metrics, /healthz, /readyz, and every request counted (and logged if asked).
  auto metrics_page = [&] {
    MetricsSnapshot snapshot{.page_cache = page_cache,
                             .database = database_timing,
                             .open_streams = stream_hub.open_count()};
    auto now = backend.clock.now();
    if (auto due = backend.articles.next_due(now))
      snapshot.next_scheduled_in_seconds = std::chrono::duration<double>(*due - now).count();
    return metrics.page(snapshot);
  };
  auto readiness = [&backend] { return backend.storage->not_ready(); };
  // A plain GET of a cached page is answered from its first bytes (http/plain_request.h).
  ObservedResponder observed(
      [&responder, &live_streams](const http::Request& request) {
        // Streams stay open and change with every entry: never the page cache's.
        if (site::LiveStreams::is_stream_target(request.target()))
          return live_streams.respond(request);
        return responder.respond(request);
      },
      [&responder](const http::RequestHead& head) { return responder.ready_response(head); },
      metrics, metrics_page, readiness, options.operations);
  http::Server server(
      address.host, address.port,
      [&observed](const http::Request& request) { return observed.respond(request); },
      [&observed](const http::RequestHead& head) { return observed.ready(head); });
  for (auto prefix : newsroom::kUploadPrefixes)
    server.allow_body_size(std::string(prefix), newsroom::kMaxUploadRequestBytes);
  server.allow_body_size(std::string(api::kApiPrefix) + "media", newsroom::kMaxUploadRequestBytes);
  server.allow_body_size(std::string(api::kApiPrefix), api::kMaxApiRequestBytes);
  server.limit_connections(max_connections.limit);
  server.on_stop([&stream_hub] { stream_hub.close_all(); });
  // Started after the last subscription: the event bus is read without a lock once threads
  // run. On PostgreSQL one node leads at a time (an advisory lock), and another takes over
  // when it goes.
  auto leadership = backend.storage->leadership();
  leadership->campaign(
      [&leader_duties, &mail_dispatcher, &webhook_sender] {
        leader_duties.begin();
        mail_dispatcher.start();
        webhook_sender.start();
      },
      [&leader_duties, &mail_dispatcher, &webhook_sender] {
        webhook_sender.stop();
        mail_dispatcher.stop();
        leader_duties.end();
      });
  // Tests and scripts read this line to find the port when --listen ends in :0.
  std::printf("gazette: listening on http://%s\n", server.local_address().c_str());
  std::fflush(stdout);
  spdlog::info("serving on {} thread(s)", threads);
  server.run(threads);
  leadership->resign();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
