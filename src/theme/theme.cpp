// Theme loading (embedded files, then the override folder) and rendering through kainjow/mustache.
#include "theme/theme.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include "content/hashing.h"
#include "embedded/embedded_files.h"
#include "theme/view_context.h"

namespace gazette::theme {

namespace fs = std::filesystem;

namespace {

// A news page is tens of kilobytes: one reservation instead of a dozen growths.
constexpr std::size_t kPageSizeHint = 64 * 1024;

// Ten hex digits of BLAKE2b: a collision between two versions of one asset is out of reach.
constexpr std::size_t kAssetHashBytes = 5;

std::string content_type_for(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (name.ends_with(extension)) return std::string(type);
  }
  return "application/octet-stream";
}

std::string hashed_name_for(const std::string& name, std::string_view bytes) {
  auto dot = name.rfind('.');
  auto hash = content::short_hash_hex(bytes, kAssetHashBytes);
  if (dot == std::string::npos) return name + "." + hash;
  return name.substr(0, dot) + "." + hash + name.substr(dot);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ThemeError("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string_view trim_view(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// "partials/card.mustache" → "card"; "article.mustache" → "article".
std::string template_name(std::string_view path, std::string_view prefix) {
  path.remove_prefix(prefix.size());
  path.remove_suffix(std::string_view(".mustache").size());
  return std::string(path);
}

}  // namespace

/// A parsed template. kainjow's render() is not const (it records errors in the template), so
/// a compiled copy renders one page at a time; one copy per core lets concurrent cache misses
/// render side by side instead of queueing on one lock.
struct Theme::Template {
  struct Copy {
    explicit Copy(const std::string& source) : compiled(source) {}
    std::mutex mutex;
    kainjow::mustache::mustache compiled;
  };
  explicit Template(const std::string& source) {
    auto count = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < count; ++i) copies.push_back(std::make_unique<Copy>(source));
  }
  const kainjow::mustache::mustache& compiled() const { return copies.front()->compiled; }
  /// A copy no one is rendering with, locked (the first one, waited for, when all are busy).
  std::pair<std::unique_lock<std::mutex>, kainjow::mustache::mustache*> take() {
    for (auto& copy : copies) {
      std::unique_lock lock(copy->mutex, std::try_to_lock);
      if (lock.owns_lock()) return {std::move(lock), &copy->compiled};
    }
    return {std::unique_lock(copies.front()->mutex), &copies.front()->compiled};
  }
  std::vector<std::unique_ptr<Copy>> copies;
};

Theme::Theme(const std::optional<fs::path>& override_dir) {
  for (const auto& file : embedded::default_theme()) {
    add_file(std::string(file.path), std::string(file.bytes));
  }
  if (override_dir) {
    if (!fs::is_directory(*override_dir))
      throw ThemeError("theme folder " + override_dir->string() + " does not exist");
    for (const auto& entry : fs::recursive_directory_iterator(*override_dir)) {
      if (!entry.is_regular_file()) continue;
      add_file(fs::relative(entry.path(), *override_dir).generic_string(), read_file(entry.path()));
    }
  }
  for (const char* required : {"layout", "home", "listing", "article", "message"}) {
    if (!template_sources_.contains(required))
      throw ThemeError(std::string("theme has no templates/") + required + ".mustache");
  }
  if (!strings_.has("fr")) throw ThemeError("theme has no i18n/fr.json");
  compile_templates();

  View assets;
  for (const auto& [name, asset] : assets_by_name_) {
    std::string key = name;
    for (char& c : key) {
      if (c == '.' || c == '-' || c == '/') c = '_';
    }
    assets.set(key, "/assets/" + asset.hashed_name);
  }
  for (const auto& language : strings_.languages()) {
    View globals;
    globals.set("t", strings_.view(language));
    globals.set("assets", assets);
    for (const auto& [name, source] : recursive_partials_) {
      const std::string* text = &source;
      globals.set(name, kainjow::mustache::partial([text] { return *text; }));
    }
    page_globals_.emplace(language, std::move(globals));
  }
}

// Partials are written into the templates that use them once, at load: kainjow would parse a
// partial's text again each time it is used (every card of a list). A partial that uses itself
// (a comment's replies) cannot be written out, and stays a partial.
void Theme::compile_templates() {
  for (const auto& [name, source] : template_sources_) {
    std::vector<std::string> expanding;
    auto compiled = std::make_unique<Template>(inline_partials(source, expanding));
    if (!compiled->compiled().is_valid())
      throw ThemeError("templates/" + name + ".mustache: " + compiled->compiled().error_message());
    templates_[name] = std::move(compiled);
  }
  for (const auto& [name, source] : partial_sources_) {
    std::vector<std::string> expanding = {name};
    auto text = inline_partials(source, expanding);
    if (text.find("{{> " + name + "}}") != std::string::npos ||
        text.find("{{>" + name + "}}") != std::string::npos)
      recursive_partials_[name] = std::move(text);
  }
}

std::string Theme::inline_partials(const std::string& source,
                                   std::vector<std::string>& expanding) const {
  std::string out;
  std::size_t at = 0;
  while (true) {
    auto open = source.find("{{>", at);
    if (open == std::string::npos) break;
    auto close = source.find("}}", open);
    if (close == std::string::npos) break;
    std::string name(trim_view(std::string_view(source).substr(open + 3, close - open - 3)));
    out.append(source, at, open - at);
    auto partial = partial_sources_.find(name);
    bool recursive = std::find(expanding.begin(), expanding.end(), name) != expanding.end();
    if (partial == partial_sources_.end() || recursive) {
      out.append(source, open, close + 2 - open);  // left to kainjow (or to fail visibly)
    } else {
      expanding.push_back(name);
      out += inline_partials(partial->second, expanding);
      expanding.pop_back();
    }
    at = close + 2;
  }
  out.append(source, at);
  return out;
}

Theme::~Theme() = default;

void Theme::add_file(const std::string& path, std::string bytes) {
  constexpr std::string_view kPartials = "templates/partials/";
  constexpr std::string_view kTemplates = "templates/";
  constexpr std::string_view kAssets = "assets/";
  constexpr std::string_view kStrings = "i18n/";
  if (path.starts_with(kPartials) && path.ends_with(".mustache")) {
    kainjow::mustache::mustache check(bytes);
    if (!check.is_valid()) throw ThemeError(path + ": " + check.error_message());
    partial_sources_[template_name(path, kPartials)] = std::move(bytes);
  } else if (path.starts_with(kTemplates) && path.ends_with(".mustache")) {
    template_sources_[template_name(path, kTemplates)] = std::move(bytes);
  } else if (path.starts_with(kAssets)) {
    std::string name = path.substr(kAssets.size());
    Asset asset{name, hashed_name_for(name, bytes), content_type_for(name), std::move(bytes)};
    plain_name_by_hashed_[asset.hashed_name] = name;
    assets_by_name_[name] = std::move(asset);
  } else if (path.starts_with(kStrings) && path.ends_with(".json")) {
    strings_.add(path.substr(kStrings.size(), path.size() - kStrings.size() - 5), bytes, path);
  }
}

const Asset* Theme::find_asset(std::string_view name) const {
  if (auto hashed = plain_name_by_hashed_.find(name); hashed != plain_name_by_hashed_.end())
    name = hashed->second;
  auto found = assets_by_name_.find(name);
  return found == assets_by_name_.end() ? nullptr : &found->second;
}

bool Theme::is_hashed_asset_name(std::string_view name) const {
  return plain_name_by_hashed_.contains(name);
}

std::string Theme::text(std::string_view language, std::string_view key) const {
  return strings_.text(language, key);
}

const View& Theme::page_globals(std::string_view language) const {
  auto found = page_globals_.find(language);
  return found != page_globals_.end() ? found->second : page_globals_.at("fr");
}

std::string Theme::render_template(std::string_view name,
                                   kainjow::mustache::basic_context<std::string>& context) const {
  auto found = templates_.find(name);
  if (found == templates_.end()) throw ThemeError("no template " + std::string(name));
  // kainjow writes to any type with operator<<: appending to a string spares an ostringstream
  // (and its locale) per page.
  struct Sink {
    std::string text;
    Sink& operator<<(const std::string& part) {
      text += part;
      return *this;
    }
  } sink;
  sink.text.reserve(kPageSizeHint);
  auto [lock, compiled] = found->second->take();
  compiled->render(context, sink);
  return std::move(sink.text);
}

std::string Theme::render_page(std::string_view page, View view, std::string_view language) const {
  ViewContext context;
  context.push(&page_globals(language));
  context.push(&view);  // the page's own data first, the globals behind it
  view.set("content", render_template(page, context));
  return render_template("layout", context);
}

std::string Theme::render_document(std::string_view name, View view,
                                   std::string_view language) const {
  ViewContext context;
  context.push(&page_globals(language));
  context.push(&view);
  return render_template(name, context);
}

}  // namespace gazette::theme
