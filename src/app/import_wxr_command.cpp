// `gazette import-wxr FILE.xml [--media-dir DIR]`: a WordPress site in one transaction, read
// from the file in two passes (it streams), which tells running servers to drop every cached
// page; then the search index caught up.
#include <cstdio>

#include "app/backend.h"
#include "app/commands.h"
#include "app/progress_line.h"
#include "comments/comment_service.h"
#include "transfer/wxr/wxr_document.h"
#include "transfer/wxr/wxr_importer.h"

namespace gazette::app {

int import_wxr(const ImportWxrOptions& options) {
  namespace wxr = transfer::wxr;
  // A first pass reads the whole file before the database is even opened: a file that is not
  // well-formed or not a WXR file is refused without a change. It keeps the people, terms and
  // attachments that items refer to; the items are read one at a time in the second pass.
  auto read = wxr::read_wxr_outline(options.file);
  if (auto* error = std::get_if<wxr::WxrReadError>(&read)) {
    std::fprintf(stderr, "import-wxr: %s\n", error->message.c_str());
    return 1;
  }
  const auto& outline = std::get<wxr::WxrOutline>(read);

  // Saved without following each write, then indexed once (as `gazette demo --articles`).
  Backend backend(options.db, FollowWrites::none);
  wxr::ImportOptions import_options;
  import_options.media_dir = options.media_dir;
  import_options.now = backend.clock.now();
  import_options.avatar_key = [&backend](std::string_view email) {
    return comments::avatar_key(backend.comment_key, email);
  };
  auto progress = ProgressLine::on_stderr("import-wxr");
  import_options.progress = [&progress](std::size_t done, std::size_t total) {
    // Every hundredth item is enough for the eye, and keeps a terminal from flickering.
    if (done % 100 == 0 || done == total) progress.update(done, total, "items");
  };
  auto imported =
      wxr::import_wxr(options.file, outline, backend.wxr_store, backend.write_path, import_options);
  progress.finish();
  if (auto* error = std::get_if<wxr::WxrReadError>(&imported)) {
    std::fprintf(stderr, "import-wxr: %s; nothing was imported\n", error->message.c_str());
    return 1;
  }
  const auto& summary = std::get<wxr::ImportSummary>(imported);
  const auto& result = summary.written;
  auto indexed = backend.discovery_updater.catch_up_index();

  std::printf("import-wxr: %s (WXR %s, %s)\n", options.file.c_str(), outline.version.c_str(),
              summary.source.c_str());
  std::printf("  articles: %lld imported (%lld posts, %lld pages), %lld already imported\n",
              static_cast<long long>(result.articles_created),
              static_cast<long long>(summary.posts), static_cast<long long>(summary.pages),
              static_cast<long long>(summary.already_imported + result.articles_already_imported));
  std::printf("  comments: %lld imported\n", static_cast<long long>(result.comments_created));
  std::printf("  new authors: %lld, new categories: %lld, new tags: %lld\n",
              static_cast<long long>(result.authors_created),
              static_cast<long long>(result.categories_created),
              static_cast<long long>(result.tags_created));
  std::printf("  images copied: %lld, redirects added: %lld, articles indexed: %zu\n",
              static_cast<long long>(summary.images_copied),
              static_cast<long long>(result.redirects_created), indexed);
  for (const auto& [reason, count] : summary.skipped)
    std::printf("  skipped %lld: %s\n", static_cast<long long>(count), reason.c_str());
  return 0;
}

}  // namespace gazette::app
