// Terms and co-authors from the names a writer typed (see article_terms.h).
#include "publishing/article_terms.h"

#include "render/slug.h"

namespace gazette::publishing {

std::vector<content::Term> terms_of(const std::vector<std::string>& names) {
  std::vector<content::Term> terms;
  for (const auto& name : names) terms.push_back({render::slugify(name), name});
  return terms;
}

std::vector<content::Term> coauthors_of(const std::vector<std::string>& names,
                                        std::string_view author_slug,
                                        const std::vector<content::Author>& authors) {
  std::vector<content::Term> coauthors;
  for (auto& term : terms_of(names)) {
    for (const auto& author : authors)
      if (author.name == term.name) term.slug = author.slug;
    bool seen = term.slug == author_slug;
    for (const auto& kept : coauthors) seen |= kept.slug == term.slug;
    if (!seen) coauthors.push_back(std::move(term));
  }
  return coauthors;
}

}  // namespace gazette::publishing
