// MediaService (see media_service.h).
#include "media/media_service.h"

#include <spdlog/spdlog.h>

#include <cmath>
#include <string>

#include "publishing/article_limits.h"
#include "render/text.h"

namespace gazette::media {

namespace {

// One line of text a person typed: valid UTF-8, no control character, at most `limit` bytes.
bool acceptable_line(std::string_view text, std::size_t limit) {
  return text.size() <= limit && !render::find_invalid_utf8(text) &&
         !render::has_control_character(text);
}

bool within_frame(content::FocalPoint focal) {
  return focal.x >= 0 && focal.x <= 100 && focal.y >= 0 && focal.y <= 100;
}

}  // namespace

std::optional<int> MediaService::parse_focal_percent(std::string_view text) {
  text = render::trim(text);
  if (text.empty()) return content::FocalPoint::kCentre;
  // Digits and at most one decimal point: no sign, exponent, « nan » or « inf ».
  constexpr std::size_t kLongestNumber = 8;
  if (text.size() > kLongestNumber) return std::nullopt;
  bool seen_digit = false, seen_point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      seen_digit = true;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  double value = std::stod(std::string(text));
  if (value > 100.0) return std::nullopt;
  return static_cast<int>(std::lround(value));
}

bool MediaService::acceptable_credit(std::string_view credit) {
  return acceptable_line(render::trim(credit), publishing::kMaxCreditBytes);
}

std::optional<LibraryProblem> MediaService::save_details(std::string_view name,
                                                         store::ImageDetails details) {
  for (auto* text : {&details.caption, &details.alt}) {
    if (!*text) continue;
    **text = std::string(render::trim(**text));
    if (!acceptable_line(**text, publishing::kMaxCaptionBytes)) return LibraryProblem::invalid_text;
  }
  details.credit = std::string(render::trim(details.credit));
  if (!acceptable_credit(details.credit)) return LibraryProblem::invalid_text;
  if (!within_frame(details.focal)) return LibraryProblem::invalid_focal;
  bool saved = write_path_.run([&](store::WriteTransaction& write) {
    if (!media_.save_image_details(write, name, details)) return false;
    // The credit and the crop show on the pages and cards of the articles the photo leads:
    // their cached copies go now, not at the articles' next change.
    for (auto id : media_.articles_with_main_image(name))
      write.announce(content::ArticleChanged{id, std::nullopt, std::nullopt});
    return true;
  });
  if (!saved) return LibraryProblem::not_found;
  return std::nullopt;
}

std::optional<LibraryProblem> MediaService::delete_unused(std::string_view name) {
  if (!media_.find_image(name)) return LibraryProblem::not_found;
  if (media_.count_image_uses(name) > 0) return LibraryProblem::in_use;
  bool deleted = write_path_.run(
      [&](store::WriteTransaction& write) { return media_.delete_image(write, name); });
  if (!deleted) return LibraryProblem::not_found;
  spdlog::info("media {} deleted from the library", name);
  return std::nullopt;
}

content::MediaRef MediaService::save(const PreparedImage& image) {
  auto now = clock_.now();
  return write_path_.run([&](store::WriteTransaction& write) {
    return media_.save_image(write, image.original, image.variants, now);
  });
}

}  // namespace gazette::media
