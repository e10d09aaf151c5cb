// The media library as the editor's photo picker uses it: /newsroom/library/images.json?q=
// lists the uploaded photos (newest first, searched by name or by the article showing them),
// and POST /newsroom/library/upload takes one photo (field `file`), checked by content as every
// upload is, and answers JSON: 201 with its name, or 422 with why it was refused.
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

  media::MediaService& media_;
};

}  // namespace gazette::newsroom
