// The parser each request is read with and the limits it enforces, apart from the connection so
// that what a client may send can be parsed (and fuzzed: fuzz/http_request.cpp) without a socket.
#pragma once

#include <boost/beast/http/parser.hpp>

#include <cstdint>
#include <optional>

#include "http/message.h"

namespace gazette::http {

using RequestParser = beast_http::request_parser<beast_http::string_body>;

/// A request line and headers larger than this are not a browser's; 431 says so.
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

/// Readies `parser` for the next request: headers up to kHeaderLimit, a body up to `body_limit`
/// (until the target is known, the largest limit of any route; the connection narrows it then).
inline void prepare_request_parser(std::optional<RequestParser>& parser, std::uint64_t body_limit) {
  parser.emplace();
  parser->header_limit(kHeaderLimit);
  parser->body_limit(body_limit);
}

}  // namespace gazette::http
