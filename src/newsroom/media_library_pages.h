// The media library. As the editor's photo picker uses it: /newsroom/library/images.json?q=
// lists the uploaded photos (newest first, searched by name, by their library details or by the
// article showing them), and POST /newsroom/library/upload takes one photo (field `file`),
// checked by content as every upload is, and answers JSON: 201 with its name, or 422 with why
// it was refused. As a page (/newsroom/library, media_library_page.cpp): every photo with
// where it is used; editors and admins set each one's caption, credit and alt text once, for
// every later use, and delete a photo nothing shows.
#pragma once

#include "media/media_service.h"
#include "newsroom/area.h"

namespace gazette::newsroom {

/// The message key of a refused photo, worded alike by the editor, the library and the live
/// composer.
std::string_view image_problem_key(content::ImageProblem problem);

class MediaLibraryPages final : public Area {
 public:
  MediaLibraryPages(const Desk& desk, media::MediaService& media) : Area(desk), media_(media) {}

  std::vector<std::string_view> segments() const override { return {"library"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response images(Call& call);
  http::Response upload(Call& call);
  http::Response library_page(Call& call, http::Status status,
                              std::string_view problem_key = {});
  http::Response save_details(Call& call, std::string_view name);
  http::Response delete_photo(Call& call, std::string_view name);
  static bool may_edit_library(const content::User& user);

  media::MediaService& media_;
};

}  // namespace gazette::newsroom
