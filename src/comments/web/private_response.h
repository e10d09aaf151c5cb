// Responses of the comment pages no cache may keep: they carry one reader's form, text or
// signed timestamp.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"

namespace gazette::comments::web {

/// A themed HTML page for one visitor: never stored by a cache, never indexed, and its address
/// (which may hold a private key) never sent on as a referrer.
http::Response private_html(const http::Request& request, http::Status status, std::string html);

/// A 303 to `location` (after a POST, the browser GETs it), not cached. `location` is built
/// from checked parts (an article's path, a comment's receipt): see http::LocalPath::checked.
http::Response see_other(const http::Request& request, std::string_view location);

}  // namespace gazette::comments::web
