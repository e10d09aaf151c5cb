// The linkifier (see linkify.h): a small scanner, since comments need far less than Markdown.
#include "comments/linkify.h"

#include <algorithm>
#include <array>

#include "render/text.h"

namespace gazette::comments {

namespace {

// What search engines and browsers are told about a link a reader wrote: not endorsed (nofollow),
// user-generated (ugc), and the page opened has no handle on ours (noopener).
constexpr std::string_view kLinkRel = "nofollow ugc noopener";

constexpr std::array<std::string_view, 3> kStarts = {"https://", "http://", "www."};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// Bytes that end an address: whitespace, controls, and what would close an HTML attribute or tag.
bool ends_address(unsigned char c) {
  return c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' ||
         c == '}' || c == '|' || c == '\\' || c == '^';
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         c == '_' || c == '/' || c == '@' || c == '.' || c == '-';
}

bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == '*';
}

// The end of the address starting at `begin`.
std::size_t address_end(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size() && !ends_address(static_cast<unsigned char>(text[end]))) ++end;
  while (end > begin) {
    char last = text[end - 1];
    if (is_trailing_punctuation(last)) {
      --end;
    } else if (last == ')') {
      auto inside = text.substr(begin, end - begin);
      if (std::count(inside.begin(), inside.end(), '(') >=
          std::count(inside.begin(), inside.end(), ')'))
        break;
      --end;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

std::vector<FoundLink> find_links(std::string_view text) {
  std::vector<FoundLink> links;
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool at_boundary = pos == 0 || !is_word_byte(static_cast<unsigned char>(text[pos - 1]));
    std::string_view start;
    if (at_boundary) {
      for (auto candidate : kStarts) {
        if (starts_with_nocase(text.substr(pos), candidate)) {
          start = candidate;
          break;
        }
      }
    }
    if (start.empty()) {
      ++pos;
      continue;
    }
    std::size_t end = address_end(text, pos);
    // A scheme or "www." alone, or without a dot in the host, is not an address.
    auto rest = text.substr(pos + start.size(), end - pos - start.size());
    if (rest.find('.') == std::string_view::npos) {
      pos += start.size();
      continue;
    }
    std::string href(text.substr(pos, end - pos));
    if (start == "www.") href = "https://" + href;
    links.push_back({pos, end, std::move(href)});
    pos = end;
  }
  return links;
}

std::string linkify_html(std::string_view text) {
  std::string html;
  std::size_t done = 0;
  for (const auto& link : find_links(text)) {
    html += render::escape_html(text.substr(done, link.begin - done));
    html += "<a href=\"" + render::escape_html(link.href) + "\" rel=\"" + std::string(kLinkRel) +
            "\">" + render::escape_html(text.substr(link.begin, link.end - link.begin)) + "</a>";
    done = link.end;
  }
  html += render::escape_html(text.substr(done));
  return html;
}

}  // namespace gazette::comments
