// Loading and rendering the newsroom's embedded templates (see newsroom_theme.h).
#include "newsroom/newsroom_theme.h"

#include "embedded/embedded_files.h"

namespace gazette::newsroom {

/// A parsed template; kainjow's render() is not const, so each one renders under a lock.
struct NewsroomTheme::Template {
  explicit Template(const std::string& source) : compiled(source) {}
  std::mutex mutex;
  kainjow::mustache::mustache compiled;
};

NewsroomTheme::NewsroomTheme() {
  constexpr std::string_view kTemplates = "templates/";
  constexpr std::string_view kStrings = "i18n/";
  constexpr std::string_view kAssets = "assets/";
  std::vector<embedded::EmbeddedFile> files = embedded::newsroom_files();
  const auto& bundle = embedded::newsroom_bundle();
  files.insert(files.end(), bundle.begin(), bundle.end());
  for (const auto& file : files) {
    std::string path(file.path);
    if (path.starts_with(kTemplates) && path.ends_with(".mustache")) {
      auto name = path.substr(kTemplates.size(), path.size() - kTemplates.size() - 9);
      auto compiled = std::make_unique<Template>(std::string(file.bytes));
      if (!compiled->compiled.is_valid())
        throw theme::ThemeError(path + ": " + compiled->compiled.error_message());
      templates_[name] = std::move(compiled);
    } else if (path.starts_with(kStrings) && path.ends_with(".json")) {
      strings_.add(path.substr(kStrings.size(), path.size() - kStrings.size() - 5), file.bytes,
                   path);
    } else if (path.starts_with(kAssets)) {
      auto name = path.substr(kAssets.size());
      std::string type = name.ends_with(".css")  ? "text/css; charset=utf-8"
                         : name.ends_with(".js") ? "text/javascript; charset=utf-8"
                                                 : "application/octet-stream";
      assets_[name] = NewsroomAsset{type, std::string(file.bytes)};
    }
  }
  if (!templates_.contains("layout") || !strings_.has("fr"))
    throw theme::ThemeError("the newsroom's layout or French strings are missing");
}

NewsroomTheme::~NewsroomTheme() = default;

std::string NewsroomTheme::text(std::string_view language, std::string_view key) const {
  return strings_.text(language, key);
}

const NewsroomAsset* NewsroomTheme::asset(std::string_view name) const {
  auto found = assets_.find(name);
  return found == assets_.end() ? nullptr : &found->second;
}

std::string NewsroomTheme::render_template(std::string_view name, const theme::View& view) const {
  auto found = templates_.find(name);
  if (found == templates_.end())
    throw theme::ThemeError("no newsroom template " + std::string(name));
  std::lock_guard lock(found->second->mutex);
  return found->second->compiled.render(view);
}

std::string NewsroomTheme::render(std::string_view page, theme::View view,
                                  std::string_view language) const {
  view.set("t", strings_.view(language));
  view.set("content", render_template(page, view));
  return render_template("layout", view);
}

}  // namespace gazette::newsroom
