// HTTP request and response types shared by the server and the page handlers, and the
// function type that turns one into the other.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace gazette::http {

namespace beast_http = boost::beast::http;

using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;

/// A handler marks a response cacheable by listing, in this header, what the page shows
/// ("article:12 list:section:actualite …"); the page cache strips it and drops the page when
/// a write names one of them (see src/cache/).
constexpr std::string_view kCacheDependenciesHeader = "Gazette-Cache-Dependencies";
/// A cacheable page that will change by itself at a known time (Unix seconds) says so here;
/// the cache serves it until then only.
constexpr std::string_view kCacheExpiresHeader = "Gazette-Cache-Expires";
/// The header the server sets on every request to the client's IP address (any such header
/// sent by the client is replaced), for limits kept per address (sign-in attempts, comments).
inline constexpr std::string_view kPeerAddressHeader = "Gazette-Peer-Address";

/// Turns a request into a response. Called on the server's threads, concurrently.
using Handler = std::function<Response(const Request&)>;

/// A response with `body` of `content_type`, shaped to answer `request` (version, keep-alive).
Response make_response(const Request& request, Status status, std::string content_type,
                       std::string body);

/// A permanent redirect to `location`.
Response make_redirect(const Request& request, std::string_view location);

}  // namespace gazette::http
