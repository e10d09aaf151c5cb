// The plain text the search index holds: an article body's HTML reduced to its words, and any
// text cleaned of the control characters that search uses as markers.
#pragma once

#include <string>
#include <string_view>

namespace gazette::discovery {

/// The text of `html` (HTML this site produced: our Markdown renderer's or the sanitizer's):
/// tags dropped (block elements leave a space), entities decoded, control characters removed.
std::string html_to_text(std::string_view html);

/// `text` without C0 control characters (tabs and newlines become spaces) nor DEL.
std::string without_controls(std::string_view text);

}  // namespace gazette::discovery
