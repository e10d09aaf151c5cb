// WXR 1.2 written as text while the site is read: texts in CDATA as WordPress writes them,
// names and dates escaped, dates in UTC.
#include "transfer/wxr/wxr_export.h"

#include <chrono>
#include <cstdio>
#include <string_view>
#include <utility>

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

// XML 1.0 allows no control character but tab, line feed and carriage return: others are left
// out rather than making a file no reader accepts.
bool allowed_in_xml(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (allowed_in_xml(c))
      out += c;
  }
  return out;
}

// Text in CDATA, as WordPress writes it; "]]>" inside it is split across two sections.
std::string cdata(std::string_view text) {
  std::string out = "<![CDATA[";
  out.reserve(text.size() + 12);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "]]>") == 0) {
      out += "]]]]><![CDATA[>";
      i += 2;
    } else if (allowed_in_xml(text[i])) {
      out += text[i];
    }
  }
  return out + "]]>";
}

// One element per line, indented by `depth` tabs.
class Lines {
 public:
  explicit Lines(std::ostream& out) : out_(out) {}
  void text(int depth, std::string_view name, std::string_view value) {
    indent(depth) << '<' << name << '>' << escaped(value) << "</" << name << ">\n";
  }
  void cdata_text(int depth, std::string_view name, std::string_view value) {
    indent(depth) << '<' << name << '>' << cdata(value) << "</" << name << ">\n";
  }
  std::ostream& indent(int depth) {
    for (int i = 0; i < depth; ++i) out_ << '\t';
    return out_;
  }

 private:
  std::ostream& out_;
};

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

void add_meta(Lines& lines, const std::string& key, const std::string& value) {
  lines.indent(3) << "<wp:postmeta>\n";
  lines.text(4, "wp:meta_key", key);
  lines.cdata_text(4, "wp:meta_value", value);
  lines.indent(3) << "</wp:postmeta>\n";
}

}  // namespace

WxrWriter::WxrWriter(std::ostream& out, const store::SiteExport& site) : out_(out) {
  base_ = site.url.empty() ? "http://localhost" : site.url;
  while (base_.ends_with("/")) base_.pop_back();
  Lines lines(out_);
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<rss version=\"2.0\""
          " xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
          " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
          " xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\""
          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
          " xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
          "\t<channel>\n";
  lines.text(2, "title", site.settings.title);
  lines.text(2, "link", base_);
  lines.text(2, "description", site.settings.description);
  lines.text(2, "language", site.settings.language);
  lines.text(2, "wp:wxr_version", "1.2");
  lines.text(2, "wp:base_site_url", base_);
  lines.text(2, "wp:base_blog_url", base_);
  for (const auto& author : site.authors) {
    lines.indent(2) << "<wp:author>\n";
    lines.text(3, "wp:author_id", std::to_string(author.id));
    lines.cdata_text(3, "wp:author_login", author.slug);
    lines.cdata_text(3, "wp:author_email", "");
    lines.cdata_text(3, "wp:author_display_name", author.name);
    lines.indent(2) << "</wp:author>\n";
  }
  for (const auto& category : site.categories) {
    lines.indent(2) << "<wp:category>\n";
    lines.cdata_text(3, "wp:category_nicename", category.slug);
    lines.cdata_text(3, "wp:category_parent", category.parent_slug);
    lines.cdata_text(3, "wp:cat_name", category.name);
    lines.indent(2) << "</wp:category>\n";
  }
  for (const auto& tag : site.tags) {
    lines.indent(2) << "<wp:tag>\n";
    lines.cdata_text(3, "wp:tag_slug", tag.slug);
    lines.cdata_text(3, "wp:tag_name", tag.name);
    lines.indent(2) << "</wp:tag>\n";
  }
}

void WxrWriter::item(const store::ExportedArticle& article) {
  Lines lines(out_);
  std::string path = "/" + article.section.slug + "/" + article.slug + "/";
  lines.indent(2) << "<item>\n";
  lines.text(3, "title", article.title);
  lines.text(3, "link", base_ + path);
  lines.text(3, "pubDate", date_text(article.published_at));
  lines.cdata_text(3, "dc:creator", article.author_slug);
  lines.indent(3) << "<guid isPermaLink=\"false\">"
                  << escaped(base_ + "/?p=" + std::to_string(article.id.value)) << "</guid>\n";
  lines.cdata_text(3, "content:encoded", article.body_html);
  lines.cdata_text(3, "excerpt:encoded", article.lead);
  lines.text(3, "wp:post_id", std::to_string(article.id.value));
  lines.text(3, "wp:post_date", date_text(article.published_at));
  lines.text(3, "wp:post_date_gmt", date_text(article.published_at));
  lines.text(3, "wp:post_modified_gmt", date_text(article.updated_at));
  lines.text(3, "wp:comment_status", article.comments_closed ? "closed" : "open");
  lines.text(3, "wp:post_name", article.slug);
  lines.text(3, "wp:status", wordpress_status(article.status));
  lines.text(3, "wp:post_parent", "0");
  lines.text(3, "wp:post_type", "post");
  lines.text(3, "wp:is_sticky", article.sticky ? "1" : "0");
  for (const auto& [domain, terms] :
       {std::pair{"category", &article.categories}, std::pair{"post_tag", &article.tags}}) {
    for (const auto& term : *terms) {
      lines.indent(3) << "<category domain=\"" << domain << "\" nicename=\"" << escaped(term.slug)
                      << "\">" << cdata(term.name) << "</category>\n";
    }
  }
  // A byline of several, as Co-Authors Plus writes it: every signer, in order, by login.
  if (!article.coauthors.empty()) {
    std::vector<std::string> byline{article.author_slug};
    for (const auto& coauthor : article.coauthors) byline.push_back(coauthor.slug);
    for (const auto& login : byline) {
      lines.indent(3) << "<category domain=\"author\" nicename=\"cap-" << escaped(login) << "\">"
                      << cdata(login) << "</category>\n";
    }
  }
  add_meta(lines, "_gazette_format", "html");
  add_meta(lines, "_gazette_section", article.section.slug + "\n" + article.section.name);
  if (!article.body_markdown.empty()) add_meta(lines, "_gazette_markdown", article.body_markdown);
  for (const auto& comment : article.comments) {
    lines.indent(3) << "<wp:comment>\n";
    lines.text(4, "wp:comment_id", std::to_string(comment.id.value));
    lines.cdata_text(4, "wp:comment_author", comment.author_name);
    lines.cdata_text(4, "wp:comment_author_email", comment.author_email);
    lines.cdata_text(4, "wp:comment_author_url", comment.author_url);
    lines.cdata_text(4, "wp:comment_author_IP", comment.ip);
    lines.text(4, "wp:comment_date", date_text(comment.created_at));
    lines.text(4, "wp:comment_date_gmt", date_text(comment.created_at));
    lines.cdata_text(4, "wp:comment_content", comment.body);
    lines.text(4, "wp:comment_approved", wordpress_approval(comment.status));
    lines.text(4, "wp:comment_type", "comment");
    lines.text(4, "wp:comment_parent", std::to_string(comment.parent ? comment.parent->value : 0));
    lines.indent(3) << "</wp:comment>\n";
  }
  lines.indent(2) << "</item>\n";
}

void WxrWriter::finish() {
  out_ << "\t</channel>\n</rss>\n";
}

}  // namespace gazette::transfer::wxr
