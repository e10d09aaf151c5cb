// The site settings at /newsroom/settings (admins): title, description, language, time zone,
// public address, feed content and logo — saved through publishing::SettingsService, which
// announces that every page may have changed.
#include "newsroom/settings_pages.h"

#include "discovery/site_url.h"
#include "render/dates.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {

// The languages the reader theme and the newsroom both have strings for.
constexpr std::pair<std::string_view, std::string_view> kLanguages[] = {{"fr", "Français"},
                                                                        {"en", "English"}};
constexpr std::size_t kMaxSiteTitleBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 500;

// The reason key of a refused site address, in the newsroom's catalog.
std::string site_url_problem_key(discovery::SiteUrlProblem problem) {
  switch (problem) {
    case discovery::SiteUrlProblem::too_long:
      return "err_site_url_too_long";
    case discovery::SiteUrlProblem::not_http:
      return "err_site_url_scheme";
    case discovery::SiteUrlProblem::no_host:
      return "err_site_url_host";
    case discovery::SiteUrlProblem::query_or_fragment:
      return "err_site_url_query";
    case discovery::SiteUrlProblem::invalid_characters:
      return "err_site_url_characters";
  }
  return "err_site_url_characters";
}

}  // namespace

http::Response SettingsPages::handle(Call& call) {
  if (call.segments.size() == 1 && call.segments[0] == "settings") return settings_page(call);
  if (call.segments.size() == 2 && call.segments[1] == "publisher") return publisher_page(call);
  return not_found(call);
}

http::Response SettingsPages::settings_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  auto values = call.settings;
  std::string url_text = values.url;  // after a refusal, what was typed
  if (call.is_post) {
    values.title = std::string(render::trim(call.form.get("title")));
    values.description = std::string(render::trim(call.form.get("description")));
    values.language = call.form.get("language");
    values.time_zone = std::string(render::trim(call.form.get("time_zone")));
    if (values.title.empty())
      errors.push_back({"title", "site_title", "err_required"});
    else if (!acceptable_text(values.title, kMaxSiteTitleBytes))
      errors.push_back({"title", "site_title", "err_invalid_text"});
    if (!acceptable_text(values.description, kMaxDescriptionBytes))
      errors.push_back({"description", "description", "err_invalid_text"});
    bool known_language = false;
    for (const auto& [code, name] : kLanguages) known_language |= code == values.language;
    if (!known_language) errors.push_back({"language", "language", "err_language"});
    try {
      render::DateFormatter check(values.language, values.time_zone);
      if (values.time_zone.empty()) throw std::invalid_argument("empty");
    } catch (const std::exception&) {
      errors.push_back({"time_zone", "time_zone", "err_time_zone"});
    }
    // A form without these fields (a script's, an older page's) leaves them as they are.
    if (call.form.has("url")) {
      url_text = call.form.get("url");
      auto url = discovery::normalise_site_url(url_text);
      if (auto* problem = std::get_if<discovery::SiteUrlProblem>(&url))
        errors.push_back({"url", "site_url", site_url_problem_key(*problem)});
      else
        values.url = std::get<std::string>(url);
    }
    if (call.form.has("feed_content")) {
      if (auto feed_content = content::parse_feed_content(call.form.get("feed_content")))
        values.feed_content = *feed_content;
      else
        errors.push_back({"feed_content", "feed_content", "err_feed_content"});
    }
    // The checkbox sends nothing when unticked: `api_key_field` says it was on the form.
    if (call.form.has("api_key_field"))
      values.api_requires_key = call.form.get("api_requires_key") == "1";
    if (call.form.get("remove_logo") == "1") values.logo.clear();
    if (auto file = call.form.files.find("logo");
        file != call.form.files.end() && !file->second.bytes.empty()) {
      // Checked by content like every photo; stored only when the rest of the form is valid.
      auto prepared = media_.prepare(file->second.bytes, file->second.file_name);
      if (std::holds_alternative<media::ImageRefusal>(prepared)) {
        errors.push_back({"logo", "logo_file", "err_not_image"});
      } else if (errors.empty()) {
        auto& image = std::get<media::PreparedImage>(prepared);
        values.logo = media_.save(image).name;
      }
    }
    if (errors.empty()) {
      settings_.save(values);
      return see_other(call, "/newsroom/settings?notice=settings_saved");
    }
  }
  auto view = frame(call, t("settings"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  view.set("title", values.title);
  view.set("description", values.description);
  std::vector<std::pair<std::string, std::string>> languages;
  for (const auto& [code, name] : kLanguages) languages.emplace_back(code, name);
  view.set("languages", options_view(languages, values.language));
  view.set("time_zone", values.time_zone);
  view.set("url", url_text);
  view.set("max_url_length", std::to_string(discovery::kMaxSiteUrlBytes));
  view.set("feed_contents",
           options_view({{"excerpt", t("feed_content_excerpt")}, {"full", t("feed_content_full")}},
                        content::to_string(values.feed_content)));
  view.set("api_requires_key", values.api_requires_key);
  view.set("has_logo", !call.settings.logo.empty());
  if (!call.settings.logo.empty()) view.set("logo_src", site::media_path(call.settings.logo));
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "settings", view);
}

}  // namespace gazette::newsroom
