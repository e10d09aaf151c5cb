// The names a writer types for an article's terms and co-authors, made into terms the same way
// by every writer (the newsroom's editor, the Content API).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"

namespace gazette::publishing {

/// Each name as a term, under the slug made from it.
std::vector<content::Term> terms_of(const std::vector<std::string>& names);

/// The co-authors named: each once, never the author (`author_slug`), in the order given. A name
/// an author has is that author, whatever their slug (an import may have made it from a login);
/// another is a new guest, under a slug made from the name.
std::vector<content::Term> coauthors_of(const std::vector<std::string>& names,
                                        std::string_view author_slug,
                                        const std::vector<content::Author>& authors);

}  // namespace gazette::publishing
