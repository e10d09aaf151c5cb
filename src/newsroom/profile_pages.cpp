// Author profiles at /newsroom/authors/{slug}: the name, role, biography, links and photo
// readers see on the author's page. Everyone edits their own; editors and admins edit anyone's,
// and list and add guest authors (who sign without an account) at /newsroom/authors/.
#include "newsroom/profile_pages.h"

#include "content/line_list.h"
#include "render/slug.h"
#include "render/text.h"
#include "site/paths.h"
#include "webhooks/webhook_url.h"

namespace gazette::newsroom {

namespace {
constexpr std::size_t kMaxAuthorNameBytes = 120;
constexpr std::size_t kMaxRoleBytes = 120;
constexpr std::size_t kMaxBioBytes = 2000;
constexpr std::size_t kMaxLinks = 10;

// The author's links, one a line: each an absolute http(s) address (the same check as a
// webhook's: a host, nothing to encode), or nullopt when one is not.
std::optional<std::vector<std::string>> parse_links(std::string_view text) {
  std::vector<std::string> links;
  for (const auto& line : content::split_lines(text)) {
    auto link = render::trim(line);
    if (link.empty()) continue;
    if (!webhooks::parse_webhook_url(link)) return std::nullopt;
    links.emplace_back(link);
  }
  if (links.size() > kMaxLinks) return std::nullopt;
  return links;
}
}  // namespace

http::Response ProfilePages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] == "profile" && s.size() == 1 && !call.is_post)
    return see_other(call, "/newsroom/authors/" + call.user().author_slug);
  if (s[0] == "authors" && s.size() == 1) return author_list(call);
  if (s[0] == "authors" && s.size() == 2 && render::is_slug(s[1]))
    return author_profile(call, s[1]);
  return not_found(call);
}

http::Response ProfilePages::author_list(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_terms)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  std::string guest_name;
  if (call.is_post) {
    guest_name = std::string(render::trim(call.form.get("name")));
    if (guest_name.empty())
      errors.push_back({"name", "name", "err_required"});
    else if (!acceptable_text(guest_name, kMaxAuthorNameBytes) ||
             render::has_control_character(guest_name) || render::slugify(guest_name).empty())
      errors.push_back({"name", "name", "err_invalid_text"});
    else if (auto added = profiles_.add_guest(guest_name))
      return see_other(call, "/newsroom/authors/" + added->slug + "?notice=profile_saved");
    else
      errors.push_back({"name", "name", "err_author_exists"});
  }
  auto view = frame(call, t("authors"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  view.set("guest_name", guest_name);
  theme::View list{theme::View::type::list};
  for (const auto& author : profiles_.authors()) {
    theme::View row;
    row.set("name", author.name);
    row.set("edit_url", "/newsroom/authors/" + author.slug);
    row.set("public_url", site::author_path(author.slug));
    list.push_back(row);
  }
  view.set("authors", list);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "authors", view);
}

http::Response ProfilePages::author_profile(Call& call, std::string_view slug) {
  const auto& user = call.user();
  if (slug != user.author_slug && !auth::can(user.role, auth::Capability::manage_terms))
    return forbidden(call);
  auto profile = profiles_.find(slug);
  if (!profile) return not_found(call);
  auto t = [&](std::string_view key) { return text(call, key); };

  std::vector<FieldError> errors;
  auto name = profile->name;
  auto role = profile->role;
  auto bio = profile->bio;
  auto links_text = content::join_lines(profile->links);
  std::vector<std::string> links = profile->links;
  if (call.is_post) {
    name = std::string(render::trim(call.form.get("name")));
    role = std::string(render::trim(call.form.get("role")));
    bio = std::string(render::trim(call.form.get("bio")));
    links_text = std::string(render::trim(call.form.get("links")));
    if (name.empty())
      errors.push_back({"name", "name", "err_required"});
    else if (!acceptable_text(name, kMaxAuthorNameBytes) || render::has_control_character(name))
      errors.push_back({"name", "name", "err_invalid_text"});
    if (!acceptable_text(role, kMaxRoleBytes) || render::has_control_character(role))
      errors.push_back({"role", "author_role", "err_invalid_text"});
    if (!acceptable_text(bio, kMaxBioBytes)) errors.push_back({"bio", "bio", "err_invalid_text"});
    if (auto parsed = parse_links(links_text); !parsed || !acceptable_text(links_text, kMaxBioBytes))
      errors.push_back({"links", "author_links", "err_author_links"});
    else
      links = *parsed;
    std::optional<media::PreparedImage> upload;
    if (auto file = call.form.files.find("photo");
        file != call.form.files.end() && !file->second.bytes.empty()) {
      auto prepared = media_.prepare(file->second.bytes, file->second.file_name);
      if (std::holds_alternative<media::ImageRefusal>(prepared)) {
        errors.push_back({"photo", "field_photo", "err_not_image"});
      } else {
        upload = std::move(std::get<media::PreparedImage>(prepared));
      }
    }
    if (errors.empty()) {
      std::optional<std::string> photo;
      if (call.form.get("remove_photo") != "1" && profile->photo) photo = profile->photo->name;
      if (upload) photo = media_.save(*upload).name;
      store::AuthorProfileEdit edit{name, bio, role, links, photo};
      if (profiles_.save(slug, edit) == publishing::ProfileSave::not_found) return not_found(call);
      return see_other(call, "/newsroom/authors/" + std::string(slug) + "?notice=profile_saved");
    }
  }
  auto view = frame(call, t("profile"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  view.set("name", name);
  view.set("role", role);
  view.set("bio", bio);
  view.set("links", links_text);
  view.set("public_url", site::author_path(slug));
  view.set("action_url", "/newsroom/authors/" + std::string(slug));
  view.set("has_photo", profile->photo.has_value());
  if (profile->photo) view.set("photo_src", site::media_path(profile->photo->name));
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "profile", view);
}

}  // namespace gazette::newsroom
