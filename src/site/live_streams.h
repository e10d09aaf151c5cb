// The live coverage's event stream at ARTICLE_PATH/live (text/event-stream): on connect, what the
// page missed since it was rendered (`since`, or the Last-Event-ID its EventSource sends when it
// reconnects); then one event per entry posted, edited or deleted and when the coverage ends.
// Each event is built once per node, when the change reaches it (this process's writes on its
// bus, other processes' and nodes' through the change feed), and the same bytes go to every
// open stream of the article (http/event_streams.h). Never kept by the page cache.
#pragma once

#include <optional>

#include "content/events.h"
#include "http/event_streams.h"
#include "http/reply.h"
#include "site/page_environment.h"
#include "store/live_store.h"

namespace gazette::site {

class LiveStreams {
 public:
  LiveStreams(PageEnvironment& pages, store::LiveStore& live, http::EventStreamHub& hub)
      : pages_(pages), live_(live), hub_(hub) {}

  /// Whether `target` (path and query) is a stream's: /section/slug/live.
  static bool is_stream_target(std::string_view target);
  /// The answer to a request for a stream's target: the stream, or a 404, 405, 429 or 503.
  http::Reply respond(const http::Request& request);
  /// Sends what a LiveChanged event changed to its article's streams; other events are ignored.
  void on_event(const content::Event& event);

 private:
  PageEnvironment& pages_;
  store::LiveStore& live_;
  http::EventStreamHub& hub_;
};

}  // namespace gazette::site
