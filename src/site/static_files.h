// Theme assets and media files: bytes served as they are, with long cache lifetimes because
// their names change whenever their bytes do.
#pragma once

#include <optional>
#include <string_view>

#include "http/message.h"
#include "store/store.h"
#include "theme/theme.h"

namespace gazette::site {

/// /assets/NAME: a theme asset by hashed name (cached for a year) or plain name (revalidated).
std::optional<http::Response> serve_asset(const http::Request& request, const theme::Theme& theme,
                                          std::string_view name);

/// /media/NAME: an image from the media store.
std::optional<http::Response> serve_media(const http::Request& request, store::Store& store,
                                          std::string_view name);

}  // namespace gazette::site
