// Who signs an article, as readers see it: the byline « par Sara Dupont et Karim Haddad », each
// name linking to its author page, and each author as a schema.org Person for the JSON-LD of the
// article and of the author's page.
#pragma once

#include <vector>

#include "discovery/structured_data.h"
#include "site/pages.h"

namespace gazette::site {

/// The authors in byline order: the first, then who co-signs.
std::vector<content::Term> byline_of(const content::Term& author,
                                     const std::vector<content::Term>& coauthors);
inline std::vector<content::Term> byline_of(const content::ArticleSummary& article) {
  return byline_of(article.author, article.coauthors);
}

/// The byline's names, each {before, name, url}: `before` is "" for the first, the language's
/// « et » before the last, and ", " between the others.
theme::View byline_view(const PageContext& context, const std::vector<content::Term>& authors);

/// The author as a Person: their page, role, bio, photo and links elsewhere.
discovery::PersonFacts person_facts(const PageContext& context, const content::Author& author);

/// Each author of the byline as a Person, read from the store (one read per author, on a
/// render); an author gone since keeps their name and page.
std::vector<discovery::PersonFacts> byline_people(const PageContext& context,
                                                  const std::vector<content::Term>& authors);

}  // namespace gazette::site
