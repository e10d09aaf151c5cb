// The Date header value ("Wed, 25 Nov 2026 08:51:28 GMT"), formatted at most once a second
// per thread rather than once a response.
#pragma once

#include <string_view>

namespace gazette::http {

/// The current time in IMF-fixdate form; valid until the calling thread calls it again.
std::string_view http_date_now();

}  // namespace gazette::http
