// check_framing: the Transfer-Encoding rules of RFC 9112, section 6.1 (see framing.h).
#include "http/framing.h"

#include <boost/beast/core/string.hpp>

#include <string>
#include <vector>

namespace gazette::http {

namespace {

using field = beast_http::field;

constexpr FramingRefusal kBothLengths{
    Status::bad_request, "Transfer-Encoding and Content-Length together: which one ends the body?"};
constexpr FramingRefusal kChunkedNotLast{
    Status::bad_request, "Transfer-Encoding must end with chunked, once, or the body has no end"};
constexpr FramingRefusal kCodingInHttp10{Status::bad_request,
                                         "Transfer-Encoding does not exist in HTTP/1.0"};
constexpr FramingRefusal kUnimplementedCoding{
    Status::not_implemented,
    "Only the chunked transfer coding is implemented; send the body as is"};

// The codings of every Transfer-Encoding line, in order, as written (spaces around commas
// dropped). An empty element stays: "chunked," is not a lone chunked.
std::vector<std::string_view> transfer_codings(const Request& header) {
  std::vector<std::string_view> codings;
  // Every line of the header, not equal_range: Beast's spans the lines in between too.
  for (const auto& line : header) {
    if (line.name() != field::transfer_encoding) continue;
    std::string_view value = line.value();
    for (;;) {
      auto comma = value.find(',');
      auto element = value.substr(0, comma);
      auto first = element.find_first_not_of(" \t");
      auto last = element.find_last_not_of(" \t");
      codings.push_back(first == std::string_view::npos ? std::string_view()
                                                        : element.substr(first, last - first + 1));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return codings;
}

bool is_chunked(std::string_view coding) {
  return boost::beast::iequals(coding, "chunked");
}

}  // namespace

std::optional<FramingRefusal> check_framing(const Request& header) {
  if (header.find(field::transfer_encoding) == header.end()) return std::nullopt;
  // A message with both may be read by its length by one server and by its chunks by the
  // next: the body of one becomes a request of its own.
  if (header.find(field::content_length) != header.end()) return kBothLengths;
  if (header.version() < 11) return kCodingInHttp10;
  auto codings = transfer_codings(header);
  // Without chunked last, only the end of the connection would end the body: never for a
  // request (and `xchunked` or `chunked, identity` is read as chunked by some proxies).
  if (!is_chunked(codings.back())) return kChunkedNotLast;
  for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
    if (is_chunked(codings[i]) || codings[i].empty()) return kChunkedNotLast;
  }
  // gzip, deflate…, then chunked: well framed, but a coding of the body we do not undo.
  if (codings.size() > 1) return kUnimplementedCoding;
  return std::nullopt;
}

}  // namespace gazette::http
