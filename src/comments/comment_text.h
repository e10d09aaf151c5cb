// Reader text, in and out: what is kept of what a reader typed, and how it is shown — plain text
// with paragraphs and links, never markup.
#pragma once

#include <string>
#include <string_view>

namespace gazette::comments {

/// A comment's text as stored: line endings become "\n", control characters other than line
/// breaks and tabs are dropped, more than one blank line becomes one, and the ends are trimmed.
/// `text` must be valid UTF-8.
std::string normalize_body(std::string_view text);

/// A one-line field (name, e-mail, website) as stored: every run of whitespace or control
/// characters becomes one space, and the ends are trimmed. `text` must be valid UTF-8.
std::string normalize_line(std::string_view text);

/// `body` (normalised) as HTML: a <p> per paragraph, <br> at single line breaks, web addresses
/// as links (see linkify.h), everything else escaped.
std::string body_html(std::string_view body);

/// `text` with each invalid UTF-8 sequence replaced by U+FFFD, so a refused form can be shown
/// again with what the reader typed, as text.
std::string valid_utf8(std::string_view text);

/// How many Unicode characters `text` (valid UTF-8) holds.
std::size_t count_characters(std::string_view text);

}  // namespace gazette::comments
