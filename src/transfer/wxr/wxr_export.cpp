// WXR 1.2 with pugixml: every text in CDATA as WordPress writes it (pugixml splits "]]>" across
// sections), dates in UTC.
#include "transfer/wxr/wxr_export.h"

#include <pugixml.hpp>

#include <chrono>
#include <cstdio>

namespace gazette::transfer::wxr {

namespace {

std::string date_text(content::Timestamp time) {
  auto days = std::chrono::floor<std::chrono::days>(time);
  std::chrono::year_month_day date{days};
  std::chrono::hh_mm_ss clock{time - days};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02lld:%02lld:%02lld",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long long>(clock.hours().count()),
                static_cast<long long>(clock.minutes().count()),
                static_cast<long long>(clock.seconds().count()));
  return buffer;
}

void add_text(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).append_child(pugi::node_pcdata).set_value(value.c_str());
}

void add_cdata(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).append_child(pugi::node_cdata).set_value(value.c_str());
}

const char* wordpress_status(content::ArticleStatus status) {
  switch (status) {
    case content::ArticleStatus::published:
      return "publish";
    case content::ArticleStatus::scheduled:
      return "future";
    case content::ArticleStatus::review:
      return "pending";
    case content::ArticleStatus::draft:
      return "draft";
  }
  return "draft";
}

const char* wordpress_approval(content::CommentStatus status) {
  switch (status) {
    case content::CommentStatus::approved:
      return "1";
    case content::CommentStatus::pending:
      return "0";
    case content::CommentStatus::spam:
      return "spam";
    case content::CommentStatus::trash:
      return "trash";
  }
  return "0";
}

void add_meta(pugi::xml_node item, const std::string& key, const std::string& value) {
  auto meta = item.append_child("wp:postmeta");
  add_text(meta, "wp:meta_key", key);
  add_cdata(meta, "wp:meta_value", value);
}

}  // namespace

void write_wxr(const store::SiteExport& site, std::ostream& out) {
  pugi::xml_document xml;
  auto declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto rss = xml.append_child("rss");
  rss.append_attribute("version") = "2.0";
  rss.append_attribute("xmlns:excerpt") = "http://wordpress.org/export/1.2/excerpt/";
  rss.append_attribute("xmlns:content") = "http://purl.org/rss/1.0/modules/content/";
  rss.append_attribute("xmlns:wfw") = "http://wellformedweb.org/CommentAPI/";
  rss.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  rss.append_attribute("xmlns:wp") = "http://wordpress.org/export/1.2/";
  auto channel = rss.append_child("channel");
  std::string base = site.url.empty() ? "http://localhost" : site.url;
  while (base.ends_with("/")) base.pop_back();
  add_text(channel, "title", site.settings.title);
  add_text(channel, "link", base);
  add_text(channel, "description", site.settings.description);
  add_text(channel, "language", site.settings.language);
  add_text(channel, "wp:wxr_version", "1.2");
  add_text(channel, "wp:base_site_url", base);
  add_text(channel, "wp:base_blog_url", base);
  for (const auto& author : site.authors) {
    auto node = channel.append_child("wp:author");
    add_text(node, "wp:author_id", std::to_string(author.id));
    add_cdata(node, "wp:author_login", author.slug);
    add_cdata(node, "wp:author_email", "");
    add_cdata(node, "wp:author_display_name", author.name);
  }
  for (const auto& category : site.categories) {
    auto node = channel.append_child("wp:category");
    add_cdata(node, "wp:category_nicename", category.slug);
    add_cdata(node, "wp:category_parent", category.parent_slug);
    add_cdata(node, "wp:cat_name", category.name);
  }
  for (const auto& tag : site.tags) {
    auto node = channel.append_child("wp:tag");
    add_cdata(node, "wp:tag_slug", tag.slug);
    add_cdata(node, "wp:tag_name", tag.name);
  }
  for (const auto& article : site.articles) {
    auto item = channel.append_child("item");
    std::string path = "/" + article.section.slug + "/" + article.slug + "/";
    add_text(item, "title", article.title);
    add_text(item, "link", base + path);
    add_text(item, "pubDate", date_text(article.published_at));
    add_cdata(item, "dc:creator", article.author_slug);
    auto guid = item.append_child("guid");
    guid.append_attribute("isPermaLink") = "false";
    guid.append_child(pugi::node_pcdata)
        .set_value((base + "/?p=" + std::to_string(article.id.value)).c_str());
    add_cdata(item, "content:encoded", article.body_html);
    add_cdata(item, "excerpt:encoded", article.lead);
    add_text(item, "wp:post_id", std::to_string(article.id.value));
    add_text(item, "wp:post_date", date_text(article.published_at));
    add_text(item, "wp:post_date_gmt", date_text(article.published_at));
    add_text(item, "wp:post_modified_gmt", date_text(article.updated_at));
    add_text(item, "wp:comment_status", article.comments_closed ? "closed" : "open");
    add_text(item, "wp:post_name", article.slug);
    add_text(item, "wp:status", wordpress_status(article.status));
    add_text(item, "wp:post_parent", "0");
    add_text(item, "wp:post_type", "post");
    add_text(item, "wp:is_sticky", article.sticky ? "1" : "0");
    for (const auto& category : article.categories) {
      auto node = item.append_child("category");
      node.append_attribute("domain") = "category";
      node.append_attribute("nicename") = category.slug.c_str();
      node.append_child(pugi::node_cdata).set_value(category.name.c_str());
    }
    for (const auto& tag : article.tags) {
      auto node = item.append_child("category");
      node.append_attribute("domain") = "post_tag";
      node.append_attribute("nicename") = tag.slug.c_str();
      node.append_child(pugi::node_cdata).set_value(tag.name.c_str());
    }
    add_meta(item, "_gazette_format", "html");
    add_meta(item, "_gazette_section", article.section.slug + "\n" + article.section.name);
    if (!article.body_markdown.empty()) add_meta(item, "_gazette_markdown", article.body_markdown);
    for (const auto& comment : article.comments) {
      auto node = item.append_child("wp:comment");
      add_text(node, "wp:comment_id", std::to_string(comment.id.value));
      add_cdata(node, "wp:comment_author", comment.author_name);
      add_cdata(node, "wp:comment_author_email", comment.author_email);
      add_cdata(node, "wp:comment_author_url", comment.author_url);
      add_cdata(node, "wp:comment_author_IP", comment.ip);
      add_text(node, "wp:comment_date", date_text(comment.created_at));
      add_text(node, "wp:comment_date_gmt", date_text(comment.created_at));
      add_cdata(node, "wp:comment_content", comment.body);
      add_text(node, "wp:comment_approved", wordpress_approval(comment.status));
      add_text(node, "wp:comment_type", "comment");
      add_text(node, "wp:comment_parent",
               std::to_string(comment.parent ? comment.parent->value : 0));
    }
  }
  xml.save(out, "\t", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace gazette::transfer::wxr
