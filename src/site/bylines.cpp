// Bylines (see bylines.h).
#include "site/bylines.h"

#include "site/paths.h"

namespace gazette::site {

std::vector<content::Term> byline_of(const content::Term& author,
                                     const std::vector<content::Term>& coauthors) {
  std::vector<content::Term> authors{author};
  authors.insert(authors.end(), coauthors.begin(), coauthors.end());
  return authors;
}

theme::View byline_view(const PageContext& context, const std::vector<content::Term>& authors) {
  theme::View list{theme::View::type::list};
  const auto last_separator = context.theme.text(context.settings.language, "byline_and");
  for (std::size_t i = 0; i < authors.size(); ++i) {
    theme::View name;
    name.set("before", i == 0                    ? std::string()
                       : i + 1 == authors.size() ? last_separator
                                                 : std::string(", "));
    name.set("name", authors[i].name);
    name.set("url", author_path(authors[i].slug));
    list.push_back(name);
  }
  return list;
}

discovery::PersonFacts person_facts(const PageContext& context, const content::Author& author) {
  discovery::PersonFacts person;
  person.name = author.name;
  person.url = context.base_url + author_path(author.slug);
  person.job_title = author.role;
  person.description = author.bio;
  if (author.photo) person.image_url = context.base_url + media_path(author.photo->name);
  person.same_as = author.links;
  return person;
}

std::vector<discovery::PersonFacts> byline_people(const PageContext& context,
                                                  const std::vector<content::Term>& authors) {
  std::vector<discovery::PersonFacts> people;
  for (const auto& term : authors) {
    if (auto author = context.store.find_author(term.slug)) {
      auto person = person_facts(context, *author);
      person.description.clear();  // the article names its authors; their bios are on their pages
      people.push_back(std::move(person));
    } else {
      people.push_back({term.name, context.base_url + author_path(term.slug), "", "", {}, {}});
    }
  }
  return people;
}

}  // namespace gazette::site
