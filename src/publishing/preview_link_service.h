// Embargo preview links: an editor hands a partner a link to a scheduled article before its
// time. The link holds a random 256-bit token (only its SHA-256 is stored, like a session's),
// so it cannot be forged or guessed; it opens the article only while the article is still under
// embargo — scheduled, its time to come — and never once revoked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/clock.h"
#include "publishing/write_path.h"
#include "store/editorial_store.h"
#include "store/preview_link_store.h"

namespace gazette::publishing {

/// The longest label an editor gives a link (whom it was handed to).
constexpr std::size_t kMaxPreviewLabelBytes = 200;

/// A link just made: its token is shown once and never again (it is not stored).
struct NewPreviewLink {
  std::int64_t id = 0;
  std::string token;
};

/// What a live link opens: the article and when its embargo ends.
struct EmbargoedArticle {
  content::Article article;
  content::Timestamp until{};
};

class PreviewLinkService {
 public:
  PreviewLinkService(store::PreviewLinkStore& links, store::EditorialStore& editorial,
                     WritePath& write_path, const content::Clock& clock)
      : links_(links), editorial_(editorial), write_path_(write_path), clock_(clock) {}

  /// A new link to article `id`, labelled `label`; nothing when the article is not under
  /// embargo (a link to a draft or a public article would show nothing, or nothing secret).
  std::optional<NewPreviewLink> create(content::ArticleId id, std::string_view label);
  /// Revokes link `link` of article `id`; false when it was not a live link of that article.
  bool revoke(content::ArticleId id, std::int64_t link);
  std::vector<store::PreviewLink> links_of(content::ArticleId id) { return links_.links_of(id); }

  /// The article `token` opens now, or nothing: an unknown or malformed token, a revoked link,
  /// an article deleted, unscheduled or released all look the same.
  std::optional<EmbargoedArticle> open(std::string_view token);

  /// Whether `article` is under embargo at `now`: scheduled (or published with a date to come).
  static bool under_embargo(const content::Article& article, content::Timestamp now);

 private:
  store::PreviewLinkStore& links_;
  store::EditorialStore& editorial_;
  WritePath& write_path_;
  const content::Clock& clock_;
};

}  // namespace gazette::publishing
