// The newsroom's own look: its Mustache templates, interface strings (fr, en) and two static
// files, compiled into the binary (src/newsroom/{templates,i18n,assets}). It is not a reader
// theme: a site's theme cannot change the newsroom, and the newsroom never uses a theme's files.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "theme/string_catalog.h"
#include "theme/theme.h"

namespace gazette::newsroom {

/// A static file of the newsroom (its stylesheet, its script).
struct NewsroomAsset {
  std::string content_type;
  std::string bytes;
};

class NewsroomTheme {
 public:
  /// Loads the embedded files; throws theme::ThemeError when one does not parse (a build bug).
  NewsroomTheme();
  ~NewsroomTheme();
  NewsroomTheme(const NewsroomTheme&) = delete;
  NewsroomTheme& operator=(const NewsroomTheme&) = delete;

  /// templates/`page`.mustache with `view` (plus `t`, the strings of `language`) inside the
  /// layout. Every `{{value}}` is escaped; only `content` and rendered Markdown are not.
  std::string render(std::string_view page, theme::View view, std::string_view language) const;
  /// The string `key` in `language`, falling back to French, then to the key itself.
  std::string text(std::string_view language, std::string_view key) const;
  const NewsroomAsset* asset(std::string_view name) const;

 private:
  struct Template;
  std::string render_template(std::string_view name, const theme::View& view) const;

  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;
  theme::StringCatalog strings_;
  std::map<std::string, NewsroomAsset, std::less<>> assets_;
};

}  // namespace gazette::newsroom
