// What a write of an article carries and what it did: the fields every writer shares (`gazette
// publish` and the demo, the newsroom's editor, a WordPress import), each writer's own way of
// naming the article's people, terms and photo, and the placements a save announces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/accounts.h"
#include "content/corrections.h"
#include "content/events.h"
#include "content/media.h"
#include "content/types.h"

namespace gazette::content {

/// The fields of an article every writer gives, whatever it names its people and terms by.
struct ArticleFields {
  std::string slug;
  std::string title;
  std::string lead;
  std::string body_markdown;
  std::string body_html;  // rendered and sanitised by the writer
  ArticleStatus status = ArticleStatus::draft;
  Timestamp published_at{};
  Timestamp updated_at{};
  std::string image_caption;
  std::string image_alt;
  std::optional<bool> pinned;  // pin to the home page, or unpin; nullopt leaves it as it is
  /// What kind of change this save is when the article is already published (ignored
  /// otherwise): a typo keeps `updated_at` as it was; any other kind is kept with its note and
  /// shown to readers (content/corrections.h).
  ChangeKind change = ChangeKind::typo;
  std::string change_note;
  /// What kind of piece it is, and for sponsored content who paid for it (the writer checks
  /// them with content::sponsor_problem). nullopt keeps the article's kind and sponsor as they
  /// are (news for a new article): a writer that does not know of kinds changes none.
  std::optional<ArticleKind> kind;
  std::string sponsor;  // written only with a kind
  /// Who signs after the first author, in byline order; an author missing from the store is
  /// created with this name (a guest: no account needed). nullopt keeps them as they are.
  std::optional<std::vector<Term>> coauthors;
};

/// Everything `gazette publish` and the demo write for one article, identified by its slug;
/// people and terms are created when missing, the image kept with its resized copies.
struct ArticleDraft : ArticleFields {
  ArticleDraft() { status = ArticleStatus::published; }
  Term author;
  Term section;
  std::vector<Term> categories;
  std::vector<Term> tags;
  std::optional<NewMedia> image;
  std::vector<NewMedia> image_variants;  // its resized copies (media/image_preparation.h)
  /// The photo's credit (« AFP »): the photo's own, shown wherever it leads an article, as the
  /// media library sets it. nullopt leaves it as it is.
  std::optional<std::string> image_credit;
  /// The point its crops keep, also the photo's own. nullopt leaves it as it is.
  std::optional<FocalPoint> image_focal;
};

/// What a write did: the article's id and where it appeared before and appears now.
struct SavedArticle {
  ArticleId id;
  bool created = false;
  std::string section_slug;
  std::string slug;
  std::optional<ArticlePlacement> before;
  ArticlePlacement after;
};

/// What a newsroom save writes. Sections, media and the author must exist; categories and tags
/// are created when missing.
struct ArticleEdit : ArticleFields {
  std::optional<ArticleId> id;        // nullopt: a new article
  std::int64_t expected_version = 0;  // the version the editor opened (ignored when new)
  std::string author_slug;
  std::string section_slug;
  std::vector<Term> categories;
  std::vector<Term> tags;
  std::optional<std::string> image_name;  // a media name already in the store
  UserId saved_by;
  std::string saved_by_name;
  std::string note;  // "restored from revision 12"…, shown in the history
};

/// The article changed since the editor opened it: nothing was applied, and the editor's
/// version is kept as revision `kept_revision`.
struct EditConflict {
  std::int64_t current_version = 0;
  std::int64_t kept_revision = 0;
};

/// Why the data refused a save (nothing was written): what the editor's form says.
enum class EditRefusal {
  article_gone,   // the article was deleted meanwhile
  slug_taken,     // another article already has this URL
  no_section,     // the section no longer exists
  no_author,      // the author no longer exists
  image_missing,  // the photo is not in the media store
};

struct EditRefused {
  EditRefusal reason;
};

using EditResult = std::variant<SavedArticle, EditConflict, EditRefused>;

}  // namespace gazette::content
