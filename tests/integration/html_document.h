// Parsed HTML for assertions, with gumbo (the parser browsers' algorithm is specified by):
// find elements by tag, class or attribute and read their text, as a reader would see it.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace gazette::testing {

/// An element of a parsed document; valid while its HtmlDocument lives.
class HtmlElement {
 public:
  explicit HtmlElement(const GumboNode* node) : node_(node) {}
  std::string tag() const;
  std::string attribute(const std::string& name) const;
  bool has_class(const std::string& name) const;
  /// The text inside, with whitespace runs collapsed to one space and trimmed.
  std::string text() const;
  /// Descendant elements with `tag` (any tag when empty) and, when given, class `css_class`.
  std::vector<HtmlElement> find_all(const std::string& tag,
                                    const std::string& css_class = "") const;
  /// The element itself and its ancestors, innermost first.
  std::vector<HtmlElement> ancestors() const;
  const GumboNode* node() const { return node_; }

 private:
  const GumboNode* node_;
};

class HtmlDocument {
 public:
  explicit HtmlDocument(const std::string& html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  HtmlElement root() const { return HtmlElement(output_->root); }
  /// Every match in document order, the <html> element included.
  std::vector<HtmlElement> find_all(const std::string& tag,
                                    const std::string& css_class = "") const;
  /// The first match; fails the calling test (and returns the root) when there is none.
  HtmlElement find(const std::string& tag, const std::string& css_class = "") const;

 private:
  std::string html_;
  GumboOutput* output_;
};

}  // namespace gazette::testing
