// What a handler gives back: its response and, for a page the page cache may keep, what the
// page shows and when it changes by itself. These travel beside the response as values, never
// in its headers: a header is bounded and readable by anyone, a page may show thousands of things.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "content/cache_dependencies.h"
#include "content/types.h"
#include "http/message.h"

namespace gazette::http {

/// What the page cache needs to keep a response.
struct Cacheable {
  /// What the page shows: a write naming one of these drops it (content/cache_dependencies.h).
  std::vector<content::Dependency> dependencies;
  /// When the page changes by itself with no write to announce it (comments closing by age).
  std::optional<content::Timestamp> expires_at;
};

struct Answer {
  /// A response no cache keeps: most handlers' (newsroom, forms, errors) — hence implicit.
  Answer(Response response)
      : response(std::move(response)) {}  // NOLINT(google-explicit-constructor)
  Answer(Response response, Cacheable cache)
      : response(std::move(response)), cache(std::move(cache)) {}

  Response response;
  std::optional<Cacheable> cache;  // empty: never cached
};

/// Turns a request into an answer. Called on the server's threads, concurrently.
using Handler = std::function<Answer(const Request&)>;

}  // namespace gazette::http
