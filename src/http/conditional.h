// Conditional requests (RFC 9110, section 13): HTTP dates, entity tags, and whether a client
// already holds the current representation. Used by the page cache and by the feeds.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::http {

using Seconds = std::chrono::sys_seconds;

/// "Sun, 08 Dec 2024 05:00:00 GMT" (IMF-fixdate, also RSS's RFC 822 form).
std::string format_http_date(Seconds instant);
/// The instant an IMF-fixdate names; nullopt for anything else.
std::optional<Seconds> parse_http_date(std::string_view text);

/// Whether a request with these headers already has the representation: If-None-Match lists
/// a tag `is_current` accepts (or "*"; weak comparison, as GET wants) or — without
/// If-None-Match — If-Modified-Since is at or after `modified`.
bool is_not_modified(std::string_view if_none_match, std::string_view if_modified_since,
                     const std::function<bool(std::string_view)>& is_current, Seconds modified);

}  // namespace gazette::http
