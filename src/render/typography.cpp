// French typesetting (see typography.h).
#include "render/typography.h"

#include <array>

namespace gazette::render {

namespace {

constexpr std::string_view kNarrowNoBreakSpace = "\u202F";
constexpr std::string_view kOpeningGuillemet = "\u00AB";
constexpr std::string_view kClosingGuillemet = "\u00BB";

// The length of the space at `text`'s start (a space, U+00A0, U+202F), or 0.
std::size_t space_at(std::string_view text) {
  if (text.starts_with(' ')) return 1;
  if (text.starts_with("\u00A0")) return 2;
  if (text.starts_with(kNarrowNoBreakSpace)) return 3;
  return 0;
}

// Whether `text` starts with a mark French sets after a space: : ; ! ? or ».
bool mark_at(std::string_view text) {
  return text.starts_with(':') || text.starts_with(';') || text.starts_with('!') ||
         text.starts_with('?') || text.starts_with(kClosingGuillemet);
}

// Elements whose text is not prose: code, and what browsers never show as text.
constexpr std::array<std::string_view, 6> kVerbatimElements = {"code", "pre",    "kbd",
                                                               "samp", "script", "style"};

// The element name of a tag ("<pre class=…>" → "pre", "</code>" → "code"), in lower case.
std::string tag_name(std::string_view tag) {
  std::size_t i = tag.starts_with("</") ? 2 : 1;
  std::string name;
  for (; i < tag.size(); ++i) {
    char c = tag[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
    name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return name;
}

bool is_verbatim(std::string_view name) {
  for (auto element : kVerbatimElements) {
    if (name == element) return true;
  }
  return false;
}

}  // namespace

bool is_french(std::string_view language) {
  return language == "fr" || language.starts_with("fr-") || language.starts_with("fr_");
}

std::string french_typography(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    auto rest = text.substr(i);
    if (auto space = space_at(rest); space > 0 && mark_at(rest.substr(space))) {
      out += kNarrowNoBreakSpace;
      i += space;
    } else if (rest.starts_with(kOpeningGuillemet) &&
               (space = space_at(rest.substr(kOpeningGuillemet.size()))) > 0) {
      out.append(kOpeningGuillemet).append(kNarrowNoBreakSpace);
      i += kOpeningGuillemet.size() + space;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string french_typography_html(std::string_view html) {
  std::string out;
  out.reserve(html.size() + 64);
  int verbatim_depth = 0;
  std::size_t text_start = 0;
  auto flush_text = [&](std::size_t end) {
    auto text = html.substr(text_start, end - text_start);
    if (verbatim_depth > 0)
      out += text;
    else
      out += french_typography(text);
  };
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      ++i;
      continue;
    }
    flush_text(i);
    auto end = html.find('>', i);
    if (end == std::string_view::npos) end = html.size() - 1;
    auto tag = html.substr(i, end - i + 1);
    out += tag;
    if (auto name = tag_name(tag); is_verbatim(name)) {
      if (tag.starts_with("</"))
        verbatim_depth = verbatim_depth > 0 ? verbatim_depth - 1 : 0;
      else if (!tag.ends_with("/>"))
        ++verbatim_depth;
    }
    i = end + 1;
    text_start = i;
  }
  flush_text(html.size());
  return out;
}

}  // namespace gazette::render
