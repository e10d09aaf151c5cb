// Gumbo-backed HTML queries for tests (see html_document.h).
#include "html_document.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gazette::testing {

namespace {

void collect(const GumboNode* node, const std::string& tag, const std::string& css_class,
             std::vector<HtmlElement>& found) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    HtmlElement element(child);
    if ((tag.empty() || element.tag() == tag) &&
        (css_class.empty() || element.has_class(css_class)))
      found.push_back(element);
    collect(child, tag, css_class, found);
  }
}

void append_text(const GumboNode* node, std::string& text) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    text += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const auto& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    append_text(static_cast<const GumboNode*>(children.data[i]), text);
  text += ' ';
}

}  // namespace

std::string HtmlElement::tag() const {
  if (node_->type != GUMBO_NODE_ELEMENT) return "";
  return gumbo_normalized_tagname(node_->v.element.tag);
}

std::string HtmlElement::attribute(const std::string& name) const {
  if (node_->type != GUMBO_NODE_ELEMENT) return "";
  auto* attribute = gumbo_get_attribute(&node_->v.element.attributes, name.c_str());
  return attribute ? attribute->value : "";
}

bool HtmlElement::has_class(const std::string& name) const {
  std::istringstream classes(attribute("class"));
  std::string each;
  while (classes >> each) {
    if (each == name) return true;
  }
  return false;
}

std::string HtmlElement::text() const {
  std::string raw;
  append_text(node_, raw);
  std::string text;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !text.empty();
    } else {
      if (space) text += ' ';
      space = false;
      text += c;
    }
  }
  return text;
}

std::vector<HtmlElement> HtmlElement::find_all(const std::string& tag,
                                               const std::string& css_class) const {
  std::vector<HtmlElement> found;
  collect(node_, tag, css_class, found);
  return found;
}

std::vector<HtmlElement> HtmlElement::ancestors() const {
  std::vector<HtmlElement> chain;
  for (auto* node = node_; node && node->type == GUMBO_NODE_ELEMENT; node = node->parent)
    chain.emplace_back(node);
  return chain;
}

HtmlDocument::HtmlDocument(const std::string& html)
    : html_(html),
      output_(gumbo_parse_with_options(&kGumboDefaultOptions, html_.data(), html_.size())) {}

HtmlDocument::~HtmlDocument() {
  gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

std::vector<HtmlElement> HtmlDocument::find_all(const std::string& tag,
                                                const std::string& css_class) const {
  std::vector<HtmlElement> found;
  HtmlElement html = root();
  if ((tag.empty() || html.tag() == tag) && (css_class.empty() || html.has_class(css_class)))
    found.push_back(html);
  auto inside = html.find_all(tag, css_class);
  found.insert(found.end(), inside.begin(), inside.end());
  return found;
}

HtmlElement HtmlDocument::find(const std::string& tag, const std::string& css_class) const {
  auto all = find_all(tag, css_class);
  if (all.empty()) {
    ADD_FAILURE() << "no <" << tag << (css_class.empty() ? "" : " class=" + css_class) << ">";
    return root();
  }
  return all.front();
}

}  // namespace gazette::testing
