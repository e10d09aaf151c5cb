// The text form of dependencies (see dependency_text.h).
#include "content/dependency_text.h"

#include <array>
#include <charconv>
#include <utility>

namespace gazette::content {

namespace {

using Kind = Dependency::Kind;

// The prefix of each kind; the kinds of one article end in its id, those naming a term or a
// listing in its slug, the others are the whole word.
constexpr std::array<std::pair<Kind, std::string_view>, 14> kPrefixes{{
    {Kind::article, "article:"},
    {Kind::comments, "comments:"},
    {Kind::related, "related:"},
    {Kind::section_name, "term:section:"},
    {Kind::tag_name, "term:tag:"},
    {Kind::category_name, "term:category:"},
    {Kind::author_name, "term:author:"},
    {Kind::section_navigation, "sections"},
    {Kind::documents, "documents"},
    {Kind::home_list, "list:home"},
    {Kind::section_list, "list:section:"},
    {Kind::tag_list, "list:tag:"},
    {Kind::author_list, "list:author:"},
    {Kind::category_list, "list:category:"},
}};

bool names_an_article(Kind kind) {
  return kind == Kind::article || kind == Kind::comments || kind == Kind::related;
}

bool names_nothing_else(Kind kind) {
  return kind == Kind::section_navigation || kind == Kind::documents || kind == Kind::home_list;
}

std::string_view prefix_of(Kind kind) {
  for (const auto& [each, prefix] : kPrefixes) {
    if (each == kind) return prefix;
  }
  return {};
}

}  // namespace

std::string to_text(const Dependency& dependency) {
  std::string text(prefix_of(dependency.kind));
  if (names_an_article(dependency.kind))
    text += std::to_string(dependency.article.value);
  else if (!names_nothing_else(dependency.kind))
    text += dependency.slug;
  return text;
}

std::optional<Dependency> parse_dependency(std::string_view text) {
  for (const auto& [kind, prefix] : kPrefixes) {
    if (names_nothing_else(kind)) {
      if (text == prefix) return Dependency{kind, {}, {}};
      continue;
    }
    if (!text.starts_with(prefix)) continue;
    auto rest = text.substr(prefix.size());
    if (rest.empty()) return std::nullopt;
    if (!names_an_article(kind)) return Dependency{kind, {}, std::string(rest)};
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
    if (error != std::errc() || end != rest.data() + rest.size()) return std::nullopt;
    return Dependency{kind, ArticleId{id}, {}};
  }
  return std::nullopt;
}

std::string format_dependencies(const std::vector<Dependency>& dependencies) {
  std::string text;
  for (const auto& dependency : dependencies) {
    if (!text.empty()) text += ' ';
    text += to_text(dependency);
  }
  return text;
}

std::optional<std::vector<Dependency>> parse_dependencies(std::string_view text) {
  std::vector<Dependency> dependencies;
  while (!text.empty()) {
    auto space = text.find(' ');
    auto word = text.substr(0, space);
    if (!word.empty()) {
      auto dependency = parse_dependency(word);
      if (!dependency) return std::nullopt;
      dependencies.push_back(std::move(*dependency));
    }
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return dependencies;
}

}  // namespace gazette::content
