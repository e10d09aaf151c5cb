// The interface strings of a theme (reader or newsroom), one JSON catalog per language, with
// French as the language every other falls back to.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::theme {

class StringCatalog {
 public:
  /// Adds (or overrides, key by key) `language`'s strings from `json`, an object of strings.
  /// Throws ThemeError naming `path` when it is anything else.
  void add(const std::string& language, std::string_view json, const std::string& path);

  bool has(std::string_view language) const { return strings_.contains(language); }
  std::vector<std::string> languages() const;

  /// `key` in `language`, falling back to French, then to the key itself.
  std::string text(std::string_view language, std::string_view key) const;
  /// Every string of `language`, French filling its gaps: what templates read as `t`.
  kainjow::mustache::data view(std::string_view language) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> strings_;
};

}  // namespace gazette::theme
