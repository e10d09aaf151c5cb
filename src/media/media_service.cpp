// MediaService (see media_service.h).
#include "media/media_service.h"

namespace gazette::media {

content::MediaRef MediaService::save(const PreparedImage& image) {
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    return media_.save_image(write, image.original, image.variants, now);
  });
}

}  // namespace gazette::media
