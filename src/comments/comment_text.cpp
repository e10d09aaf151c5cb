// Comment text normalisation and rendering (see comment_text.h).
#include "comments/comment_text.h"

#include "comments/linkify.h"
#include "render/text.h"

namespace gazette::comments {

namespace {

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::string normalize_body(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      // "\r\n" and a lone "\r" are both a line break.
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t' || !is_control(static_cast<unsigned char>(c))) {
      out += c;
    }
  }
  // Trailing spaces on each line, then runs of blank lines: one blank line separates paragraphs.
  std::string lines;
  std::size_t start = 0;
  int blank_run = 0;
  while (start <= out.size()) {
    auto end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    auto line = std::string_view(out).substr(start, end - start);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      ++blank_run;
      if (blank_run == 1) lines += '\n';
    } else {
      blank_run = 0;
      lines += line;
      lines += '\n';
    }
    start = end + 1;
  }
  return std::string(render::trim(lines));
}

std::string normalize_line(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (is_control(byte) || c == ' ') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string body_html(std::string_view body) {
  std::string html;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find("\n\n", start);
    if (end == std::string_view::npos) end = body.size();
    auto paragraph = body.substr(start, end - start);
    if (!render::trim(paragraph).empty()) {
      html += "<p>";
      std::size_t line_start = 0;
      while (line_start <= paragraph.size()) {
        auto line_end = paragraph.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = paragraph.size();
        if (line_start > 0) html += "<br>\n";
        html += linkify_html(paragraph.substr(line_start, line_end - line_start));
        line_start = line_end + 1;
      }
      html += "</p>\n";
    }
    start = end + 2;
  }
  return html;
}

std::string valid_utf8(std::string_view text) {
  constexpr std::string_view kReplacement = "\uFFFD";
  std::string out;
  while (auto bad = render::find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad)).append(kReplacement);
    // Skip the bad lead byte and any continuation bytes that follow it.
    std::size_t skip = *bad + 1;
    while (skip < text.size() && (static_cast<unsigned char>(text[skip]) & 0xC0) == 0x80) ++skip;
    text.remove_prefix(skip);
  }
  out.append(text);
  return out;
}

std::size_t count_characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace gazette::comments
