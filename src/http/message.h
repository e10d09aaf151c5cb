// HTTP request and response types shared by the server and the page handlers, and the
// constructors every handler builds its responses with.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>
#include <string_view>

#include "http/local_path.h"

namespace gazette::http {

namespace beast_http = boost::beast::http;

using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;

/// The header the server sets on every request to the client's IP address (any such header
/// sent by the client is replaced), for limits kept per address (sign-in attempts, comments).
inline constexpr std::string_view kPeerAddressHeader = "Gazette-Peer-Address";

/// A response with `body` of `content_type`, shaped to answer `request` (version, keep-alive).
Response make_response(const Request& request, Status status, std::string content_type,
                       std::string body);

/// A redirect (301 by default, 303 after a form) to `location`, a path on this site: the one
/// way a Location header is made.
Response make_redirect(const Request& request, const LocalPath& location,
                       Status status = Status::moved_permanently);

}  // namespace gazette::http
