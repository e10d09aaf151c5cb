// What Gazette makes of a WordPress export: people, terms, articles, comments and redirects,
// planned an item at a time from the item and the small maps a first pass made (people,
// terms, attachments), written as they are planned in one transaction, and the summary the
// import ends with.
//
// Decisions (README, "Coming from WordPress"):
// - posts go to the section "articles" (« Articles »), pages to "pages" (« Pages »);
//   attachments become featured images and redirects; menu items, revisions, blocks and custom
//   post types are skipped, counted in the summary with the reason;
// - statuses: publish → published, future → scheduled, draft → draft, pending → review,
//   private → draft (Gazette has no private articles); trash and auto-draft are skipped;
// - dates from wp:post_date_gmt (wp:post_date, read as UTC, when WordPress left it empty);
// - the excerpt becomes the lead (as text); the content goes through shortcodes, automatic
//   paragraphs and the sanitizer into body_html, while body_markdown keeps WordPress's original
//   content untouched, so nothing of it is lost (the newsroom's editor re-renders it as Markdown);
// - slugs: WordPress's, made ASCII the way every Gazette slug is (the title keeps every byte);
//   taken ones get "-2", "-3"…;
// - sticky posts are pinned (`sticky_articles`: first on the home page); pingbacks and
//   trackbacks are skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "content/types.h"
#include "publishing/write_path.h"
#include "store/wxr_import_store.h"
#include "transfer/wxr/wxr_document.h"

namespace gazette::transfer::wxr {

struct ImportOptions {
  std::optional<std::string> media_dir;  // a copy of wp-content/uploads
  content::Timestamp now{};
  /// The avatar key of a commenter's e-mail (comments::avatar_key with the site's key).
  std::function<std::string(std::string_view email)> avatar_key;
  /// Called as each item is read (for a progress line on a terminal).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// What an import did, for the summary it ends with.
struct ImportSummary {
  std::string source;  // the site the items came from (wp:base_site_url)
  std::int64_t posts = 0;
  std::int64_t pages = 0;
  std::int64_t comments = 0;
  std::int64_t already_imported = 0;
  std::int64_t images_copied = 0;
  std::map<std::string, std::int64_t> skipped;  // reason → how many
  store::WxrImportResult written;
};

/// Imports the items of the file at `path`, whose first pass (read_wxr_outline) is `outline`:
/// each item is read, planned and written in turn into `store`, in one write of `write_path`
/// committed at the end, which announces that every page may have changed (SettingsChanged).
/// The store's answers (slugs taken, items an earlier import made) keep a second import of the
/// same file from changing anything. When the file turns out unreadable on the way, nothing is
/// committed and the error is returned; a database error is thrown, with the same effect.
std::variant<ImportSummary, WxrReadError> import_wxr(const std::string& path,
                                                     const WxrOutline& outline,
                                                     store::WxrImportStore& store,
                                                     publishing::WritePath& write_path,
                                                     const ImportOptions& options);

}  // namespace gazette::transfer::wxr
