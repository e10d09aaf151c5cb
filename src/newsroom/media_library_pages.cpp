// The media library's JSON (see media_library_pages.h).
#include "newsroom/media_library_pages.h"

#include <nlohmann/json.hpp>

#include "site/paths.h"

namespace gazette::newsroom {

namespace {

// Photos listed at a time, and the longest search.
constexpr int kListedImages = 60;
constexpr std::size_t kMaxSearchBytes = 200;

http::Response json_response(const Call& call, http::Status status, const nlohmann::json& body) {
  auto response =
      http::make_response(call.request, status, "application/json; charset=utf-8", body.dump());
  response.set(http::beast_http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace

std::string_view image_problem_key(content::ImageProblem problem) {
  switch (problem) {
    case content::ImageProblem::not_an_image:
    case content::ImageProblem::not_accepted:
      return "err_not_image";
    case content::ImageProblem::too_large:
      return "err_image_too_large";
    case content::ImageProblem::damaged:
      return "err_image_damaged";
  }
  return "err_image_damaged";
}

http::Response MediaLibraryPages::handle(Call& call) {
  const auto& s = call.segments;
  if (s.size() == 2 && s[1] == "images.json" && !call.is_post) return images(call);
  if (s.size() == 2 && s[1] == "upload" && call.is_post) return upload(call);
  if ((s.size() == 1 || (s.size() == 2 && s[1].empty())) && !call.is_post)
    return library_page(call, http::Status::ok);
  // /newsroom/library/photo/NAME and /newsroom/library/photo/NAME/delete: editors and admins.
  if (s.size() >= 3 && s.size() <= 4 && s[1] == "photo" && call.is_post) {
    if (!may_edit_library(call.user())) return forbidden(call);
    if (s.size() == 3) return save_details(call, s[2]);
    if (s[3] == "delete") return delete_photo(call, s[2]);
  }
  return not_found(call);
}

http::Response MediaLibraryPages::images(Call& call) {
  auto search = call.query.get("q");
  if (!acceptable_text(search, kMaxSearchBytes))
    return json_response(call, http::Status::bad_request,
                         {{"error", text(call, "bad_request_message")}});
  nlohmann::json list = nlohmann::json::array();
  for (const auto& image : media_.library(search, kListedImages)) {
    list.push_back({{"name", image.name},
                    {"src", site::media_path(image.name)},
                    {"width", image.width},
                    {"height", image.height},
                    {"caption", image.caption},
                    {"credit", image.credit},
                    {"alt", image.alt}});
  }
  return json_response(call, http::Status::ok, list);
}

http::Response MediaLibraryPages::upload(Call& call) {
  auto file = call.form.files.find("file");
  if (file == call.form.files.end() || file->second.bytes.empty())
    return json_response(call, http::Status::unprocessable_entity,
                         {{"error", text(call, "err_not_image")}});
  auto prepared = media_.prepare(file->second.bytes, file->second.file_name);
  if (auto* refusal = std::get_if<media::ImageRefusal>(&prepared))
    return json_response(call, http::Status::unprocessable_entity,
                         {{"error", text(call, image_problem_key(refusal->problem))}});
  auto saved = media_.save(std::get<media::PreparedImage>(prepared));
  return json_response(call, http::Status::created,
                       {{"name", saved.name},
                        {"src", site::media_path(saved.name)},
                        {"width", saved.width},
                        {"height", saved.height}});
}

}  // namespace gazette::newsroom
