// Cookies: reading one from a request, and the name of the newsroom's session cookie — spelled
// here only, for the newsroom that sets it and the page cache that must never serve a
// signed-in request from a page kept for readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace gazette::http {

/// The name of the session cookie; its path is /newsroom, so reader pages never receive it.
inline constexpr std::string_view kSessionCookie = "gazette_session";

/// The value of cookie `name` in one Cookie header's value, or nothing when it is not there.
std::optional<std::string_view> cookie_in(std::string_view header, std::string_view name);

/// The value of cookie `name` in the request's Cookie header(s), or "".
std::string cookie_value(const Request& request, std::string_view name);

}  // namespace gazette::http
