// What the server sends back for a request: a Beast message built for it, or a response
// serialised once and shared by every request for the same page (the page cache's hot path).
#pragma once

#include <boost/asio/ip/tcp.hpp>

#include <functional>
#include <memory>
#include <string>

#include "http/deadline.h"
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

// Each connection lives on its own strand of the server's io_context: a concrete executor type
// (Executor, deadline.h) avoids the type-erased any_io_executor on every asynchronous step.
using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, Executor>;

/// Takes a client's connection over after its request, to write to it for as long as it stays
/// open (an event stream, http/event_streams.h): the connection writes nothing more.
using Takeover = std::function<void(Socket)>;

struct Reply {
  Response message;  // used when `serialized` is empty; its status is what /metrics counts
  std::shared_ptr<const SerializedResponse> serialized;
  Takeover takeover;  // when set, `message` is not sent: this gets the socket instead

  static Reply of(Response response) { return Reply{std::move(response), nullptr, {}}; }
};

/// Answers a request with a Reply; the outermost layer of the server (see cache/).
using Responder = std::function<Reply(const Request&)>;

/// The response ready to send for a request the server read without Beast's parser
/// (http/plain_request.h), or nothing: the request is then parsed in full and the Responder
/// answers it. What it returns must be what the Responder would send for the same request.
using ReadyResponder = std::function<std::shared_ptr<const SerializedResponse>(const RequestHead&)>;

}  // namespace gazette::http
