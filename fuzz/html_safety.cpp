// The fuzz targets' HTML oracle (see html_safety.h). Written apart from the sanitizer's lists on
// purpose: it must not share their mistakes.
#include "html_safety.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

namespace gazette::fuzz {

namespace {

// Elements that run code, embed other documents, submit forms or load media on their own.
constexpr std::array kActiveElements = {
    "script", "style",  "iframe", "frame",  "frameset", "object",   "embed",
    "applet", "form",   "input",  "button", "textarea", "select",   "meta",
    "link",   "base",   "svg",    "math",   "template", "noscript", "audio",
    "video",  "source", "track",  "canvas", "param",    "portal",   "dialog"};

// Attributes whose value a browser follows as a URL.
constexpr std::array kUrlAttributes = {"href",   "src",  "cite",   "action",     "formaction",
                                       "poster", "data", "srcset", "background", "xlink:href"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The URL as a browser reads it: C0 controls and spaces trimmed, tabs and line breaks removed.
std::string browser_url(std::string_view value) {
  std::string url;
  for (char c : value)
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  auto is_blank = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && is_blank(url.back())) url.pop_back();
  auto first = std::find_if_not(url.begin(), url.end(), is_blank);
  return std::string(first, url.end());
}

// The URL's scheme in lower case, "" for a relative URL.
std::string scheme_of(std::string_view url) {
  auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return "";
  auto scheme = url.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(scheme[0]))) return "";
  for (char c : scheme)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
  return lower(scheme);
}

bool url_allowed(std::string_view value, UrlRule rule) {
  auto url = browser_url(value);
  auto scheme = scheme_of(url);
  if (scheme.empty()) return true;
  if (rule == UrlRule::web_only) return scheme == "http" || scheme == "https" || scheme == "mailto";
  if (scheme == "data") {
    auto type = lower(std::string_view(url).substr(5, 10));
    return type.starts_with("image/png") || type.starts_with("image/gif") ||
           type.starts_with("image/jpeg") || type.starts_with("image/webp");
  }
  return scheme != "javascript" && scheme != "vbscript" && scheme != "file";
}

std::optional<std::string> check(const GumboNode* node, UrlRule rule) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
      node->type != GUMBO_NODE_DOCUMENT)
    return std::nullopt;
  const GumboVector* children = nullptr;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    children = &node->v.document.children;
  } else {
    const GumboElement& element = node->v.element;
    std::string name =
        element.tag == GUMBO_TAG_UNKNOWN
            ? lower(std::string_view(element.original_tag.data, element.original_tag.length))
            : gumbo_normalized_tagname(element.tag);
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return "element in a foreign namespace";
    for (const char* active : kActiveElements)
      if (name == active) return "element " + name;
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      std::string attribute_name = lower(attribute->name);
      if (attribute_name.starts_with("on") || attribute_name == "style")
        return "attribute " + attribute_name;
      for (const char* url_attribute : kUrlAttributes)
        if (attribute_name == url_attribute && !url_allowed(attribute->value, rule))
          return attribute_name + " " + attribute->value;
    }
    children = &element.children;
  }
  for (unsigned i = 0; i < children->length; ++i)
    if (auto found = check(static_cast<const GumboNode*>(children->data[i]), rule)) return found;
  return std::nullopt;
}

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

std::optional<std::string> find_unsafe_html(std::string_view html, UrlRule rule) {
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  return check(output->document, rule);
}

}  // namespace gazette::fuzz
