// The allowlist sanitizer: gumbo parses (HTML5 rules, so malformed markup is read the way a
// browser would read it), then only what the lists below name is written back.
#include "render/sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "render/text.h"

namespace gazette::render {

namespace {

struct AllowedElement {
  GumboTag tag;
  std::array<std::string_view, 5> attributes;  // unused slots empty
};

// Text structure, links, images, lists, tables and figures: what an article body needs.
constexpr AllowedElement kAllowed[] = {
    {GUMBO_TAG_P, {}},
    {GUMBO_TAG_BR, {}},
    {GUMBO_TAG_A, {"href", "title"}},
    {GUMBO_TAG_STRONG, {}},
    {GUMBO_TAG_B, {}},
    {GUMBO_TAG_EM, {}},
    {GUMBO_TAG_I, {}},
    {GUMBO_TAG_U, {}},
    {GUMBO_TAG_S, {}},
    {GUMBO_TAG_DEL, {"datetime"}},
    {GUMBO_TAG_INS, {"datetime"}},
    {GUMBO_TAG_BLOCKQUOTE, {"cite"}},
    {GUMBO_TAG_Q, {"cite"}},
    {GUMBO_TAG_CITE, {}},
    {GUMBO_TAG_CODE, {}},
    {GUMBO_TAG_PRE, {}},
    {GUMBO_TAG_KBD, {}},
    {GUMBO_TAG_SAMP, {}},
    {GUMBO_TAG_VAR, {}},
    {GUMBO_TAG_SUB, {}},
    {GUMBO_TAG_SUP, {}},
    {GUMBO_TAG_SMALL, {}},
    {GUMBO_TAG_MARK, {}},
    {GUMBO_TAG_ABBR, {"title"}},
    {GUMBO_TAG_ACRONYM, {"title"}},
    {GUMBO_TAG_DFN, {"title"}},
    {GUMBO_TAG_TIME, {"datetime"}},
    {GUMBO_TAG_H2, {"id"}},
    {GUMBO_TAG_H3, {"id"}},
    {GUMBO_TAG_H4, {"id"}},
    {GUMBO_TAG_H5, {"id"}},
    {GUMBO_TAG_H6, {"id"}},
    {GUMBO_TAG_UL, {}},
    {GUMBO_TAG_OL, {"start", "reversed"}},
    {GUMBO_TAG_LI, {}},
    {GUMBO_TAG_DL, {}},
    {GUMBO_TAG_DT, {}},
    {GUMBO_TAG_DD, {}},
    {GUMBO_TAG_TABLE, {}},
    {GUMBO_TAG_CAPTION, {}},
    {GUMBO_TAG_THEAD, {}},
    {GUMBO_TAG_TBODY, {}},
    {GUMBO_TAG_TFOOT, {}},
    {GUMBO_TAG_TR, {}},
    {GUMBO_TAG_TH, {"colspan", "rowspan", "scope"}},
    {GUMBO_TAG_TD, {"colspan", "rowspan"}},
    {GUMBO_TAG_FIGURE, {}},
    {GUMBO_TAG_FIGCAPTION, {}},
    {GUMBO_TAG_IMG, {"src", "alt", "width", "height", "title"}},
    {GUMBO_TAG_HR, {}},
    {GUMBO_TAG_ADDRESS, {}},
    {GUMBO_TAG_SPAN, {}},
    {GUMBO_TAG_DIV, {}},
};

// Elements whose content is code, chrome or a form rather than text: dropped with everything
// inside them.
constexpr GumboTag kDroppedWhole[] = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED,
    GUMBO_TAG_APPLET, GUMBO_TAG_FORM,     GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT, GUMBO_TAG_BUTTON,
    GUMBO_TAG_INPUT,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,    GUMBO_TAG_MATH,
    GUMBO_TAG_HEAD,   GUMBO_TAG_TITLE,    GUMBO_TAG_META,     GUMBO_TAG_LINK,   GUMBO_TAG_BASE,
    GUMBO_TAG_FRAME,  GUMBO_TAG_FRAMESET, GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,  GUMBO_TAG_SOURCE,
    GUMBO_TAG_TRACK,  GUMBO_TAG_CANVAS,   GUMBO_TAG_PARAM};

constexpr std::string_view kUrlAttributes[] = {"href", "src", "cite"};

// Subheadings keep their anchor ("#offensive-a-damas"), but only a slug-like one (lower-case
// letters, digits, hyphens), which no script of the page looks up as a global name.
bool is_anchor_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

const AllowedElement* allowed(GumboTag tag) {
  for (const auto& element : kAllowed)
    if (element.tag == tag) return &element;
  return nullptr;
}

void write_node(std::string& out, const GumboNode* node);

void write_children(std::string& out, const GumboVector& children) {
  for (unsigned i = 0; i < children.length; ++i)
    write_node(out, static_cast<const GumboNode*>(children.data[i]));
}

void write_element(std::string& out, const GumboElement& element) {
  GumboTag tag = element.tag;
  if (std::find(std::begin(kDroppedWhole), std::end(kDroppedWhole), tag) != std::end(kDroppedWhole))
    return;
  if (tag == GUMBO_TAG_H1) tag = GUMBO_TAG_H2;
  const AllowedElement* rule = allowed(tag);
  if (!rule) {
    write_children(out, element.children);
    return;
  }
  std::string_view name = gumbo_normalized_tagname(tag);
  out += '<';
  out += name;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    std::string_view attribute_name = attribute->name;
    // gumbo names an attribute whose name is a NUL byte "": it must not match the list's empty
    // slots, or `<p \0=" onclick=x()">` comes out as `<p =" onclick=x()">`, whose value a
    // browser reads as attributes.
    if (attribute_name.empty() || std::find(rule->attributes.begin(), rule->attributes.end(),
                                            attribute_name) == rule->attributes.end())
      continue;
    std::string_view value = attribute->value;
    bool is_url = std::find(std::begin(kUrlAttributes), std::end(kUrlAttributes), attribute_name) !=
                  std::end(kUrlAttributes);
    if (is_url && !is_safe_url(value)) continue;
    if (attribute_name == "id" && !is_anchor_id(value)) continue;
    out += ' ';
    out += attribute_name;
    out += "=\"";
    out += escape_html(value);
    out += '"';
  }
  out += '>';
  if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG) return;
  write_children(out, element.children);
  out += "</";
  out += name;
  out += '>';
}

void write_node(std::string& out, const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      write_element(out, node->v.element);
      break;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out += escape_html(node->v.text.text);
      break;
    default:  // comments, the document node
      break;
  }
}

const GumboNode* find_body(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == GUMBO_TAG_BODY) return node;
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    if (auto* body = find_body(static_cast<const GumboNode*>(children.data[i]))) return body;
  return nullptr;
}

}  // namespace

bool is_safe_url(std::string_view url) {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  std::string scheme;
  for (char c : url) {
    if (c == ':') {
      return scheme == "http" || scheme == "https" || scheme == "mailto";
    }
    if (c == '/' || c == '?' || c == '#') return true;  // relative
    if (static_cast<unsigned char>(c) <= ' ') continue;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return true;
}

std::string sanitize_html(std::string_view html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  std::string out;
  out.reserve(html.size());
  if (const auto* body = find_body(output->root)) write_children(out, body->v.element.children);
  return out;
}

}  // namespace gazette::render
