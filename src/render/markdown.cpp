// Markdown to HTML with cmark-gfm: GFM extensions, raw HTML omitted, headings given ids from
// their slugs, and the optional lead taken from the first paragraph.
#include "render/markdown.h"

#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "render/slug.h"
#include "render/text.h"

namespace gazette::render {

namespace {

// No CMARK_OPT_UNSAFE: raw HTML and javascript: links are dropped, which is what keeps stored
// article HTML safe. No CMARK_OPT_SMART: French copy already uses typographic quotes and
// apostrophes, and smart punctuation would turn « -- » or '...' into something the editor did
// not write. VALIDATE_UTF8 replaces bad bytes instead of passing them into the page.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

// The GitHub extensions articles may use; tagfilter is a second guard should UNSAFE ever be set.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

// Ids given to headings that have no letters or digits to slug.
constexpr std::string_view kFallbackHeadingId = "section";

// cmark-gfm keeps its extension registry in process-wide state and its registration is not
// thread-safe; a function-local static makes the one registration happen exactly once.
void ensure_extensions_registered() {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
}

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CStringDeleter {
  void operator()(char* text) const { free(text); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using CString = std::unique_ptr<char, CStringDeleter>;

// A parsed document and the parser whose extensions its nodes refer to.
struct ParsedDocument {
  ParserPtr parser;
  NodePtr root;
};

ParsedDocument parse(std::string_view markdown) {
  ensure_extensions_registered();
  ParserPtr parser(cmark_parser_new(kOptions));
  if (!parser) throw std::bad_alloc();
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr root(cmark_parser_finish(parser.get()));
  if (!root) throw std::bad_alloc();
  return {std::move(parser), std::move(root)};
}

std::string render_html(const ParsedDocument& document, cmark_node* node) {
  CString html(
      cmark_render_html(node, kOptions, cmark_parser_get_syntax_extensions(document.parser.get())));
  return html ? std::string(html.get()) : std::string();
}

// One line of plain text: soft breaks and runs of whitespace become single spaces.
std::string plain_text(cmark_node* node) {
  CString rendered(cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0));
  std::string out;
  bool pending_space = false;
  for (char c : trim(rendered ? rendered.get() : "")) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Drops inline raw HTML so that plain-text renderings never carry markup.
void remove_inline_html(cmark_node* node) {
  std::vector<cmark_node*> doomed;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE) {
      doomed.push_back(child);
    } else {
      remove_inline_html(child);
    }
  }
  for (cmark_node* child : doomed) cmark_node_free(child);  // free() also unlinks
}

// "offensive-islamiste-a-damas", or with -2, -3 … when the document already used it.
std::string unique_id(const std::string& text, std::set<std::string>& used) {
  std::string base = slugify(text);
  if (base.empty()) base = kFallbackHeadingId;
  std::string id = base;
  for (int suffix = 2; !used.insert(id).second; ++suffix) {
    id = base + "-" + std::to_string(suffix);
  }
  return id;
}

// Gives every heading an id from its slug. cmark-gfm has no attribute API, so each heading is
// replaced by a custom block holding the heading's own rendered HTML (inlines stay escaped by
// cmark) with the opening tag rewritten.
void add_heading_ids(const ParsedDocument& document) {
  // Collected first: replacing nodes while iterating would invalidate the iterator.
  std::vector<cmark_node*> headings;
  cmark_iter* iter = cmark_iter_new(document.root.get());
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      headings.push_back(node);
    }
  }
  cmark_iter_free(iter);
  std::set<std::string> used;
  for (cmark_node* heading : headings) {
    const int level = cmark_node_get_heading_level(heading);
    const std::string open_tag = "<h" + std::to_string(level) + ">";
    std::string html = render_html(document, heading);
    if (html.rfind(open_tag, 0) != 0) continue;  // unexpected shape: keep cmark's rendering
    const std::string id = unique_id(plain_text(heading), used);
    html.replace(0, open_tag.size(),
                 "<h" + std::to_string(level) + " id=\"" + escape_html(id) + "\">");
    while (!html.empty() && html.back() == '\n') html.pop_back();

    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, html.c_str());
    cmark_node_set_on_exit(block, "");
    cmark_node_replace(heading, block);
    cmark_node_free(heading);
  }
}

// Applies French spacing to every text node, so body and lead read as French typesetting wants.
void apply_french_spacing(const ParsedDocument& document) {
  cmark_iter* iter = cmark_iter_new(document.root.get());
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT) {
      const char* literal = cmark_node_get_literal(node);
      if (literal) cmark_node_set_literal(node, french_spacing(literal).c_str());
    }
  }
  cmark_iter_free(iter);
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  ParsedDocument document = parse(markdown);
  apply_french_spacing(document);
  add_heading_ids(document);
  return render_html(document, document.root.get());
}

RenderedArticle render_article(std::string_view markdown, bool take_lead) {
  ParsedDocument document = parse(markdown);
  apply_french_spacing(document);
  RenderedArticle out;
  cmark_node* first = cmark_node_first_child(document.root.get());
  if (take_lead && first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
    remove_inline_html(first);
    out.lead = plain_text(first);
    cmark_node_free(first);
  }
  add_heading_ids(document);
  out.body_html = render_html(document, document.root.get());
  return out;
}

}  // namespace gazette::render
