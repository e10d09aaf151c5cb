// A theme: Mustache templates, static assets served under content-hashed names, and the
// interface strings of each language. The default theme is compiled into the binary; a folder
// given with --theme overrides it file by file.
#pragma once

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "theme/string_catalog.h"

namespace gazette::theme {

using View = kainjow::mustache::data;

/// A theme that cannot be used: a template that does not parse, a catalog that is not JSON.
class ThemeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A static file of the theme, with the name it is served under.
struct Asset {
  std::string name;         // "style.css"
  std::string hashed_name;  // "style.3f2a1b9c0d.css": changes whenever the bytes change
  std::string content_type;
  std::string bytes;
};

class Theme {
 public:
  /// The built-in theme, overridden by the files found in `override_dir` when given.
  explicit Theme(const std::optional<std::filesystem::path>& override_dir = std::nullopt);
  ~Theme();
  Theme(const Theme&) = delete;
  Theme& operator=(const Theme&) = delete;

  /// Renders templates/`page`.mustache with `view`, then the layout around it. `view` receives
  /// the partials, the language's strings as `t` and the asset URLs as `assets`.
  std::string render_page(std::string_view page, View view, std::string_view language) const;
  /// Renders templates/`name`.mustache alone, without the layout (an e-mail's parts), with the
  /// same globals as a page.
  std::string render_document(std::string_view name, View view, std::string_view language) const;

  /// The asset served at /assets/`name`, by hashed name or by plain name.
  const Asset* find_asset(std::string_view name) const;
  /// Whether `name` is the hashed name of an asset (so it may be cached for a year).
  bool is_hashed_asset_name(std::string_view name) const;

  /// The interface string `key` in `language` (falling back to French, then to the key).
  std::string text(std::string_view language, std::string_view key) const;

 private:
  struct Template;
  void add_file(const std::string& path, std::string bytes);
  void compile_templates();
  std::string inline_partials(const std::string& source, std::vector<std::string>& expanding) const;
  const View& page_globals(std::string_view language) const;
  std::string render_template(std::string_view name,
                              kainjow::mustache::basic_context<std::string>& context) const;

  std::map<std::string, std::string, std::less<>> template_sources_;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
  std::map<std::string, std::string, std::less<>> partial_sources_;
  std::map<std::string, std::string, std::less<>> recursive_partials_;  // rendered on demand
  // What every page receives besides its own data — `t`, `assets` and the recursive partials
  // — per language, built once and looked up behind the page's data rather than copied in.
  std::map<std::string, View, std::less<>> page_globals_;
  StringCatalog strings_;
  std::map<std::string, Asset, std::less<>> assets_by_name_;
  std::map<std::string, std::string, std::less<>> plain_name_by_hashed_;
};

}  // namespace gazette::theme
