// Reading a WXR file with libxml2's streaming reader (xmlTextReader): each channel child of
// interest (an item, an author, a term) is expanded into a small tree, read, and freed when the
// reader moves on, so memory holds one item at a time whatever the size of the file.
#include "transfer/wxr/wxr_document.h"

#include <libxml/xmlreader.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

namespace gazette::transfer::wxr {

namespace {

constexpr std::string_view kVersions[] = {"1.0", "1.1", "1.2"};

// Big CDATA sections (a post's content) are allowed past libxml2's 10 MB default; the network
// and external entities never are: a file is read as it is, entities are not substituted.
constexpr int kParseOptions = XML_PARSE_HUGE | XML_PARSE_NONET;

// How much of the file is read at a time (libxml2 asks for 4 KiB; this is an upper bound).
constexpr std::size_t kReadChunk = 64 * 1024;

// The file as libxml2 reads it, with the two liberties WordPress's exports need (pugixml, and
// WordPress's own importer, took them):
// - "]]>" in character data — what a CDATA section written inside another one leaves after the
//   inner one ends the outer one early — goes on as "]]&gt;", the same characters in
//   well-formed XML (text() below then puts the content back together);
// - control characters that XML 1.0 forbids (U+0000 to U+001F but tab, line feed and carriage
//   return), which WordPress copies from pasted text, are dropped;
// and line ends made "\n" here, as XML requires of a parser before it parses: libxml2's push
// parser, under the reader, leaves "\r\n" inside CDATA sections.
// A small state machine over the bytes tells character data from tags, CDATA sections,
// comments, processing instructions and declarations, across reads.
class LenientInput {
 public:
  explicit LenientInput(std::FILE* file) : file_(file) {}

  // For xmlReaderForIO: fills `buffer` with up to `size` bytes; 0 at the end, -1 on an error.
  static int read(void* context, char* buffer, int size) {
    return static_cast<LenientInput*>(context)->fill(buffer, static_cast<std::size_t>(size));
  }

 private:
  enum class State { text, open, bang, bang_dash, tag, cdata, comment, instruction, declaration };

  int fill(char* buffer, std::size_t size) {
    // Each byte gives at most two ('>' becomes "&gt;" after two ']'), so half a buffer fits.
    std::size_t room = std::min(size / 2, kReadChunk);
    char raw[kReadChunk];
    std::size_t written = 0;
    while (written == 0) {
      std::size_t got = std::fread(raw, 1, room, file_);
      if (got == 0) return std::ferror(file_) ? -1 : 0;
      for (std::size_t i = 0; i < got; ++i) written += step(raw[i], buffer + written);
    }
    return static_cast<int>(written);
  }

  // Writes what byte `c` becomes at `out`; how many bytes that is.
  std::size_t step(char c, char* out) {
    auto byte = static_cast<unsigned char>(c);
    bool after_cr = after_cr_;
    after_cr_ = c == '\r';
    if (c == '\r')
      c = '\n';
    else if (c == '\n' && after_cr)
      return 0;
    if (byte < 0x20 && c != '\t' && c != '\n') return 0;
    switch (state_) {
      case State::text:
        if (c == '>' && run_ >= 2) {
          run_ = 0;
          std::copy_n("&gt;", 4, out);
          return 4;
        }
        run_ = c == ']' ? run_ + 1 : 0;
        if (c == '<') state_ = State::open;
        break;
      case State::open:
        state_ = c == '!' ? State::bang : c == '?' ? State::instruction : State::tag;
        run_ = 0;
        if (c == '>') state_ = State::text;
        break;
      case State::bang:
        state_ = c == '-' ? State::bang_dash : c == '[' ? State::cdata : State::declaration;
        if (state_ == State::declaration) return declaration(c, out);
        break;
      case State::bang_dash:
        state_ = c == '-' ? State::comment : State::declaration;
        if (state_ == State::declaration) return declaration(c, out);
        break;
      case State::tag:
        if (quote_ != 0) {
          if (c == quote_) quote_ = 0;
        } else if (c == '"' || c == '\'') {
          quote_ = c;
        } else if (c == '>') {
          state_ = State::text;
        }
        break;
      case State::cdata:
        closes(c, ']', 2);
        break;
      case State::comment:
        closes(c, '-', 2);
        break;
      case State::instruction:
        closes(c, '?', 1);
        break;
      case State::declaration:
        return declaration(c, out);
    }
    *out = c;
    return 1;
  }

  // A section that ends with `count` times `mark` then '>' ("]]>", "-->", "?>").
  void closes(char c, char mark, int count) {
    if (c == '>' && run_ >= count) {
      state_ = State::text;
      run_ = 0;
    } else {
      run_ = c == mark ? run_ + 1 : 0;
    }
  }

  // <!DOCTYPE …> and the like: ends at a '>' outside quotes and brackets.
  std::size_t declaration(char c, char* out) {
    if (quote_ != 0) {
      if (c == quote_) quote_ = 0;
    } else if (c == '"' || c == '\'') {
      quote_ = c;
    } else if (c == '[') {
      ++depth_;
    } else if (c == ']') {
      --depth_;
    } else if (c == '>' && depth_ <= 0) {
      state_ = State::text;
      depth_ = 0;
      run_ = 0;
    }
    *out = c;
    return 1;
  }

  std::FILE* file_;
  State state_ = State::text;
  int run_ = 0;  // how many of a terminator's marks (or, in text, of ']') came last
  char quote_ = 0;
  int depth_ = 0;
  bool after_cr_ = false;
};

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
struct ReaderFreer {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};

// The first error libxml2 reported, for the message that refuses the file.
struct FirstError {
  std::string message;
  int line = 0;
  int code = 0;

  static void record(void* context, xmlErrorPtr error) {
    auto* first = static_cast<FirstError*>(context);
    if (!first->message.empty() || error == nullptr || error->level < XML_ERR_FATAL) return;
    first->message = error->message ? error->message : "unknown error";
    while (!first->message.empty() &&
           (first->message.back() == '\n' || first->message.back() == ' '))
      first->message.pop_back();
    first->line = error->line;
    first->code = error->code;
  }
};

// An element's name as written in the file ("wp:post_id"): WXR elements are known by their
// prefixes, as WordPress's importer knows them.
std::string qualified_name(const xmlNode* node) {
  std::string name = reinterpret_cast<const char*>(node->name);
  if (node->ns != nullptr && node->ns->prefix != nullptr)
    return reinterpret_cast<const char*>(node->ns->prefix) + (":" + name);
  return name;
}

std::string_view content_of(const xmlNode* node) {
  return node->content ? std::string_view(reinterpret_cast<const char*>(node->content))
                       : std::string_view();
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// An element's children as a DOM reader without comments keeps them: elements, text and CDATA
// sections, text made only of white space left out.
std::vector<const xmlNode*> pieces(const xmlNode* node) {
  std::vector<const xmlNode*> kept;
  for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
    if (child->type == XML_TEXT_NODE && blank(content_of(child))) continue;
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE ||
        child->type == XML_ELEMENT_NODE)
      kept.push_back(child);
  }
  return kept;
}

// An element's text. Text and CDATA pieces are joined by hand, so a content split across
// several CDATA sections (WordPress's way of carrying "]]>") comes back whole. A CDATA section
// written inside another one ends the outer one early, leaving "]]>" at the end of the text:
// WordPress's importer reads such a file up to the last "]]>", and so does this.
std::string text_of(const xmlNode* node) {
  auto kept = pieces(node);
  bool nested = !kept.empty() && kept.back()->type == XML_TEXT_NODE &&
                content_of(kept.back()).ends_with("]]>");
  std::string value;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (kept[i]->type == XML_ELEMENT_NODE) continue;
    value += content_of(kept[i]);
    if (nested && kept[i]->type == XML_CDATA_SECTION_NODE && i + 1 < kept.size() &&
        kept[i + 1]->type == XML_TEXT_NODE)
      value += "]]>";
  }
  if (nested) value.resize(value.size() - 3);
  return value;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view name) {
  std::vector<const xmlNode*> found;
  for (const xmlNode* child = parent->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && qualified_name(child) == name) found.push_back(child);
  return found;
}

const xmlNode* child(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* node = parent->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && qualified_name(node) == name) return node;
  return nullptr;
}

std::string text(const xmlNode* parent, std::string_view name) {
  return text_of(child(parent, name));
}

std::string trimmed(std::string value) {
  auto start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  auto end = value.find_last_not_of(" \t\r\n");
  return value.substr(start, end - start + 1);
}

std::int64_t number(std::string value) {
  std::size_t start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return 0;
  std::int64_t result = 0;
  std::from_chars(value.data() + start, value.data() + value.size(), result);
  return result;
}

std::int64_t number(const xmlNode* parent, std::string_view name) {
  return number(text(parent, name));
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string copy = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return copy;
}

std::string meta(const xmlNode* item, std::string_view key) {
  for (const auto* entry : children(item, "wp:postmeta"))
    if (trimmed(text(entry, "wp:meta_key")) == key) return text(entry, "wp:meta_value");
  return "";
}

WxrItem read_item(const xmlNode* node) {
  WxrItem item;
  item.title = text(node, "title");
  item.link = trimmed(text(node, "link"));
  item.guid = trimmed(text(node, "guid"));
  item.creator = trimmed(text(node, "dc:creator"));
  item.content = text(node, "content:encoded");
  item.excerpt = text(node, "excerpt:encoded");
  item.id = number(node, "wp:post_id");
  item.date = trimmed(text(node, "wp:post_date"));
  item.date_gmt = trimmed(text(node, "wp:post_date_gmt"));
  item.modified_gmt = trimmed(text(node, "wp:post_modified_gmt"));
  item.comment_status = trimmed(text(node, "wp:comment_status"));
  item.name = trimmed(text(node, "wp:post_name"));
  item.status = trimmed(text(node, "wp:status"));
  item.parent = number(node, "wp:post_parent");
  item.type = trimmed(text(node, "wp:post_type"));
  item.sticky = number(node, "wp:is_sticky") != 0;
  item.attachment_url = trimmed(text(node, "wp:attachment_url"));
  for (const auto* category : children(node, "category")) {
    WxrItemTerm term;
    term.domain = attribute(category, "domain");
    term.slug = attribute(category, "nicename");
    for (const auto* piece : pieces(category))
      if (piece->type != XML_ELEMENT_NODE) term.name += content_of(piece);
    term.name = trimmed(term.name);
    if (term.domain.empty()) term.domain = "category";  // WXR 1.0 names categories only
    item.terms.push_back(std::move(term));
  }
  for (const auto* entry : children(node, "wp:postmeta"))
    item.meta.push_back({trimmed(text(entry, "wp:meta_key")), text(entry, "wp:meta_value")});
  for (const auto* comment_node : children(node, "wp:comment")) {
    WxrComment comment;
    comment.id = number(comment_node, "wp:comment_id");
    comment.parent = number(comment_node, "wp:comment_parent");
    comment.author = trimmed(text(comment_node, "wp:comment_author"));
    comment.email = trimmed(text(comment_node, "wp:comment_author_email"));
    comment.url = trimmed(text(comment_node, "wp:comment_author_url"));
    comment.ip = trimmed(text(comment_node, "wp:comment_author_IP"));
    comment.date = trimmed(text(comment_node, "wp:comment_date"));
    comment.date_gmt = trimmed(text(comment_node, "wp:comment_date_gmt"));
    comment.content = text(comment_node, "wp:comment_content");
    comment.approved = trimmed(text(comment_node, "wp:comment_approved"));
    comment.type = trimmed(text(comment_node, "wp:comment_type"));
    item.comments.push_back(std::move(comment));
  }
  return item;
}

using Visit = std::function<void(std::string_view name, const xmlNode* node)>;

// Reads the file at `path` from start to end, expanding each child of rss > channel (the
// first channel, the one WordPress reads) whose name `wanted` accepts into a small tree for
// `visit`; the reader frees it when it moves on. Whether there was such a channel is set in
// `channel_found`.
std::optional<WxrReadError> walk_channel(const std::string& path,
                                         const std::function<bool(std::string_view)>& wanted,
                                         const Visit& visit, bool* channel_found = nullptr) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return WxrReadError{path + ": no such file"};
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return WxrReadError{path + ": no such file"};
  LenientInput input(file.get());
  std::unique_ptr<xmlTextReader, ReaderFreer> reader(
      xmlReaderForIO(&LenientInput::read, nullptr, &input, path.c_str(), nullptr, kParseOptions));
  if (!reader) return WxrReadError{path + ": cannot read this file"};
  FirstError first;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), &FirstError::record, &first);

  bool root_is_rss = false;
  int channels = 0;
  bool in_channel = false;
  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
      status = xmlTextReaderRead(reader.get());
      continue;
    }
    int depth = xmlTextReaderDepth(reader.get());
    std::string_view name = reinterpret_cast<const char*>(xmlTextReaderConstName(reader.get()));
    if (depth == 0) root_is_rss = name == "rss";
    if (depth == 1) in_channel = root_is_rss && name == "channel" && ++channels == 1;
    if (depth == 2 && in_channel && wanted(name)) {
      const xmlNode* node = xmlTextReaderExpand(reader.get());
      if (node == nullptr) {
        status = -1;
        break;
      }
      visit(name, node);
      status = xmlTextReaderNext(reader.get());
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  if (status < 0) {
    // libxml2 says "Extra content at the end of the document" of a file cut short too.
    std::string reason =
        first.code == XML_ERR_DOCUMENT_END
            ? "elements left open, or something after the end, at the end of the file: is it "
              "complete?"
        : first.message.empty() ? "unreadable"
                                : first.message;
    std::string where = first.line > 0 ? " at line " + std::to_string(first.line) : "";
    return WxrReadError{path + ": cannot read this file: not well-formed XML (" + reason + where +
                        ")"};
  }
  if (channel_found) *channel_found = channels > 0;
  return std::nullopt;
}

}  // namespace

std::variant<WxrOutline, WxrReadError> read_wxr_outline(const std::string& path) {
  WxrOutline outline;
  // The channel's own fields are its first element of each name.
  bool has_version = false, has_title = false, has_link = false, has_site = false, has_blog = false;
  auto first = [](bool& seen, std::string& field, const xmlNode* node) {
    if (!seen) field = trimmed(text_of(node));
    seen = true;
  };
  auto wanted = [](std::string_view) { return true; };
  bool channel = false;
  auto failed = walk_channel(
      path, wanted,
      [&](std::string_view name, const xmlNode* node) {
        if (name == "item") {
          ++outline.items;
          auto type = trimmed(text(node, "wp:post_type"));
          if (type == "guest-author") {
            // Co-Authors Plus's guest authors are people, read here: the plugin's export may
            // put one after the posts it signs, which must not name it by its login.
            if (auto login = trimmed(meta(node, "cap-user_login")); !login.empty())
              outline.authors.push_back({0, login, trimmed(meta(node, "cap-user_email")),
                                         trimmed(meta(node, "cap-display_name")),
                                         trimmed(meta(node, "cap-first_name")),
                                         trimmed(meta(node, "cap-last_name"))});
            return;
          }
          if (type != "attachment") return;
          outline.attachments.push_back(
              {number(node, "wp:post_id"), number(node, "wp:post_parent"),
               trimmed(text(node, "link")), trimmed(text(node, "wp:attachment_url")),
               meta(node, "_wp_attachment_image_alt"), text(node, "excerpt:encoded")});
        } else if (name == "wp:wxr_version") {
          first(has_version, outline.version, node);
        } else if (name == "title") {
          first(has_title, outline.title, node);
        } else if (name == "link") {
          first(has_link, outline.link, node);
        } else if (name == "wp:base_site_url") {
          first(has_site, outline.base_site_url, node);
        } else if (name == "wp:base_blog_url") {
          first(has_blog, outline.base_blog_url, node);
        } else if (name == "wp:author") {
          outline.authors.push_back({number(node, "wp:author_id"),
                                     trimmed(text(node, "wp:author_login")),
                                     trimmed(text(node, "wp:author_email")),
                                     trimmed(text(node, "wp:author_display_name")),
                                     trimmed(text(node, "wp:author_first_name")),
                                     trimmed(text(node, "wp:author_last_name"))});
        } else if (name == "wp:category") {
          outline.categories.push_back(
              {trimmed(text(node, "wp:category_nicename")), trimmed(text(node, "wp:cat_name")),
               trimmed(text(node, "wp:category_parent")), text(node, "wp:category_description")});
        } else if (name == "wp:tag") {
          outline.tags.push_back({trimmed(text(node, "wp:tag_slug")),
                                  trimmed(text(node, "wp:tag_name")), "",
                                  text(node, "wp:tag_description")});
        } else if (name == "wp:term") {
          // WXR 1.1+ may also list categories and tags as wp:term.
          auto taxonomy = trimmed(text(node, "wp:term_taxonomy"));
          WxrTerm read{trimmed(text(node, "wp:term_slug")), trimmed(text(node, "wp:term_name")),
                       trimmed(text(node, "wp:term_parent")), text(node, "wp:term_description")};
          if (taxonomy == "category") outline.categories.push_back(std::move(read));
          if (taxonomy == "post_tag") outline.tags.push_back(std::move(read));
        }
      },
      &channel);
  if (failed) return *failed;
  bool known = false;
  for (auto version : kVersions) known = known || outline.version == version;
  if (!channel || !known) {
    return WxrReadError{path + ": not a WXR file (" +
                        (outline.version.empty()
                             ? std::string("no wp:wxr_version")
                             : "unknown wp:wxr_version \"" + outline.version + "\"") +
                        "; WordPress exports 1.0, 1.1 or 1.2)"};
  }
  return outline;
}

std::optional<WxrReadError> read_wxr_items(const std::string& path,
                                           const std::function<void(WxrItem&)>& each) {
  return walk_channel(
      path, [](std::string_view name) { return name == "item"; },
      [&](std::string_view, const xmlNode* node) {
        auto item = read_item(node);
        each(item);
      });
}

}  // namespace gazette::transfer::wxr
