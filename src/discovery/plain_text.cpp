// HTML to plain text for the search index (see plain_text.h). Our HTML is well formed (cmark or
// the sanitizer wrote it), so skipping from '<' to '>' is enough; no script or style survives
// sanitizing, so no element's content needs dropping.
#include "discovery/plain_text.h"

#include <charconv>

namespace gazette::discovery {

namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

// Elements that end a word: "<p>a</p><p>b</p>" is "a b", while "<em>É</em>tat" stays "État".
bool is_block(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p",  "br", "div", "li", "ul",  "ol",         "h1",     "h2",         "h3", "h4",   "h5",
      "h6", "tr", "td",  "th", "pre", "blockquote", "figure", "figcaption", "hr", "table"};
  for (auto block : kBlocks)
    if (tag == block) return true;
  return false;
}

// Decodes the entity at `html[pos]` ('&'); returns the bytes consumed (0 when not an entity).
std::size_t decode_entity(std::string_view html, std::size_t pos, std::string& out) {
  auto semicolon = html.find(';', pos);
  // Entities are short; a far ';' belongs to the text.
  if (semicolon == std::string_view::npos || semicolon - pos > 10) return 0;
  auto name = html.substr(pos + 1, semicolon - pos - 1);
  static constexpr struct {
    std::string_view name;
    char32_t c;
  } kNamed[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
  for (const auto& entity : kNamed) {
    if (name == entity.name) {
      append_utf8(out, entity.c);
      return semicolon - pos + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    auto digits = name.substr(hex ? 2 : 1);
    std::uint32_t value = 0;
    auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size()) return 0;
    if (value >= 0x20 && value != 0x7F && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
      append_utf8(out, value);
    return semicolon - pos + 1;
  }
  return 0;
}

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  while (pos < html.size()) {
    char c = html[pos];
    if (c == '<') {
      auto close = html.find('>', pos);
      if (close == std::string_view::npos) break;
      auto tag = html.substr(pos + 1, close - pos - 1);
      if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
      auto name_end = tag.find_first_of(" \t\n/");
      if (is_block(tag.substr(0, name_end)) && !out.empty() && out.back() != ' ') out += ' ';
      pos = close + 1;
    } else if (c == '&') {
      auto used = decode_entity(html, pos, out);
      if (used == 0) out += '&';
      pos += used == 0 ? 1 : used;
    } else {
      if (is_control(static_cast<unsigned char>(c))) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
      ++pos;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!is_control(static_cast<unsigned char>(c)))
      out += c;
    else if (c == '\t' || c == '\n' || c == '\r')
      out += ' ';
  }
  return out;
}

}  // namespace gazette::discovery
