// HTTP responses carrying reader pages: the headers every HTML page gets, and themed messages.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"
#include "site/pages.h"

namespace gazette::site {

/// An HTML page with the site's protective headers (CSP, nosniff, referrer policy).
http::Response html_response(const http::Request& request, http::Status status, std::string html);

/// A JSON document for scripts (the search's JSON form), revalidated like pages.
http::Response json_response(const http::Request& request, std::string json);

/// A themed message page (`heading_key` and `message_key` are interface strings).
http::Response message_response(const http::Request& request, const PageContext& context,
                                http::Status status, std::string_view heading_key,
                                std::string_view message_key);

}  // namespace gazette::site
