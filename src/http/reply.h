// What the server sends back for a request: a Beast message built for it, or a response
// serialised once and shared by every request for the same page (the page cache's hot path).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/message.h"
#include "http/request_head.h"

namespace gazette::http {

/// A response whose status line, headers and body were serialised ahead of time. The server
/// adds only what changes per request: the Date and Connection headers.
struct SerializedResponse {
  std::string head;                         // status line and headers, each ending in CRLF
  std::shared_ptr<const std::string> body;  // shared between encodings' owners, never copied;
                                            // none for a response without one (a 304)
};

struct Reply {
  Response message;  // used when `serialized` is empty
  std::shared_ptr<const SerializedResponse> serialized;

  static Reply of(Response response) { return Reply{std::move(response), nullptr}; }
};

/// Answers a request with a Reply; the outermost layer of the server (see cache/).
using Responder = std::function<Reply(const Request&)>;

/// The response ready to send for a request the server read without Beast's parser
/// (http/plain_request.h), or nothing: the request is then parsed in full and the Responder
/// answers it. What it returns must be what the Responder would send for the same request.
using ReadyResponder = std::function<std::shared_ptr<const SerializedResponse>(const RequestHead&)>;

}  // namespace gazette::http
