// What a response ready in advance (the page cache's) is chosen by: the method, the target and
// the few fields that pick an encoding or a 304. One shape for both readers of a request — the
// server's own read of a plain GET (http/plain_request.h) and Beast's parser — so that the cache
// applies one rule whichever read the request.
#pragma once

#include <string_view>

#include "http/message.h"

namespace gazette::http {

/// Views into the request's bytes, or into the Request it was parsed into: valid while it is.
/// A field the request does not carry is empty, as Beast's `request[field]` is; a field it
/// carries more than once is its first value, as there.
struct RequestHead {
  beast_http::verb method = beast_http::verb::unknown;
  std::string_view target;
  unsigned version = 11;  // 10 or 11
  bool keep_alive = true;
  std::string_view host;
  std::string_view accept_encoding;
  std::string_view if_none_match;
  std::string_view if_modified_since;
  bool has_session_cookie = false;  // in any Cookie field (http/cookies.h)
  bool has_authorization = false;
  // The client's address, for the access log: set by the connection that read a plain request
  // (a parsed one carries it in kPeerAddressHeader, message.h).
  std::string_view peer_address;
};

/// The head of a parsed request, read in one pass over its fields.
RequestHead head_of(const Request& request);

}  // namespace gazette::http
