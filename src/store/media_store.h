// Uploaded images and their resized copies. The bytes live in the database (as the first
// migration decided) so every node of a site serves the same files.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "content/media.h"
#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

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
};

}  // namespace gazette::store
