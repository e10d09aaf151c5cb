// Fuzz target: a client's bytes read as the server reads them (Beast's parser with our limits,
// http/request_parser.h; pipelined requests too), then what our code reads of each request; and
// the server's own read of a plain GET (http/plain_request.h), which must read what it accepts
// exactly as Beast's parser does.
#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <string>
#include <vector>

#include "cache/compression.h"
#include "fuzz_input.h"
#include "http/conditional.h"
#include "http/request_parser.h"
#include "http/form.h"
#include "http/plain_request.h"
#include "http/request_head.h"
#include "site/target.h"

namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using namespace gazette;

// The server's body limit for every route but uploads (http/server.cpp); inputs this fuzzer
// makes are far below both, so Content-Length is where a limit is met.
constexpr std::uint64_t kBodyLimit = 1024 * 1024;

// The input as a socket would hand it over: `piece` bytes at most per read.
class InputStream {
 public:
  InputStream(std::string_view bytes, std::size_t piece) : rest_(bytes), piece_(piece) {}

  template <class Buffers>
  std::size_t read_some(const Buffers& buffers, beast::error_code& error) {
    if (rest_.empty()) {
      error = asio::error::eof;
      return 0;
    }
    error = {};
    auto copied =
        asio::buffer_copy(buffers, asio::buffer(rest_.data(), std::min(piece_, rest_.size())));
    rest_.remove_prefix(copied);
    return copied;
  }

  template <class Buffers>
  std::size_t read_some(const Buffers& buffers) {
    beast::error_code error;
    auto read = read_some(buffers, error);
    if (error) throw beast::system_error(error);
    return read;
  }

 private:
  std::string_view rest_;
  std::size_t piece_;
};

// What our handlers read of a request: the reader site's target, page and query, the cache's
// conditional headers and encodings, the newsroom's form. Its trace, to compare two readings.
std::string read_as_handlers_do(const http::Request& request) {
  std::string trace;
  auto target = site::parse_target(request.target());
  for (auto segment : target.segments) trace += site::is_slug(segment) ? 's' : '-';
  trace += std::to_string(site::page_number(target.query).value_or(0));
  trace += site::query_parameter(target.query, "q");
  auto encoding = cache::negotiate_encoding(request[http::beast_http::field::accept_encoding]);
  trace += cache::encoding_token(encoding);
  bool fresh = http::is_not_modified(
      request[http::beast_http::field::if_none_match],
      request[http::beast_http::field::if_modified_since],
      [](std::string_view tag) { return tag == "\"gazette\""; }, http::Seconds{});
  trace += fresh ? "304" : "200";
  auto form = http::parse_form(request[http::beast_http::field::content_type], request.body());
  trace += std::holds_alternative<http::Form>(form) ? "form" : "not a form";
  return trace;
}

// What the connection does after a failed read (Connection::stopped_by and refuse): 431, 413 or
// 400 for a request it cannot trust, or it closes. Which malformation was met first may depend on
// how the bytes were split; the answer may not.
std::string answer_to(beast::error_code error) {
  if (error == http::beast_http::error::header_limit) return "431";
  if (error == http::beast_http::error::body_limit) return "413";
  if (error.category() == make_error_code(http::beast_http::error::bad_version).category())
    return error == http::beast_http::error::end_of_stream ? "closed" : "400";
  return "closed";
}

// Reads requests from `stream` until the connection would close (as http/connection.cpp does:
// an error, a refusal, or a request that does not keep the connection alive); what was read.
std::string read_connection(InputStream stream) {
  std::string trace;
  beast::flat_buffer buffer;
  std::optional<http::RequestParser> parser;
  for (;;) {
    http::prepare_request_parser(parser, kBodyLimit);
    beast::error_code error;
    http::beast_http::read_header(stream, buffer, *parser, error);
    if (error) return trace + answer_to(error);
    auto length = parser->content_length();
    if (length && *length > kBodyLimit) return trace + "413";
    if (!parser->is_done()) http::beast_http::read(stream, buffer, *parser, error);
    if (error) return trace + answer_to(error);
    const auto& request = parser->get();
    trace += std::string(request.method_string()) + ' ' + std::string(request.target()) + ' ' +
             request.body() + ' ' + read_as_handlers_do(request) + '\n';
    if (!request.keep_alive()) return trace;
  }
}

// When the server's own reader accepts the head at the start of `bytes`, Beast's parser must
// accept it too, end it at the same byte, and read the same head from it: the page cache
// answers from either reading.
void check_plain_reading(std::string_view bytes) {
  auto plain = http::read_plain_request(bytes);
  if (!plain) return;
  std::optional<http::RequestParser> parser;
  http::prepare_request_parser(parser, kBodyLimit);
  beast::error_code error;
  auto used = parser->put(asio::buffer(bytes.data(), plain->length), error);
  fuzz::require(!error && parser->is_done() && used == plain->length,
                "Beast reads a plain request's head whole, and no body after it");
  auto beast = http::head_of(parser->get());
  const auto& ours = plain->head;
  fuzz::require(ours.method == beast.method && ours.target == beast.target &&
                    ours.version == beast.version && ours.keep_alive == beast.keep_alive,
                "a plain request's line and keep-alive read as Beast reads them");
  fuzz::require(ours.host == beast.host && ours.accept_encoding == beast.accept_encoding &&
                    ours.if_none_match == beast.if_none_match &&
                    ours.if_modified_since == beast.if_modified_since &&
                    ours.has_session_cookie == beast.has_session_cookie &&
                    ours.has_authorization == beast.has_authorization,
                "a plain request's fields read as Beast reads them");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = fuzz::as_text(data, size);
  check_plain_reading(bytes);
  auto whole = read_connection(InputStream(bytes, bytes.size() + 1));
  // A slow client's bytes arrive a few at a time; the requests read must be the same.
  auto trickled = read_connection(InputStream(bytes, 3));
  if (whole != trickled)
    std::fprintf(stderr, "whole:\n%s\ntrickled:\n%s\n", whole.c_str(), trickled.c_str());
  fuzz::require(whole == trickled, "a request reads the same however its bytes are split");
  return 0;
}
