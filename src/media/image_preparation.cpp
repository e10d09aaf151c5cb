// Image checks, metadata stripping and resized copies with libvips (see image_preparation.h).
#include "media/image_preparation.h"

#include <vips/vips8>

#include <filesystem>
#include <memory>

#include "content/hashing.h"
#include "content/media.h"
#include "render/slug.h"

namespace gazette::media {

namespace {

// Quality settings: the usual web trade-off, visually clean at a third of the bytes.
constexpr int kJpegQuality = 82;
constexpr int kWebpQuality = 80;
// An original re-encoded to drop its metadata stays close to what was uploaded.
constexpr int kOriginalQuality = 92;
// Where a camera or an editing program leaves who, where and with what: never published.
constexpr const char* kMetadataFields[] = {"exif-data", "xmp-data", "iptc-data"};

struct BlobRelease {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
using Blob = std::unique_ptr<VipsBlob, BlobRelease>;

std::string take_bytes(VipsBlob* raw) {
  Blob blob(raw);
  auto* area = VIPS_AREA(blob.get());
  return std::string(static_cast<const char*>(area->data), area->length);
}

content::NewMedia media_of(std::string bytes, std::string_view stem, std::string_view extension,
                           std::string_view mime_type, int width, int height) {
  auto sha256 = content::sha256_hex(bytes);
  auto name = content::media_name(sha256, render::slugify(stem), extension);
  return content::NewMedia{name, sha256, std::string(mime_type), width, height, std::move(bytes)};
}

// `image` without its metadata fields: `strip` alone leaves XMP in WebP files with some libvips
// versions. A copy, since an image's fields are shared with every image made from it.
vips::VImage without_metadata(const vips::VImage& image) {
  auto copy = image.copy();
  for (const char* field : kMetadataFields) copy.remove(field);
  return copy;
}

// `source` resized to at most `width` wide, encoded as `extension`.
content::NewMedia resized(VipsBlob* source, int width, std::string_view extension,
                          std::string_view stem) {
  auto image = without_metadata(vips::VImage::thumbnail_buffer(
      source, width, vips::VImage::option()->set("size", VIPS_SIZE_DOWN)));
  std::string bytes;
  std::string_view mime_type;
  if (extension == "jpg") {
    bytes = take_bytes(image.jpegsave_buffer(vips::VImage::option()
                                                 ->set("Q", kJpegQuality)
                                                 ->set("strip", true)
                                                 ->set("interlace", true)));
    mime_type = "image/jpeg";
  } else if (extension == "png") {
    bytes = take_bytes(image.pngsave_buffer(vips::VImage::option()->set("strip", true)));
    mime_type = "image/png";
  } else {
    bytes = take_bytes(
        image.webpsave_buffer(vips::VImage::option()->set("Q", kWebpQuality)->set("strip", true)));
    mime_type = "image/webp";
  }
  return media_of(std::move(bytes), std::string(stem) + "-" + std::to_string(image.width()) + "w",
                  extension, mime_type, image.width(), image.height());
}

bool carries_metadata(const vips::VImage& image) {
  for (const char* field : kMetadataFields)
    if (image.get_typeof(field) != 0) return true;
  return false;
}

// `image` upright and encoded again as `extension`, without any metadata.
std::string stripped(const vips::VImage& image, std::string_view extension) {
  auto upright = without_metadata(image.autorot());
  if (extension == "jpg")
    return take_bytes(upright.jpegsave_buffer(
        vips::VImage::option()->set("Q", kOriginalQuality)->set("strip", true)));
  if (extension == "png")
    return take_bytes(upright.pngsave_buffer(vips::VImage::option()->set("strip", true)));
  return take_bytes(upright.webpsave_buffer(
      vips::VImage::option()->set("Q", kOriginalQuality)->set("strip", true)));
}

}  // namespace

std::variant<PreparedImage, ImageRefusal> prepare_image(const std::string& bytes,
                                                        std::string_view file_name) {
  auto probed = content::probe_image(bytes);
  if (auto* error = std::get_if<content::ImageError>(&probed)) return *error;
  const auto& info = std::get<content::ImageInfo>(probed);
  if (static_cast<long long>(info.width) * info.height > kMaxImagePixels)
    return ImageRefusal{content::ImageProblem::too_large, "the image is larger than 50 megapixels"};

  auto stem = std::filesystem::path(std::string(file_name)).stem().string();
  PreparedImage prepared;
  try {
    // Decoding every pixel, failing on a truncated file, is the only way to know the image is
    // whole: the header alone (what probe_image reads) survives truncation.
    auto image = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                               vips::VImage::option()
                                                   ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                                   ->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
    (void)image.avg();

    prepared.original =
        media_of(bytes, stem, info.extension, info.mime_type, info.width, info.height);
    if (info.extension != "gif") {
      // A sequential image is read once: open it again to encode it.
      auto whole = vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "");
      if (carries_metadata(whole)) {
        auto upright = whole.autorot();
        prepared.original = media_of(stripped(whole, info.extension), stem, info.extension,
                                     info.mime_type, upright.width(), upright.height());
      }
    }
    // GIFs are kept as they are: resizing would drop their animation.
    if (info.extension != "gif") {
      Blob source(vips_blob_new(nullptr, bytes.data(), bytes.size()));
      for (int width : kVariantWidths) {
        if (width >= info.width) break;
        if (info.extension != "webp")
          prepared.variants.push_back(resized(source.get(), width, info.extension, stem));
        prepared.variants.push_back(resized(source.get(), width, "webp", stem));
      }
      if (info.extension != "webp")
        prepared.variants.push_back(
            resized(source.get(), std::min(info.width, kMaxWebpWidth), "webp", stem));
    }
  } catch (const vips::VError&) {
    vips_error_clear();
    return ImageRefusal{content::ImageProblem::damaged, "the image is damaged or incomplete"};
  }
  return prepared;
}

}  // namespace gazette::media
