// Sitemap documents with pugixml (see sitemaps.h).
#include "discovery/sitemaps.h"

#include <pugixml.hpp>

#include <sstream>

#include "discovery/plain_text.h"
#include "render/dates.h"

namespace gazette::discovery {

namespace {

constexpr const char* kSitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

pugi::xml_document with_declaration() {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  return document;
}

std::string to_string(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

void add_url(pugi::xml_node parent, const char* element, const SitemapUrl& url) {
  auto node = parent.append_child(element);
  node.append_child("loc").text().set(url.url.c_str());
  if (url.last_modified)
    node.append_child("lastmod").text().set(render::iso8601_utc(*url.last_modified).c_str());
}

}  // namespace

std::string sitemap_index(const std::vector<SitemapUrl>& sitemaps) {
  auto document = with_declaration();
  auto index = document.append_child("sitemapindex");
  index.append_attribute("xmlns") = kSitemapNamespace;
  for (const auto& file : sitemaps) add_url(index, "sitemap", file);
  return to_string(document);
}

std::string sitemap(const std::vector<SitemapUrl>& urls) {
  auto document = with_declaration();
  auto set = document.append_child("urlset");
  set.append_attribute("xmlns") = kSitemapNamespace;
  for (const auto& url : urls) add_url(set, "url", url);
  return to_string(document);
}

std::string news_sitemap(const std::string& publication, const std::string& language,
                         const std::vector<NewsSitemapUrl>& urls) {
  auto document = with_declaration();
  auto set = document.append_child("urlset");
  set.append_attribute("xmlns") = kSitemapNamespace;
  set.append_attribute("xmlns:news") = "http://www.google.com/schemas/sitemap-news/0.9";
  for (const auto& url : urls) {
    auto node = set.append_child("url");
    node.append_child("loc").text().set(url.url.c_str());
    auto news = node.append_child("news:news");
    auto source = news.append_child("news:publication");
    source.append_child("news:name").text().set(without_controls(publication).c_str());
    source.append_child("news:language").text().set(language.c_str());
    news.append_child("news:publication_date")
        .text()
        .set(render::iso8601_utc(url.published).c_str());
    news.append_child("news:title").text().set(without_controls(url.title).c_str());
  }
  return to_string(document);
}

std::string robots_txt(const std::string& base_url) {
  return "User-agent: *\n"
         "Disallow: /search\n"
         "Disallow: /newsroom/\n"
         "\n"
         "Sitemap: " +
         base_url + "/sitemap.xml\nSitemap: " + base_url + "/sitemap-news.xml\n";
}

}  // namespace gazette::discovery
