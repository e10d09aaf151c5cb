// StringCatalog: loading catalogs and looking strings up (see string_catalog.h).
#include "theme/string_catalog.h"

#include <nlohmann/json.hpp>

#include "theme/theme.h"

namespace gazette::theme {

void StringCatalog::add(const std::string& language, std::string_view json,
                        const std::string& path) {
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) throw ThemeError(path + ": not a JSON object of strings");
  auto& strings = strings_[language];
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string()) throw ThemeError(path + ": " + key + " is not a string");
    strings[key] = value.get<std::string>();
  }
}

std::vector<std::string> StringCatalog::languages() const {
  std::vector<std::string> languages;
  for (const auto& [language, strings] : strings_) languages.push_back(language);
  return languages;
}

std::string StringCatalog::text(std::string_view language, std::string_view key) const {
  for (std::string_view candidate : {language, std::string_view("fr")}) {
    auto strings = strings_.find(candidate);
    if (strings == strings_.end()) continue;
    if (auto found = strings->second.find(key); found != strings->second.end())
      return found->second;
  }
  return std::string(key);
}

kainjow::mustache::data StringCatalog::view(std::string_view language) const {
  kainjow::mustache::data strings;
  for (std::string_view candidate : {std::string_view("fr"), language}) {
    auto catalog = strings_.find(candidate);
    if (catalog == strings_.end()) continue;
    for (const auto& [key, value] : catalog->second) strings.set(key, value);
  }
  return strings;
}

}  // namespace gazette::theme
