// Feed documents with pugixml, which escapes text and attributes (see feeds.h).
#include "discovery/feeds.h"

#include "http/conditional.h"

#include <pugixml.hpp>

#include <sstream>

#include "discovery/plain_text.h"
#include "render/dates.h"

namespace gazette::discovery {

namespace {

// XML 1.0 forbids most control characters: one in a title would make the whole feed unreadable.
void text(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).text().set(without_controls(value).c_str());
}

std::string to_string(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_document with_declaration() {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  return document;
}

}  // namespace

std::string rss_feed(const FeedChannel& channel, const std::vector<FeedEntry>& entries) {
  auto document = with_declaration();
  auto rss = document.append_child("rss");
  rss.append_attribute("version") = "2.0";
  rss.append_attribute("xmlns:atom") = "http://www.w3.org/2005/Atom";
  rss.append_attribute("xmlns:content") = "http://purl.org/rss/1.0/modules/content/";
  rss.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  auto feed = rss.append_child("channel");
  text(feed, "title", channel.title);
  text(feed, "link", channel.page_url);
  text(feed, "description", channel.description);
  text(feed, "language", channel.language);
  text(feed, "lastBuildDate", http::format_http_date(channel.updated));
  text(feed, "generator", "Gazette");
  auto self = feed.append_child("atom:link");
  self.append_attribute("href") = channel.feed_url.c_str();
  self.append_attribute("rel") = "self";
  self.append_attribute("type") = "application/rss+xml";
  for (const auto& entry : entries) {
    auto item = feed.append_child("item");
    text(item, "title", entry.title);
    text(item, "link", entry.url);
    auto guid = item.append_child("guid");
    guid.append_attribute("isPermaLink") = "true";
    guid.text().set(entry.url.c_str());
    text(item, "pubDate", http::format_http_date(entry.published));
    for (const auto& author : entry.authors) text(item, "dc:creator", author.name);
    for (const auto& category : entry.categories) text(item, "category", category);
    text(item, "description", entry.summary);
    if (entry.content_html) text(item, "content:encoded", *entry.content_html);
  }
  return to_string(document);
}

std::string atom_feed(const FeedChannel& channel, const std::vector<FeedEntry>& entries) {
  auto document = with_declaration();
  auto feed = document.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  feed.append_attribute("xml:lang") = channel.language.c_str();
  text(feed, "title", channel.title);
  if (!channel.description.empty()) text(feed, "subtitle", channel.description);
  text(feed, "id", channel.feed_url);
  auto self = feed.append_child("link");
  self.append_attribute("rel") = "self";
  self.append_attribute("type") = "application/atom+xml";
  self.append_attribute("href") = channel.feed_url.c_str();
  auto page = feed.append_child("link");
  page.append_attribute("rel") = "alternate";
  page.append_attribute("type") = "text/html";
  page.append_attribute("href") = channel.page_url.c_str();
  text(feed, "updated", render::iso8601_utc(channel.updated));
  text(feed, "generator", "Gazette");
  for (const auto& entry : entries) {
    auto item = feed.append_child("entry");
    text(item, "title", entry.title);
    text(item, "id", entry.url);
    auto link = item.append_child("link");
    link.append_attribute("rel") = "alternate";
    link.append_attribute("type") = "text/html";
    link.append_attribute("href") = entry.url.c_str();
    text(item, "published", render::iso8601_utc(entry.published));
    text(item, "updated", render::iso8601_utc(entry.updated));
    for (const auto& author : entry.authors) {
      auto element = item.append_child("author");
      text(element, "name", author.name);
      text(element, "uri", author.url);
    }
    for (const auto& category : entry.categories) {
      auto term = item.append_child("category");
      term.append_attribute("term") = without_controls(category).c_str();
    }
    auto summary = item.append_child("summary");
    summary.append_attribute("type") = "text";
    summary.text().set(without_controls(entry.summary).c_str());
    if (entry.content_html) {
      auto content = item.append_child("content");
      content.append_attribute("type") = "html";
      content.text().set(without_controls(*entry.content_html).c_str());
    }
  }
  return to_string(document);
}

}  // namespace gazette::discovery
