// Author profiles at /newsroom/authors/{slug}: the name, biography and photo readers see on
// the author's page. Everyone edits their own; editors and admins edit anyone's.
#include "newsroom/profile_pages.h"

#include "render/slug.h"
#include "render/text.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {
constexpr std::size_t kMaxAuthorNameBytes = 120;
constexpr std::size_t kMaxBioBytes = 2000;
}  // namespace

http::Response ProfilePages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] == "profile" && s.size() == 1 && !call.is_post)
    return see_other(call, "/newsroom/authors/" + call.user().author_slug);
  if (s[0] == "authors" && s.size() == 2 && render::is_slug(s[1]))
    return author_profile(call, s[1]);
  return not_found(call);
}

http::Response ProfilePages::author_profile(Call& call, std::string_view slug) {
  const auto& user = call.user();
  if (slug != user.author_slug && !auth::can(user.role, auth::Capability::manage_terms))
    return forbidden(call);
  auto profile = profiles_.find(slug);
  if (!profile) return not_found(call);
  auto t = [&](std::string_view key) { return text(call, key); };

  std::vector<FieldError> errors;
  auto name = profile->author.name;
  auto bio = profile->author.bio;
  if (call.is_post) {
    name = std::string(render::trim(call.form.get("name")));
    bio = std::string(render::trim(call.form.get("bio")));
    if (name.empty())
      errors.push_back({"name", "name", "err_required"});
    else if (!acceptable_text(name, kMaxAuthorNameBytes))
      errors.push_back({"name", "name", "err_invalid_text"});
    if (!acceptable_text(bio, kMaxBioBytes)) errors.push_back({"bio", "bio", "err_invalid_text"});
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
      if (profiles_.save(slug, name, bio, photo) == publishing::ProfileSave::not_found)
        return not_found(call);
      return see_other(call, "/newsroom/authors/" + std::string(slug) + "?notice=profile_saved");
    }
  }
  auto view = frame(call, t("profile"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  view.set("name", name);
  view.set("bio", bio);
  view.set("public_url", site::author_path(slug));
  view.set("action_url", "/newsroom/authors/" + std::string(slug));
  view.set("has_photo", profile->photo.has_value());
  if (profile->photo) view.set("photo_src", site::media_path(profile->photo->name));
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "profile", view);
}

}  // namespace gazette::newsroom
