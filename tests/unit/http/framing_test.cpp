// Unit tests for http/framing: which Transfer-Encoding and Content-Length combinations a request
// may carry (RFC 9112, section 6.1), and the status each refusal gets.
#include "http/framing.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

Request request_with(std::initializer_list<std::pair<const char*, const char*>> fields,
                     unsigned version = 11) {
  Request request{beast_http::verb::post, "/", version};
  for (const auto& [name, value] : fields) request.insert(name, value);
  return request;
}

std::optional<Status> refusal(const Request& request) {
  auto refused = check_framing(request);
  if (!refused) return std::nullopt;
  return refused->status;
}

TEST(RequestFraming, AcceptsALengthNoBodyOrALoneChunked) {
  EXPECT_EQ(refusal(request_with({})), std::nullopt);
  EXPECT_EQ(refusal(request_with({{"Content-Length", "5"}})), std::nullopt);
  EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", "chunked"}})), std::nullopt);
  EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", " CHUNKED\t"}})), std::nullopt);
}

TEST(RequestFraming, RefusesABodyWithoutAKnownEnd) {
  for (const char* coding : {"chunked, identity", "xchunked", "identity", "gzip", "chunked,",
                             ", chunked", "chunked, chunked", "chunked;q=1", ""})
    EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", coding}})), Status::bad_request)
        << coding;
  // Two lines are one list: "chunked, chunked".
  EXPECT_EQ(
      refusal(request_with({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}})),
      Status::bad_request);
}

TEST(RequestFraming, RefusesCodingsItDoesNotUndoWith501) {
  EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", "gzip, chunked"}})),
            Status::not_implemented);
  EXPECT_EQ(
      refusal(request_with(
          {{"Transfer-Encoding", "deflate"}, {"Host", "x"}, {"Transfer-Encoding", "chunked"}})),
      Status::not_implemented);
}

TEST(RequestFraming, RefusesTransferEncodingWithContentLengthOrInHttp10) {
  EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", "chunked"}, {"Content-Length", "5"}})),
            Status::bad_request);
  EXPECT_EQ(refusal(request_with({{"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}})),
            Status::bad_request);
  EXPECT_EQ(refusal(request_with({{"Transfer-Encoding", "chunked"}}, 10)), Status::bad_request);
}

}  // namespace
}  // namespace gazette::http
