// The rule every response header value keeps: bounded, and nothing in it that could end the
// header or start another. Values built from request data are shaped to keep it where they are
// made (redirects: local_path.h); the page cache's front door checks every response against it
// before anything is sent or stored (cache/caching_responder.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "http/message.h"

namespace gazette::http {

/// No value we send needs more (the longest are a Location, at most kMaxLocalPathBytes, and the
/// Content-Security-Policy); Beast itself throws past 64 KiB, and proxies refuse far less.
inline constexpr std::size_t kMaxHeaderValueBytes = 8 * 1024;

/// Whether `value` may be sent as a header value: at most kMaxHeaderValueBytes, and no control
/// character but the tab (RFC 9110 §5.5: CR, LF and NUL are never allowed).
bool is_safe_header_value(std::string_view value);

/// The name of the first header of `response` whose value breaks the rule, if one does.
std::optional<std::string_view> first_unsafe_header(const Response& response);

}  // namespace gazette::http
