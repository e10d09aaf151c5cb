// Pinned articles ("sticky" in WordPress): the rows of `sticky_articles` (migrations/0006),
// written by every store that saves an article so a pin goes in the same transaction as the
// save it came with — the newsroom's edit, `gazette publish`, a WordPress import.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/sqlite/database.h"

namespace gazette::store::sqlite {

/// An SQL expression, true when the article aliased `a` is pinned.
inline constexpr std::string_view kArticleIsPinned =
    "EXISTS (SELECT 1 FROM sticky_articles p WHERE p.article_id = a.id)";

/// Pins or unpins article `article_id`, inside the caller's transaction.
void write_pin(Connection& connection, std::int64_t article_id, bool pinned);

}  // namespace gazette::store::sqlite
