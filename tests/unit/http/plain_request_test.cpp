// Unit tests for http/plain_request: the server's own read of a plain GET or HEAD must read what
// it accepts exactly as Beast's parser does (the cache answers from either reading), and leave
// to Beast everything it is not sure of.
#include "http/plain_request.h"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>

#include "http/request_parser.h"

namespace gazette::http {
namespace {

// The head Beast's parser reads from `bytes`, which must be a whole request head.
RequestHead beast_head(std::string_view bytes, std::optional<RequestParser>& parser) {
  prepare_request_parser(parser, 0);
  boost::beast::error_code error;
  parser->put(boost::asio::buffer(bytes.data(), bytes.size()), error);
  EXPECT_FALSE(error) << error.message();
  EXPECT_TRUE(parser->is_header_done());
  return head_of(parser->get());
}

void expect_same_reading(std::string_view bytes) {
  SCOPED_TRACE(std::string(bytes));
  auto plain = read_plain_request(bytes);
  ASSERT_TRUE(plain);
  std::optional<RequestParser> parser;
  auto beast = beast_head(bytes, parser);
  EXPECT_EQ(plain->length, bytes.size());
  EXPECT_EQ(plain->head.method, beast.method);
  EXPECT_EQ(plain->head.target, beast.target);
  EXPECT_EQ(plain->head.version, beast.version);
  EXPECT_EQ(plain->head.keep_alive, beast.keep_alive);
  EXPECT_EQ(plain->head.host, beast.host);
  EXPECT_EQ(plain->head.accept_encoding, beast.accept_encoding);
  EXPECT_EQ(plain->head.if_none_match, beast.if_none_match);
  EXPECT_EQ(plain->head.if_modified_since, beast.if_modified_since);
  EXPECT_EQ(plain->head.has_session_cookie, beast.has_session_cookie);
  EXPECT_EQ(plain->head.has_authorization, beast.has_authorization);
}

TEST(PlainRequest, ReadsWhatItAcceptsAsBeastDoes) {
  expect_same_reading("GET / HTTP/1.1\r\nHost: gazette.test\r\n\r\n");
  expect_same_reading("HEAD /tag/x/?page=2 HTTP/1.0\r\nHost: a\r\n\r\n");
  expect_same_reading("GET /a/ HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n");
  expect_same_reading("GET /a/ HTTP/1.1\r\nhost:a\r\nCONNECTION: Close\r\n\r\n");
  expect_same_reading(
      "GET /a/ HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip, br \r\nIf-None-Match: \"x\"\r\n"
      "If-Modified-Since: Tue, 01 Dec 2026 10:00:00 GMT\r\nUser-Agent: t\r\n\r\n");
  expect_same_reading("GET / HTTP/1.1\r\nHost: a\r\nCookie: theme=dark; gazette_session=s\r\n\r\n");
  expect_same_reading("GET / HTTP/1.1\r\nHost: a\r\nCookie: gazette_session_old=s\r\n\r\n");
  expect_same_reading("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Basic eDp5\r\n\r\n");
}

TEST(PlainRequest, SeesTheSessionCookieAsTheNewsroomDoes) {
  auto signed_in = read_plain_request("GET / HTTP/1.1\r\nCookie: a=1; gazette_session=s\r\n\r\n");
  ASSERT_TRUE(signed_in);
  EXPECT_TRUE(signed_in->head.has_session_cookie);
  auto reader = read_plain_request("GET / HTTP/1.1\r\nCookie: xgazette_session=s\r\n\r\n");
  ASSERT_TRUE(reader);
  EXPECT_FALSE(reader->head.has_session_cookie);
}

TEST(PlainRequest, LeavesToBeastWhatItIsNotSureOf) {
  for (std::string_view bytes : {
           "GET / HTTP/1.1\r\nHost: a\r\n",                         // not whole yet
           "POST / HTTP/1.1\r\nHost: a\r\n\r\n",                    // not a GET or HEAD
           "GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",           // frames a body
           "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",  // frames a body
           "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",          // a folded line
           "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",          // a repeated field
           "GET / HTTP/1.1\r\nCookie: a=1\r\nCookie: gazette_session=s\r\n\r\n",
           "GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n\r\n",  // a list
           "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n",
           "GET http://a/ HTTP/1.1\r\n\r\n",  // absolute form
           "GET  / HTTP/1.1\r\n\r\n",         // two spaces
           "GET / HTTP/2.0\r\n\r\n", "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
           "GET / HTTP/1.1\r\nX: a\nY: b\r\n\r\n",  // a bare LF
       }) {
    EXPECT_FALSE(read_plain_request(bytes)) << bytes;
  }
}

// A head cut short (by a TCP segment, a slow client) that may still become a plain request is
// waited for; anything else is Beast's at once, so that it refuses a bad request line early.
TEST(PlainRequest, WaitsForTheRestOfWhatMayBecomeAPlainRequest) {
  for (std::string_view bytes : {"G", "GE", "HEAD", "GET / HTTP/1.1\r\nHo", "HEAD /a/ HTTP/1.0\r\n"})
    EXPECT_TRUE(may_begin_plain_request(bytes)) << bytes;
  for (std::string_view bytes : {"P", "POST / HTTP/1.1\r\n", "GETX", "\r\n", "get / ",
                                 "GET / HTTP/1.1\r\nHost: a\r\n\r\n"})
    EXPECT_FALSE(may_begin_plain_request(bytes)) << bytes;
  EXPECT_FALSE(may_begin_plain_request("GET /" + std::string(kHeaderLimit, 'a')))
      << "a head over the limit is Beast's to refuse";
}

TEST(PlainRequest, ReadsOnlyTheFirstOfPipelinedRequests) {
  std::string_view first = "GET /a/ HTTP/1.1\r\nHost: a\r\n\r\n";
  auto bytes = std::string(first) + "GET /b/ HTTP/1.1\r\nHost: a\r\n\r\n";
  auto plain = read_plain_request(bytes);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->length, first.size());
  EXPECT_EQ(plain->head.target, "/a/");
}

}  // namespace
}  // namespace gazette::http
