// French typesetting of what readers see (issue 15, part 7): the space a writer typed before
// « : ; ! ? » and inside « » becomes a narrow no-break space (U+202F), so « Damas : Offensive »
// never breaks before its colon and no line starts with a lone mark. Applied when a page is
// rendered, in the site's language, so every article written before — and a change of
// language — follows at once, and what is stored (and searched, and edited) stays as typed.
#pragma once

#include <string>
#include <string_view>

namespace gazette::render {

/// Whether `language` (the site's setting: "fr", "fr-CA", "en"…) sets text the French way.
bool is_french(std::string_view language);

/// `text` with French spacing. Only spaces already there change (a space, U+00A0 or U+202F):
/// none is added, so "12:30", "https://exemple.fr/?q" and "Note:" stay as they are.
std::string french_typography(std::string_view text);

/// The same on HTML this program wrote (a rendered body, a comment): its text only. Tags and
/// their attributes, and what <code>, <pre>, <kbd>, <samp>, <script> and <style> hold, are
/// copied as they are.
std::string french_typography_html(std::string_view html);

}  // namespace gazette::render
