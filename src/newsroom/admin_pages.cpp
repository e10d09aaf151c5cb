// What only an admin manages: accounts and their roles (/newsroom/users/), sections
// (/newsroom/sections/) and the site settings (/newsroom/settings). Each write goes through
// its service (auth::Accounts, TermService, SettingsService), which announces what changed.
#include "auth/passwords.h"
#include "discovery/site_url.h"
#include "newsroom/call.h"
#include "render/dates.h"
#include "render/slug.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {

// The languages the reader theme and the newsroom both have strings for.
constexpr std::pair<std::string_view, std::string_view> kLanguages[] = {{"fr", "Français"},
                                                                        {"en", "English"}};
constexpr std::size_t kMaxSiteTitleBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 500;
constexpr std::size_t kMaxSectionNameBytes = 100;

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

// The error key of a refused account, in the newsroom's catalog.
std::string account_problem_key(auth::AccountProblem problem) {
  switch (problem) {
    case auth::AccountProblem::email_taken:
      return "err_email_taken";
    case auth::AccountProblem::invalid_email:
    case auth::AccountProblem::no_such_account:
      return "err_email";
    case auth::AccountProblem::password_too_short:
    case auth::AccountProblem::password_too_long:
      return "err_password";
    case auth::AccountProblem::invalid_name:
    case auth::AccountProblem::name_without_letters:
      return "err_invalid_text";
  }
  return "err_invalid_text";
}

std::vector<std::pair<std::string, std::string>> role_options(
    const std::function<std::string(std::string_view)>& t) {
  std::vector<std::pair<std::string, std::string>> roles;
  for (auto role : {content::Role::contributor, content::Role::author, content::Role::editor,
                    content::Role::admin})
    roles.emplace_back(content::to_string(role), t(role_key(role)));
  return roles;
}

}  // namespace

http::Response Newsroom::users_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_users)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  std::string created_email, created_password;
  auto status = http::Status::ok;
  if (call.is_post) {
    auto email = std::string(render::trim(call.form.get("email")));
    auto name = call.form.get("name");
    auto role = content::parse_role(call.form.get("role"));
    auto password = call.form.get("password");
    bool generated = password.empty();
    if (generated) password = auth::generate_password();
    if (!role) {
      errors.push_back({"new-role", "role", "err_role"});
    } else if (auto problem = services_.account_admin.add(email, name, *role, password)) {
      std::string field(auth::field_of(*problem));
      errors.push_back({"new-" + field, field, account_problem_key(*problem)});
    } else {
      created_email = email;
      // Shown once, in this response only: it is never stored, logged or put in a URL.
      if (generated) created_password = password;
    }
    if (!errors.empty()) status = http::Status::unprocessable_entity;
  }
  auto view = frame(call, t("users"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("has_created", !created_email.empty());
  view.set("created_email", created_email);
  view.set("has_password", !created_password.empty());
  view.set("created_password", created_password);
  view.set("csrf", call.session->csrf_token);
  auto roles = role_options(t);
  theme::View users{theme::View::type::list};
  for (const auto& user : services_.accounts.users()) {
    theme::View item;
    item.set("name", user.name);
    item.set("email", user.email);
    item.set("role_url", "/newsroom/users/" + std::to_string(user.id.value) + "/role");
    item.set("roles", options_view(roles, content::to_string(user.role)));
    users.push_back(item);
  }
  view.set("users", users);
  bool keep = !errors.empty();
  view.set("email", keep ? call.form.get("email") : std::string());
  view.set("name", keep ? call.form.get("name") : std::string());
  view.set("new_roles", options_view(roles, keep ? call.form.get("role") : "contributor"));
  return page(call, status, "users", view);
}

http::Response Newsroom::change_role(Call& call, std::int64_t user_id) {
  if (!auth::can(call.user().role, auth::Capability::manage_users)) return forbidden(call);
  auto role = content::parse_role(call.form.get("role"));
  if (!role)
    return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
  if (!services_.account_admin.set_role(content::UserId{user_id}, *role)) return not_found(call);
  return see_other(call, "/newsroom/users/?notice=role_changed");
}

http::Response Newsroom::sections_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_sections)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  if (call.is_post) {
    bool create = call.form.get("create") == "1";
    auto name = std::string(render::trim(call.form.get("name")));
    auto description = std::string(render::trim(call.form.get("description")));
    auto slug = create ? render::slugify(name) : call.form.get("slug");
    if (name.empty() || !acceptable_text(name, kMaxSectionNameBytes) || slug.empty()) {
      errors.push_back(
          {"section-name", "name", name.empty() ? "err_required" : "err_invalid_text"});
    } else if (!acceptable_text(description, kMaxDescriptionBytes)) {
      errors.push_back({"section-description", "description", "err_too_long"});
    } else if (create && content::is_reserved_section_slug(slug)) {
      errors.push_back({"section-name", "name", "err_section_reserved"});
    } else {
      switch (services_.term_service.save_section(slug, name, description, create)) {
        case publishing::SectionSave::not_found:
          return not_found(call);
        case publishing::SectionSave::slug_taken:
          errors.push_back({"section-name", "name", "err_section_exists"});
          break;
        case publishing::SectionSave::saved:
          return see_other(call, "/newsroom/sections/?notice=section_saved");
      }
    }
  }
  auto view = frame(call, t("sections"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  theme::View sections{theme::View::type::list};
  for (const auto& section : services_.store.sections()) {
    theme::View item;
    item.set("slug", section.slug);
    item.set("name", section.name);
    item.set("description", section.description);
    item.set("public_url", site::section_path(section.slug));
    sections.push_back(item);
  }
  view.set("sections", sections);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "sections", view);
}

http::Response Newsroom::settings_page(Call& call) {
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
    if (call.form.get("remove_logo") == "1") values.logo.clear();
    if (auto file = call.form.files.find("logo");
        file != call.form.files.end() && !file->second.bytes.empty()) {
      // Checked by content like every photo; stored only when the rest of the form is valid.
      auto prepared = services_.media_service.prepare(file->second.bytes, file->second.file_name);
      if (std::holds_alternative<media::ImageRefusal>(prepared)) {
        errors.push_back({"logo", "logo_file", "err_not_image"});
      } else if (errors.empty()) {
        auto& image = std::get<media::PreparedImage>(prepared);
        values.logo = services_.media_service.save(image).name;
      }
    }
    if (errors.empty()) {
      services_.settings.save(values);
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
  view.set("has_logo", !call.settings.logo.empty());
  if (!call.settings.logo.empty()) view.set("logo_src", site::media_path(call.settings.logo));
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "settings", view);
}

}  // namespace gazette::newsroom
