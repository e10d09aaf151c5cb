// Image probing with libvips and content-addressed media names.
#include "content/media.h"

#include <vips/vips8>

namespace gazette::content {

namespace {

struct AcceptedFormat {
  std::string_view loader_prefix;  // libvips names its loaders after the format
  std::string_view mime_type;
  std::string_view extension;
};

constexpr AcceptedFormat kAcceptedFormats[] = {
    {"VipsForeignLoadJpeg", "image/jpeg", "jpg"},
    {"VipsForeignLoadPng", "image/png", "png"},
    {"VipsForeignLoadWebp", "image/webp", "webp"},
    {"VipsForeignLoadGif", "image/gif", "gif"},
};

// Hex digits of the hash kept in a media name: enough that two images never share one.
constexpr std::size_t kNameHashDigits = 16;

}  // namespace

std::variant<ImageInfo, ImageError> probe_image(std::string_view bytes) {
  if (bytes.size() > kMaxImageBytes)
    return ImageError{ImageProblem::too_large, "larger than 25 MB"};
  if (VIPS_INIT("gazette") != 0)
    return ImageError{ImageProblem::damaged, "libvips failed to start"};
  const char* loader = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (!loader) {
    vips_error_clear();
    return ImageError{ImageProblem::not_an_image, "not an image"};
  }
  const AcceptedFormat* format = nullptr;
  for (const auto& accepted : kAcceptedFormats) {
    if (std::string_view(loader).starts_with(accepted.loader_prefix)) format = &accepted;
  }
  if (!format) return ImageError{ImageProblem::not_accepted, "not a JPEG, PNG, WebP or GIF image"};
  try {
    auto image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
    return ImageInfo{std::string(format->mime_type), std::string(format->extension), image.width(),
                     image.height()};
  } catch (const vips::VError&) {
    vips_error_clear();
    return ImageError{ImageProblem::damaged, "the image is damaged"};
  }
}

std::string media_name(std::string_view sha256, std::string_view stem_slug,
                       std::string_view extension) {
  std::string name(sha256.substr(0, kNameHashDigits));
  if (!stem_slug.empty()) name += "-" + std::string(stem_slug);
  return name + "." + std::string(extension);
}

}  // namespace gazette::content
