// Shortcodes and automatic paragraphs, the two things WordPress does to a post's content at
// display time that an export leaves undone.
#include "transfer/wxr/post_html.h"

#include <array>
#include <cctype>
#include <limits>
#include <map>

#include "render/sanitizer.h"
#include "render/text.h"

namespace gazette::transfer::wxr {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// key="value", key='value' or key=value, as WordPress's shortcode_parse_atts reads them.
std::map<std::string, std::string> parse_attributes(std::string_view text) {
  std::map<std::string, std::string> attributes;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t key_start = i;
    while (i < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-'))
      ++i;
    std::string key(text.substr(key_start, i - key_start));
    if (key.empty()) {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '=') {
      ++i;
      std::string value;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        char quote = text[i++];
        auto end = text.find(quote, i);
        if (end == std::string_view::npos) end = text.size();
        value = text.substr(i, end - i);
        i = end + 1;
      } else {
        auto start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        value = text.substr(start, i - start);
      }
      attributes[key] = value;
    }
  }
  return attributes;
}

std::vector<std::int64_t> parse_ids(std::string_view text) {
  std::vector<std::int64_t> ids;
  std::int64_t current = -1;
  // An id past 64 bits names no attachment: it is dropped, not wrapped into another one.
  bool too_large = false;
  auto end_id = [&] {
    if (current >= 0 && !too_large) ids.push_back(current);
    current = -1;
    too_large = false;
  };
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      end_id();
      continue;
    }
    std::int64_t digit = c - '0';
    std::int64_t so_far = current < 0 ? 0 : current;
    if (so_far > (std::numeric_limits<std::int64_t>::max() - digit) / 10)
      too_large = true;
    else
      current = so_far * 10 + digit;
  }
  end_id();
  return ids;
}

// The content of a [caption]: an image (maybe inside a link), then the caption text.
std::string caption_html(std::string_view inner,
                         const std::map<std::string, std::string>& attributes) {
  inner = trim(inner);
  std::size_t media_end = 0;
  if (inner.starts_with("<a")) {
    auto close = inner.find("</a>");
    media_end = close == std::string_view::npos ? 0 : close + 4;
  } else if (inner.starts_with("<img")) {
    auto close = inner.find('>');
    media_end = close == std::string_view::npos ? 0 : close + 1;
  }
  std::string media(inner.substr(0, media_end));
  std::string caption(trim(inner.substr(media_end)));
  if (auto found = attributes.find("caption"); found != attributes.end() && caption.empty())
    caption = found->second;  // HTML, as WordPress prints it; sanitised with the rest
  std::string out = "<figure>" + media;
  if (!caption.empty()) out += "<figcaption>" + caption + "</figcaption>";
  return out + "</figure>";
}

std::string gallery_html(const std::map<std::string, std::string>& attributes,
                         const GalleryImages& gallery) {
  std::vector<std::int64_t> ids;
  if (auto found = attributes.find("ids"); found != attributes.end())
    ids = parse_ids(found->second);
  else if (auto include = attributes.find("include"); include != attributes.end())
    ids = parse_ids(include->second);
  auto images = gallery ? gallery(ids) : std::vector<GalleryImage>{};
  if (images.empty()) return "";
  std::string out = "<div>";
  for (const auto& image : images) {
    out += "<figure><img src=\"" + render::escape_html(image.url) + "\" alt=\"" +
           render::escape_html(image.alt) + "\">";
    if (!image.caption.empty())
      out += "<figcaption>" + render::escape_html(image.caption) + "</figcaption>";
    out += "</figure>";
  }
  return out + "</div>";
}

constexpr std::array<std::string_view, 4> kShortcodes = {"caption", "wp_caption", "gallery",
                                                         "embed"};

}  // namespace

std::string expand_shortcodes(std::string_view content, const GalleryImages& gallery) {
  std::string out;
  std::size_t i = 0;
  while (i < content.size()) {
    auto open = content.find('[', i);
    if (open == std::string_view::npos) break;
    out.append(content.substr(i, open - i));
    i = open;
    std::string_view name;
    for (auto candidate : kShortcodes) {
      auto rest = content.substr(open + 1);
      if (rest.starts_with(candidate) && rest.size() > candidate.size() &&
          (rest[candidate.size()] == ']' || rest[candidate.size()] == ' ')) {
        name = candidate;
        break;
      }
    }
    auto tag_end = name.empty() ? std::string_view::npos : content.find(']', open);
    // "[[caption]]" is WordPress's way of writing a shortcode as text.
    bool escaped = open > 0 && content[open - 1] == '[';
    if (tag_end == std::string_view::npos || escaped) {
      out += '[';
      ++i;
      continue;
    }
    auto attributes =
        parse_attributes(content.substr(open + 1 + name.size(), tag_end - open - 1 - name.size()));
    if (name == "gallery") {
      out += gallery_html(attributes, gallery);
      i = tag_end + 1;
      continue;
    }
    std::string closing = "[/" + std::string(name) + "]";
    auto close = content.find(closing, tag_end + 1);
    if (close == std::string_view::npos) {
      out += '[';
      ++i;
      continue;
    }
    auto inner = content.substr(tag_end + 1, close - tag_end - 1);
    if (name == "embed") {
      std::string url(trim(inner));
      out += "<p><a href=\"" + render::escape_html(url) + "\">" + render::escape_html(url) +
             "</a></p>";
    } else {
      out += caption_html(inner, attributes);
    }
    i = close + closing.size();
  }
  if (i < content.size()) out.append(content.substr(i));
  return out;
}

std::string auto_paragraphs(std::string_view content) {
  static constexpr std::string_view kBlockStarts[] = {
      "<p",     "<div",      "<figure",  "<h1",         "<h2",    "<h3",    "<h4",     "<h5",
      "<h6",    "<ul",       "<ol",      "<blockquote", "<pre",   "<table", "<hr",     "<!--",
      "<dl",    "<address",  "<section", "<article",    "<aside", "<form",  "<iframe", "<script",
      "<style", "<fieldset", "<details", "<figcaption", "<li",    "<tr",    "<td",     "<th",
      "<thead", "<tbody",    "<caption", "<math",       "<svg",   "<audio", "<video",  "<object",
      "<embed", "<noscript", "<header",  "<footer",     "<nav",   "<main"};
  std::string text;
  text.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\r') {
      if (i + 1 < content.size() && content[i + 1] == '\n') continue;
      text += '\n';
    } else {
      text += content[i];
    }
  }
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    // A block ends at a blank line (two line breaks with only spaces between).
    std::size_t end = start;
    std::size_t next = text.size() + 1;
    while (end < text.size()) {
      if (text[end] == '\n') {
        std::size_t look = end + 1;
        while (look < text.size() && (text[look] == ' ' || text[look] == '\t')) ++look;
        if (look < text.size() && text[look] == '\n') {
          next = look + 1;
          break;
        }
      }
      ++end;
    }
    auto block = trim(std::string_view(text).substr(start, end - start));
    if (!block.empty()) {
      bool is_block = false;
      for (auto prefix : kBlockStarts) is_block = is_block || block.starts_with(prefix);
      if (is_block) {
        out.append(block);
      } else {
        out += "<p>";
        for (char c : block) {
          if (c == '\n')
            out += "<br>\n";
          else
            out += c;
        }
        out += "</p>";
      }
      out += '\n';
    }
    start = next;
  }
  return out;
}

std::string post_body_html(std::string_view content, const GalleryImages& gallery) {
  return render::sanitize_html(auto_paragraphs(expand_shortcodes(content, gallery)));
}

}  // namespace gazette::transfer::wxr
