// Article files: Markdown with a YAML front matter, as an editor hands an article to
// `gazette publish`. See ../shared/fixtures/seed/article.md for the fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/corrections.h"
#include "content/types.h"

namespace gazette::transfer {

/// What an article file says, checked but not yet stored.
struct ArticleFile {
  std::string title;                    // required
  std::string slug;                     // optional; derived from the title when empty
  std::string author;                   // optional; "" means the site's default author
  std::vector<std::string> coauthors;   // who signs after `author`, in byline order
  std::string section;                  // required
  std::vector<std::string> categories;  // `category: X` or `categories: [X, Y]`
  std::vector<std::string> tags;
  std::string lead;   // optional; otherwise the body's first paragraph
  std::string image;  // path relative to the file, or ""
  std::string image_caption;
  std::string image_alt;
  std::string image_credit;  // optional; « AFP »: the photo's credit
  /// Optional; `image_focal: 30 70`: the point crops keep, in percent of the photo's width from
  /// its left and of its height from its top (the media library's focal point).
  std::optional<content::FocalPoint> image_focal;
  std::optional<content::Timestamp> date;  // publication time; now when absent
  content::ArticleStatus status = content::ArticleStatus::published;
  std::string language;        // optional; informative
  std::optional<bool> pinned;  // `pinned: true|false`; absent leaves the article's pin as it is
  /// Republishing a public article: what kind of change it is (`change:`, a typo when absent)
  /// and the note readers see (`change_note:`, required for every kind but a typo).
  content::ChangeKind change = content::ChangeKind::typo;
  std::string change_note;
  /// What kind of piece it is (`kind:`, news when absent) and, for `kind: sponsored` only, who
  /// paid for it (`sponsor:`, then required).
  content::ArticleKind kind = content::ArticleKind::news;
  std::string sponsor;
  std::string body_markdown;
};

/// Why a file was refused: the 1-based line in the file and the reason, naming the field.
struct ArticleFileError {
  int line = 0;
  std::string reason;  // e.g. "date: not a valid date", "title: missing"
};

/// Parses an article file. Dates without an offset are local to `time_zone`.
std::variant<ArticleFile, ArticleFileError> parse_article_file(std::string_view text,
                                                               std::string_view time_zone);

}  // namespace gazette::transfer
