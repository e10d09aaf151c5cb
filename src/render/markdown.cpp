// Markdown to HTML with cmark-gfm: GFM extensions, raw HTML omitted, headings given ids from
// their slugs, and the optional lead taken from the first paragraph.
#include "render/markdown.h"

#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "render/embed_player.h"
#include "render/sanitizer.h"
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

// The editor's blocks (src/newsroom/editor/src/markdown.js writes them; anyone may type them):
//   ![alt](src "caption © credit")   alone in its paragraph: a figure with its caption and credit
//   > [!PULLQUOTE]                    first in a quote: a pull quote
//   [label](https://… "embed")        alone in its paragraph: an embed, as a link the reader
//                                     follows (nothing of the other site loads with the page);
//                                     a known video carries its player for embeds.js to load
//                                     on a click (embed_player.h)
constexpr std::string_view kPullQuoteMarker = "[!PULLQUOTE]";
constexpr std::string_view kCreditSeparator = " © ";
constexpr std::string_view kEmbedTitle = "embed";

// A custom block standing for `node`, holding `html`.
void replace_with_html(cmark_node* node, const std::string& html) {
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  cmark_node_set_on_exit(block, "");
  cmark_node_replace(node, block);
  cmark_node_free(node);
}

// The only child of a paragraph, when it has exactly one of `type`.
cmark_node* sole_child(cmark_node* paragraph, cmark_node_type type) {
  cmark_node* child = cmark_node_first_child(paragraph);
  if (!child || cmark_node_next(child) || cmark_node_get_type(child) != type) return nullptr;
  return child;
}

std::string figure_html(cmark_node* image) {
  const char* url = cmark_node_get_url(image);
  const char* title = cmark_node_get_title(image);
  if (!url || !title || !*title || !is_safe_url(url)) return {};
  std::string_view caption = title;
  std::string_view credit;
  if (auto at = caption.find(kCreditSeparator); at != std::string_view::npos) {
    credit = caption.substr(at + kCreditSeparator.size());
    caption = caption.substr(0, at);
  } else if (caption.starts_with(kCreditSeparator.substr(1))) {
    credit = caption.substr(kCreditSeparator.size() - 1);
    caption = {};
  }
  std::string html = "<figure class=\"article-figure\"><img src=\"" + escape_html(url) +
                     "\" alt=\"" + escape_html(plain_text(image)) + "\" loading=\"lazy\">";
  html += "<figcaption>" + escape_html(trim(caption));
  if (!credit.empty())
    html += " <span class=\"credit\">© " + escape_html(std::string(trim(credit))) + "</span>";
  return html + "</figcaption></figure>";
}

std::string embed_html(cmark_node* link) {
  const char* url = cmark_node_get_url(link);
  const char* title = cmark_node_get_title(link);
  if (!url || !title || std::string_view(title) != kEmbedTitle) return {};
  std::string_view address = url;
  if (!address.starts_with("https://") && !address.starts_with("http://")) return {};
  auto label = plain_text(link);
  if (label.empty()) label = address;
  std::string player;
  if (auto found = embed_player(address))
    player = " data-embed-src=\"" + escape_html(found->src) + "\" data-embed-provider=\"" +
             escape_html(found->provider) + "\"";
  return "<figure class=\"article-embed\"" + player + "><a class=\"article-embed-link\" href=\"" +
         escape_html(address) + "\" rel=\"noopener nofollow\">" + escape_html(label) +
         "</a></figure>";
}

// Takes "[!PULLQUOTE]" off the start of `paragraph` (cmark may have cut it into several text
// nodes at the brackets); whether it was there.
bool take_pull_quote_marker(cmark_node* paragraph) {
  std::string seen;
  std::vector<cmark_node*> marker;
  for (cmark_node* child = cmark_node_first_child(paragraph);
       child && seen.size() < kPullQuoteMarker.size(); child = cmark_node_next(child)) {
    if (cmark_node_get_type(child) != CMARK_NODE_TEXT) return false;
    seen += cmark_node_get_literal(child);
    marker.push_back(child);
  }
  if (!seen.starts_with(kPullQuoteMarker)) return false;
  std::string rest(trim(std::string_view(seen).substr(kPullQuoteMarker.size())));
  cmark_node* after = cmark_node_next(marker.back());
  if (rest.empty()) {
    for (cmark_node* node : marker) cmark_node_free(node);
    if (after && (cmark_node_get_type(after) == CMARK_NODE_SOFTBREAK ||
                  cmark_node_get_type(after) == CMARK_NODE_LINEBREAK))
      cmark_node_free(after);
  } else {
    cmark_node_set_literal(marker.back(), rest.c_str());
    for (std::size_t i = 0; i + 1 < marker.size(); ++i) cmark_node_free(marker[i]);
  }
  return true;
}

void render_editor_blocks(const ParsedDocument& document) {
  std::vector<cmark_node*> paragraphs;
  std::vector<cmark_node*> quotes;
  cmark_iter* iter = cmark_iter_new(document.root.get());
  for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) paragraphs.push_back(node);
    if (cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) quotes.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* paragraph : paragraphs) {
    std::string html;
    if (cmark_node* image = sole_child(paragraph, CMARK_NODE_IMAGE)) html = figure_html(image);
    if (cmark_node* link = sole_child(paragraph, CMARK_NODE_LINK)) html = embed_html(link);
    if (!html.empty()) replace_with_html(paragraph, html);
  }
  // Innermost last: a quote's HTML is made once, after what it holds.
  for (auto quote = quotes.rbegin(); quote != quotes.rend(); ++quote) {
    cmark_node* first = cmark_node_first_child(*quote);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) continue;
    if (!take_pull_quote_marker(first)) continue;
    if (!cmark_node_first_child(first)) cmark_node_free(first);
    std::string html = render_html(document, *quote);
    constexpr std::string_view kOpen = "<blockquote>";
    if (!html.starts_with(kOpen)) continue;
    html.replace(0, kOpen.size(), "<blockquote class=\"pullquote\">");
    replace_with_html(*quote, html);
  }
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  ParsedDocument document = parse(markdown);
  render_editor_blocks(document);
  add_heading_ids(document);
  return render_html(document, document.root.get());
}

RenderedArticle render_article(std::string_view markdown, bool take_lead) {
  ParsedDocument document = parse(markdown);
  RenderedArticle out;
  cmark_node* first = cmark_node_first_child(document.root.get());
  if (take_lead && first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
    remove_inline_html(first);
    out.lead = plain_text(first);
    cmark_node_free(first);
  }
  render_editor_blocks(document);
  add_heading_ids(document);
  out.body_html = render_html(document, document.root.get());
  return out;
}

}  // namespace gazette::render
