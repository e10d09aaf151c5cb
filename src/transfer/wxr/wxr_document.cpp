// Reading a WXR file with pugixml: the whole document is parsed first, so a file that is not
// well-formed is refused before anything is written (it does not stream: the DOM of a file
// takes a few times its size in memory).
#include "transfer/wxr/wxr_document.h"

#include <pugixml.hpp>

#include <charconv>
#include <filesystem>
#include <system_error>

namespace gazette::transfer::wxr {

namespace {

constexpr std::string_view kVersions[] = {"1.0", "1.1", "1.2"};

std::string text(const pugi::xml_node& parent, const char* name) {
  // Text and CDATA pieces are joined by hand, so a content split across several CDATA sections
  // (WordPress's way of carrying "]]>") comes back whole. A CDATA section written inside
  // another one ends the outer one early, leaving "]]>" at the end of the text: WordPress's
  // importer reads such a file up to the last "]]>", and so does this.
  std::string value;
  auto node = parent.child(name);
  auto last = node.last_child();
  bool nested = last.type() == pugi::node_pcdata && std::string_view(last.value()).ends_with("]]>");
  for (auto piece = node.first_child(); piece; piece = piece.next_sibling()) {
    if (piece.type() != pugi::node_pcdata && piece.type() != pugi::node_cdata) continue;
    value += piece.value();
    if (nested && piece.type() == pugi::node_cdata &&
        piece.next_sibling().type() == pugi::node_pcdata)
      value += "]]>";
  }
  if (nested) value.resize(value.size() - 3);
  return value;
}

std::int64_t number(const pugi::xml_node& parent, const char* name) {
  auto value = text(parent, name);
  std::size_t start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return 0;
  std::int64_t result = 0;
  std::from_chars(value.data() + start, value.data() + value.size(), result);
  return result;
}

std::string trimmed(std::string value) {
  auto start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  auto end = value.find_last_not_of(" \t\r\n");
  return value.substr(start, end - start + 1);
}

WxrItem read_item(const pugi::xml_node& node) {
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
  for (auto category : node.children("category")) {
    WxrItemTerm term;
    term.domain = category.attribute("domain").value();
    term.slug = category.attribute("nicename").value();
    for (auto piece : category.children())
      if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata)
        term.name += piece.value();
    term.name = trimmed(term.name);
    if (term.domain.empty()) term.domain = "category";  // WXR 1.0 names categories only
    item.terms.push_back(std::move(term));
  }
  for (auto meta : node.children("wp:postmeta"))
    item.meta.push_back({trimmed(text(meta, "wp:meta_key")), text(meta, "wp:meta_value")});
  for (auto comment_node : node.children("wp:comment")) {
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

}  // namespace

std::variant<WxrDocument, WxrReadError> read_wxr(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return WxrReadError{path + ": no such file"};
  pugi::xml_document xml;
  auto parsed = xml.load_file(path.c_str(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return WxrReadError{path + ": cannot read this file: not well-formed XML (" +
                        parsed.description() + " at byte " + std::to_string(parsed.offset) + ")"};
  }
  auto channel = xml.child("rss").child("channel");
  WxrDocument document;
  document.version = trimmed(text(channel, "wp:wxr_version"));
  bool known = false;
  for (auto version : kVersions) known = known || document.version == version;
  if (!channel || !known) {
    return WxrReadError{path + ": not a WXR file (" +
                        (document.version.empty()
                             ? std::string("no wp:wxr_version")
                             : "unknown wp:wxr_version \"" + document.version + "\"") +
                        "; WordPress exports 1.0, 1.1 or 1.2)"};
  }
  document.title = trimmed(text(channel, "title"));
  document.link = trimmed(text(channel, "link"));
  document.base_site_url = trimmed(text(channel, "wp:base_site_url"));
  document.base_blog_url = trimmed(text(channel, "wp:base_blog_url"));
  for (auto author : channel.children("wp:author")) {
    document.authors.push_back(
        {number(author, "wp:author_id"), trimmed(text(author, "wp:author_login")),
         trimmed(text(author, "wp:author_email")), trimmed(text(author, "wp:author_display_name")),
         trimmed(text(author, "wp:author_first_name")),
         trimmed(text(author, "wp:author_last_name"))});
  }
  for (auto category : channel.children("wp:category")) {
    document.categories.push_back(
        {trimmed(text(category, "wp:category_nicename")), trimmed(text(category, "wp:cat_name")),
         trimmed(text(category, "wp:category_parent")), text(category, "wp:category_description")});
  }
  for (auto tag : channel.children("wp:tag")) {
    document.tags.push_back({trimmed(text(tag, "wp:tag_slug")), trimmed(text(tag, "wp:tag_name")),
                             "", text(tag, "wp:tag_description")});
  }
  // WXR 1.1+ may also list categories and tags as wp:term.
  for (auto term : channel.children("wp:term")) {
    auto taxonomy = trimmed(text(term, "wp:term_taxonomy"));
    WxrTerm read{trimmed(text(term, "wp:term_slug")), trimmed(text(term, "wp:term_name")),
                 trimmed(text(term, "wp:term_parent")), text(term, "wp:term_description")};
    if (taxonomy == "category") document.categories.push_back(std::move(read));
    if (taxonomy == "post_tag") document.tags.push_back(std::move(read));
  }
  for (auto item : channel.children("item")) document.items.push_back(read_item(item));
  return document;
}

}  // namespace gazette::transfer::wxr
