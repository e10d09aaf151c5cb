// How a request says where its body ends, checked before the body is read: a lone `chunked`
// Transfer-Encoding or a Content-Length, never both, never anything a proxy in front could read
// differently from us (RFC 9112, section 6) — the way requests are smuggled past a proxy.
#pragma once

#include <optional>
#include <string_view>

#include "http/message.h"

namespace gazette::http {

/// Why a request's framing is refused: the status to answer (400, or 501 for a transfer coding
/// we do not implement) and a one-line reason for the client. The connection closes after it,
/// since where the next request would start is unknown.
struct FramingRefusal {
  Status status;
  std::string_view reason;
};

/// Nothing when `header` frames its body in a way we read exactly as any proxy does: no
/// Transfer-Encoding (a Content-Length, or no body), or a single `chunked` with no
/// Content-Length on HTTP/1.1.
std::optional<FramingRefusal> check_framing(const Request& header);

}  // namespace gazette::http
