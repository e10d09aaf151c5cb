// The media library's page (see media_library_pages.h): browse and search every photo, see how
// many things show it, and — editors and admins — set its caption, credit and alt text once,
// or delete it when nothing shows it.
#include "newsroom/media_library_pages.h"

#include "publishing/article_limits.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {

constexpr std::string_view kBase = "/newsroom/library";
// Photos the page shows at a time (a search finds the others), and the longest search.
constexpr int kPagePhotos = 60;
constexpr std::size_t kMaxSearchBytes = 200;

std::string_view library_problem_key(media::LibraryProblem problem) {
  switch (problem) {
    case media::LibraryProblem::not_found:
      return "library_not_found";
    case media::LibraryProblem::invalid_text:
      return "library_invalid_text";
    case media::LibraryProblem::invalid_focal:
      return "library_invalid_focal";
    case media::LibraryProblem::in_use:
      return "library_in_use";
  }
  return "library_not_found";
}

http::Status status_of(media::LibraryProblem problem) {
  switch (problem) {
    case media::LibraryProblem::not_found:
      return http::Status::not_found;
    case media::LibraryProblem::invalid_text:
    case media::LibraryProblem::invalid_focal:
      return http::Status::unprocessable_entity;
    case media::LibraryProblem::in_use:
      return http::Status::conflict;
  }
  return http::Status::bad_request;
}

}  // namespace

bool MediaLibraryPages::may_edit_library(const content::User& user) {
  return auth::can(user.role, auth::Capability::edit_others);
}

http::Response MediaLibraryPages::library_page(Call& call, http::Status status,
                                               std::string_view problem_key) {
  auto search = call.query.get("q");
  if (!acceptable_text(search, kMaxSearchBytes)) return bad_request(call);
  auto view = frame(call, text(call, "library"));
  view.set("csrf", call.session->csrf_token);
  view.set("search", search);
  view.set("has_problem", !problem_key.empty());
  if (!problem_key.empty()) view.set("problem", text(call, problem_key));
  bool editable = may_edit_library(call.user());
  view.set("can_edit", editable);

  auto photos = media_.library(search, kPagePhotos);
  theme::View list{theme::View::type::list};
  for (const auto& photo : photos) {
    theme::View item;
    auto uses = media_.uses(photo.name);
    item.set("name", photo.name);
    item.set("anchor", "photo-" + photo.name);
    item.set("src", site::media_path(photo.name));
    item.set("width", std::to_string(photo.width));
    item.set("height", std::to_string(photo.height));
    item.set("caption", photo.caption);
    item.set("credit", photo.credit);
    item.set("has_credit", !photo.credit.empty());
    item.set("alt", photo.alt);
    item.set("focal_x", std::to_string(photo.focal.x));
    item.set("focal_y", std::to_string(photo.focal.y));
    item.set("uses", std::to_string(uses));
    item.set("unused", uses == 0);
    item.set("can_edit", editable);
    item.set("save_url", std::string(kBase) + "/photo/" + photo.name);
    item.set("delete_url", std::string(kBase) + "/photo/" + photo.name + "/delete");
    item.set("csrf", call.session->csrf_token);
    list.push_back(item);
  }
  view.set("has_photos", !photos.empty());
  view.set("photos", list);
  view.set("max_caption", std::to_string(publishing::kMaxCaptionBytes));
  view.set("max_credit", std::to_string(publishing::kMaxCreditBytes));
  return page(call, status, "library", view);
}

http::Response MediaLibraryPages::save_details(Call& call, std::string_view name) {
  auto focal_x = media::MediaService::parse_focal_percent(call.form.get("focal_x"));
  auto focal_y = media::MediaService::parse_focal_percent(call.form.get("focal_y"));
  if (!focal_x || !focal_y)
    return library_page(call, status_of(media::LibraryProblem::invalid_focal),
                        library_problem_key(media::LibraryProblem::invalid_focal));
  auto problem =
      media_.save_details(name, {std::string(call.form.get("caption")), call.form.get("credit"),
                                 std::string(call.form.get("alt")),
                                 content::FocalPoint{*focal_x, *focal_y}});
  if (problem) return library_page(call, status_of(*problem), library_problem_key(*problem));
  return see_other(call, std::string(kBase) + "?notice=library_saved_notice#photo-" +
                             std::string(name));
}

http::Response MediaLibraryPages::delete_photo(Call& call, std::string_view name) {
  if (auto problem = media_.delete_unused(name))
    return library_page(call, status_of(*problem), library_problem_key(*problem));
  return see_other(call, std::string(kBase) + "?notice=library_deleted_notice");
}

}  // namespace gazette::newsroom
