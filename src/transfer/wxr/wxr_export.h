// Writing a site as WXR 1.2, the file WordPress and `gazette import-wxr` read. Gazette's own
// fields WordPress has no place for (the section, the Markdown source) travel as post meta
// (`_gazette_section`, `_gazette_markdown`, and `_gazette_format` saying the content is
// Gazette's HTML, not WordPress's), so export → import gives the same site back.
#pragma once

#include <ostream>

#include "store/wxr_import_store.h"

namespace gazette::transfer::wxr {

/// Writes `site` to `out` as a WXR 1.2 document (UTF-8).
void write_wxr(const store::SiteExport& site, std::ostream& out);

}  // namespace gazette::transfer::wxr
