// What Gazette makes of a WordPress export: the plan of one import (people, terms, articles,
// comments, redirects), decided before anything is written, and the summary it ends with.
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
// - sticky posts are marked in `sticky_articles`; pingbacks and trackbacks are skipped.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "content/types.h"
#include "store/wxr_import_store.h"
#include "transfer/wxr/wxr_document.h"

namespace gazette::transfer::wxr {

struct ImportOptions {
  std::optional<std::string> media_dir;  // a copy of wp-content/uploads
  content::Timestamp now{};
  /// The avatar key of a commenter's e-mail (comments::avatar_key with the site's key).
  std::function<std::string(std::string_view email)> avatar_key;
  /// Called after each item is planned (for a progress line on a terminal).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct ImportPlan {
  store::WxrImport site;
  std::int64_t posts = 0;
  std::int64_t pages = 0;
  std::int64_t comments = 0;
  std::int64_t already_imported = 0;
  std::int64_t images_copied = 0;
  std::map<std::string, std::int64_t> skipped;  // reason → how many
};

/// Plans the import of `document`. `store` tells which slugs are taken and which items an
/// earlier import already made, so importing the same file twice plans nothing new. The items'
/// content is moved into the plan (a large file's contents are most of its size).
ImportPlan plan_import(WxrDocument& document, store::WxrImportStore& store,
                       const ImportOptions& options);

}  // namespace gazette::transfer::wxr
