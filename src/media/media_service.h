// Photos into the media store: every upload (the editor, author profiles, the site's logo) is
// checked by its content and resized here (image_preparation.h), then kept in one write with
// its copies. A new image changes no page by itself, so nothing is announced: the article,
// profile or settings that show it announce their own change.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "content/clock.h"
#include "media/image_preparation.h"
#include "publishing/write_path.h"
#include "store/media_store.h"

namespace gazette::media {

/// Why an image's details or its deletion were refused.
enum class LibraryProblem {
  not_found,     // no such image
  invalid_text,   // not UTF-8, a control character, or too long
  invalid_focal,  // a focal point that is not a whole percentage from 0 to 100
  in_use,        // something shows it: it cannot be deleted
};

class MediaService {
 public:
  MediaService(store::MediaStore& media, publishing::WritePath& write_path,
               const content::Clock& clock)
      : media_(media), write_path_(write_path), clock_(clock) {}

  /// Checks and resizes an uploaded file (prepare_image): nothing is stored yet.
  std::variant<PreparedImage, ImageRefusal> prepare(const std::string& bytes,
                                                    std::string_view file_name) const {
    return prepare_image(bytes, file_name);
  }
  /// Keeps the image and its copies (an image already stored is kept as it was).
  content::MediaRef save(const PreparedImage& image);
  std::optional<content::MediaRef> find(std::string_view name) { return media_.find_image(name); }
  /// The media library: uploaded images, newest first (store::MediaStore::list_images).
  std::vector<store::LibraryImage> library(std::string_view search, int limit) {
    return media_.list_images(search, limit);
  }
  /// How many articles, profiles, live entries and logos show image `name`.
  std::int64_t uses(std::string_view name) { return media_.count_image_uses(name); }
  /// Sets the library's caption, credit and alt text of image `name` (trimmed), within the
  /// article's limits (publishing/article_limits.h).
  std::optional<LibraryProblem> save_details(std::string_view name, store::ImageDetails details);
  /// Whether `credit` (trimmed) is one save_details takes: one line, within the limit.
  static bool acceptable_credit(std::string_view credit);
  /// A focal coordinate as typed in a form (« 30 », « 30.5 » rounds); nullopt when it is not a
  /// number from 0 to 100. Empty is the centre.
  static std::optional<int> parse_focal_percent(std::string_view text);
  /// Deletes image `name` and its copies, unless something shows it.
  std::optional<LibraryProblem> delete_unused(std::string_view name);

 private:
  store::MediaStore& media_;
  publishing::WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::media
