// The server's own read of the commonest request: a GET or HEAD of a path, with a few fields and
// no body. A page the cache holds is then sent without Beast's parser building the request
// (a third of what a hit cost). It accepts strictly less than Beast does, and reads what it
// accepts as Beast would: anything it is not sure of — a field that frames a body, a line folded
// over two, a repeated field the cache reads, bytes Beast refuses, a head not yet whole — makes it
// give up, and Beast's parser reads the request as it reads every other one (fuzz/http_request
// checks the two readings agree).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "http/request_head.h"

namespace gazette::http {

struct PlainRequest {
  RequestHead head;        // views into the bytes read
  std::size_t length = 0;  // of the head, its closing empty line included
};

/// The plain GET or HEAD whose whole head begins `bytes`, or nothing (then Beast's parser reads
/// it). Heads over kHeaderLimit (http/request_parser.h) are left to Beast's 431.
std::optional<PlainRequest> read_plain_request(std::string_view bytes);

/// Whether `bytes`, a head not whole yet, may be the beginning of a plain GET or HEAD: the
/// server then reads on until the head is whole before it chooses a reader, rather than hand a
/// head cut by a TCP segment (or a slow client) to Beast. Anything else goes to Beast at once,
/// which refuses a malformed request line without waiting for the rest.
bool may_begin_plain_request(std::string_view bytes);

}  // namespace gazette::http
