// Limits of an article's parts, shared by every writer that takes them from a person or a
// program (the newsroom's editor, the Content API): generous for news writing and far below
// what would hurt.
#pragma once

#include <cstddef>
#include <string_view>

#include "render/text.h"

namespace gazette::publishing {

constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::size_t kMaxLeadBytes = 2000;
constexpr std::size_t kMaxBodyBytes = 512 * 1024;
constexpr std::size_t kMaxCaptionBytes = 500;  // a photo's caption, and its alt text
constexpr std::size_t kMaxCreditBytes = 200;   // a photo's credit: a name or an agency
constexpr std::size_t kMaxTermBytes = 100;
constexpr std::size_t kMaxTermsPerKind = 30;

/// What a text field of an article may hold besides printable characters.
enum class TextShape {
  one_line,  // no control character at all: a title, a caption, a name
  lines,     // line breaks and tabs: a lead, a body, a note
};

/// Whether `text` holds a control character its shape does not allow: nothing a person typed (a
/// paste from a program), invisible on a form, and refused by XML feeds.
inline bool has_forbidden_control(std::string_view text, TextShape shape) {
  return shape == TextShape::one_line ? render::has_control_character(text)
                                      : render::has_control_besides_line_breaks(text);
}

}  // namespace gazette::publishing
