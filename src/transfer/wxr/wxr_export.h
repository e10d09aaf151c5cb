// Writing a site as WXR 1.2, the file WordPress and `gazette import-wxr` read. Gazette's own
// fields WordPress has no place for (the section, the Markdown source) travel as post meta
// (`_gazette_section`, `_gazette_markdown`, and `_gazette_format` saying the content is
// Gazette's HTML, not WordPress's), so export → import gives the same site back.
#pragma once

#include <ostream>
#include <string>

#include "store/wxr_import_store.h"

namespace gazette::transfer::wxr {

/// Writes a WXR 1.2 document (UTF-8) to `out` as the site is read: the channel with its people
/// and terms when made, one item per item() call, the end at finish().
class WxrWriter {
 public:
  WxrWriter(std::ostream& out, const store::SiteExport& site);
  void item(const store::ExportedArticle& article);
  void finish();

 private:
  std::ostream& out_;
  std::string base_;  // the site's URL without its final slash
};

}  // namespace gazette::transfer::wxr
