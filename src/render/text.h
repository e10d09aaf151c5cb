// Small text functions every layer needs: UTF-8 validity, HTML escaping, trimming.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::render {

/// The byte offset of the first invalid UTF-8 sequence (overlong, surrogate, truncated, >
/// U+10FFFF), or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Escapes & < > " ' for HTML text and attribute values.
std::string escape_html(std::string_view text);

/// Whether `text` holds an ASCII control character (tab, CR and LF included) or DEL: never in
/// a one-line field a person typed, and what a header injection needs.
bool has_control_character(std::string_view text);

/// Whether `text` of several lines holds an ASCII control character other than a line break
/// (CR, LF) or a tab, or DEL: invisible in a form, a paste from a program, and refused by XML.
bool has_control_besides_line_breaks(std::string_view text);

/// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

}  // namespace gazette::render
