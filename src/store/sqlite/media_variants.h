// Reading an image's resized copies (migrations/0003 media_variants), for every SQLite store
// that hands out a MediaRef the reader pages put in `srcset`.
#pragma once

#include "content/types.h"
#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

/// Fills `image.variants` from the database, narrowest first, and what every figure of the
/// image shows with it: its credit and focal point (set in the media library).
void attach_variants(Connection& connection, content::MediaRef& image);

}  // namespace gazette::store::sqlite
