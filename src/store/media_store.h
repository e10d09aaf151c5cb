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

/// What the media library says of an image, edited once on its page and offered wherever it is
/// used (an article keeps its own copy: changing these changes no article).
struct ImageDetails {
  std::optional<std::string> caption;  // nullopt keeps the library's (the editor sets none)
  std::string credit;                  // « AFP », « Jean Photo »
  std::optional<std::string> alt;
  content::FocalPoint focal;
};

/// An uploaded image as the media library lists it, with its own caption and alt text or,
/// where it has none, those of the newest article that shows it (empty when none does).
struct LibraryImage {
  std::string name;
  int width = 0;
  int height = 0;
  content::Timestamp created_at{};
  std::string caption;
  std::string alt;
  std::string credit;
  content::FocalPoint focal;
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

  /// Sets the library's caption, credit and alt text of image `name`; false when there is none.
  virtual bool save_image_details(WriteTransaction& write, std::string_view name,
                                  const ImageDetails& details) = 0;
  /// How many things show image `name` (or one of its resized copies): articles (main photo or
  /// body), author photos, live entries, the site's logo. Old revisions are not counted.
  virtual std::int64_t count_image_uses(std::string_view name) = 0;
  /// The articles whose main photo is image `name`: their pages and cards show its credit and
  /// crop on its focal point.
  virtual std::vector<content::ArticleId> articles_with_main_image(std::string_view name) = 0;
  /// Deletes image `name` with its resized copies; false when there is none. The caller checks
  /// first that nothing uses it.
  virtual bool delete_image(WriteTransaction& write, std::string_view name) = 0;
};

}  // namespace gazette::store
