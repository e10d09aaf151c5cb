// One area of the newsroom (articles, labels, comments, accounts, settings, profiles): the pages
// under the path segments it names, registered on the router at start-up behind the front door
// (newsroom.h), which has checked the session and a POST's CSRF token before handle() runs.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsroom/call.h"
#include "newsroom/desk.h"

namespace gazette::newsroom {

class Area {
 public:
  virtual ~Area() = default;
  Area(const Area&) = delete;
  Area& operator=(const Area&) = delete;

  /// The first path segments after /newsroom/ this area answers ({"articles"} for
  /// /newsroom/articles/…); each is registered on the router as a prefix.
  virtual std::vector<std::string_view> segments() const = 0;
  /// Answers a signed-in request (its CSRF token checked when it is a POST).
  virtual http::Response handle(Call& call) = 0;
  /// Whether a POST to `call`'s path sends raw text rather than a form, its CSRF token then in
  /// the X-CSRF-Token header (the editor's Markdown preview).
  virtual bool takes_raw_body([[maybe_unused]] const Call& call) const { return false; }

 protected:
  explicit Area(const Desk& desk) : desk_(desk) {}

  // The desk's helpers, as the pages call them.
  theme::View frame(const Call& call, std::string title) const {
    return desk_.frame(call, std::move(title));
  }
  http::Response page(const Call& call, http::Status status, std::string_view name,
                      theme::View view) const {
    return desk_.page(call, status, name, std::move(view));
  }
  http::Response message(const Call& call, http::Status status, std::string_view heading_key,
                         std::string_view message_key) const {
    return desk_.message(call, status, heading_key, message_key);
  }
  http::Response forbidden(const Call& call) const { return desk_.forbidden(call); }
  http::Response not_found(const Call& call) const { return desk_.not_found(call); }
  http::Response bad_request(const Call& call) const { return desk_.bad_request(call); }
  http::Response see_other(const Call& call, const std::string& location) const {
    return desk_.see_other(call, location);
  }
  http::Response see_other(const Call& call, const http::LocalPath& location) const {
    return desk_.see_other(call, location);
  }
  std::string text(const Call& call, std::string_view key) const { return desk_.text(call, key); }

  const Desk& desk_;
};

}  // namespace gazette::newsroom
