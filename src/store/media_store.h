// Uploaded images and their resized copies. The bytes live in the database (as the first
// migration decided) so every node of a site serves the same files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/media.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

/// An uploaded image as the media library lists it, with the caption and alt text of the
/// newest article that shows it (empty when none does).
struct LibraryImage {
  std::string name;
  int width = 0;
  int height = 0;
  content::Timestamp created_at{};
  std::string caption;
  std::string alt;
};

class MediaStore {
 public:
  virtual ~MediaStore() = default;

  /// Keeps `original` and its `variants` (stored at `now`). An image already stored (same
  /// SHA-256) is kept as it was; either way its reference, with its variants, is returned.
  virtual content::MediaRef save_image(WriteTransaction& write, const content::NewMedia& original,
                                       const std::vector<content::NewMedia>& variants,
                                       content::Timestamp now) = 0;
  /// The image named `name` with its variants.
  virtual std::optional<content::MediaRef> find_image(std::string_view name) = 0;
  /// Uploaded images (not their resized copies), newest first, at most `limit`; with `search`
  /// not empty, only those whose name or article (title, caption, alt) contains it.
  virtual std::vector<LibraryImage> list_images(std::string_view search, int limit) = 0;
};

}  // namespace gazette::store
