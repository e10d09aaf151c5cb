// A WordPress export (WXR 1.0, 1.1, 1.2) as read from the file, before any decision about what
// Gazette makes of it: the fields keep WordPress's names and values.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gazette::transfer::wxr {

struct WxrAuthor {
  std::int64_t id = 0;
  std::string login;
  std::string email;
  std::string display_name;
  std::string first_name;
  std::string last_name;
};

struct WxrTerm {
  std::string slug;  // WordPress's nicename, as in its URLs
  std::string name;
  std::string parent_slug;
  std::string description;
};

struct WxrComment {
  std::int64_t id = 0;
  std::int64_t parent = 0;
  std::string author;
  std::string email;
  std::string url;
  std::string ip;
  std::string date;      // comment_date (site time)
  std::string date_gmt;  // comment_date_gmt
  std::string content;
  std::string approved;  // "1", "0", "spam", "trash"
  std::string type;      // "", "comment", "pingback", "trackback"
};

struct WxrItemTerm {
  std::string domain;  // category, post_tag, post_format, or a custom taxonomy
  std::string slug;
  std::string name;
};

struct WxrMeta {
  std::string key;
  std::string value;
};

struct WxrItem {
  std::string title;
  std::string link;
  std::string guid;
  std::string creator;  // dc:creator: an author login
  std::string content;
  std::string excerpt;
  std::int64_t id = 0;
  std::string date;      // post_date (site time)
  std::string date_gmt;  // post_date_gmt; "0000-00-00 00:00:00" for drafts
  std::string modified_gmt;
  std::string comment_status;
  std::string name;  // post_name: the slug, maybe percent-encoded
  std::string status;
  std::int64_t parent = 0;
  std::string type;
  bool sticky = false;
  std::string attachment_url;
  std::vector<WxrItemTerm> terms;
  std::vector<WxrMeta> meta;
  std::vector<WxrComment> comments;
};

/// An attachment's fields that posts refer to (featured images, galleries, attachment pages),
/// kept from the first pass: a post may name an attachment that comes later in the file.
struct WxrAttachment {
  std::int64_t id = 0;
  std::int64_t parent = 0;
  std::string link;
  std::string url;      // wp:attachment_url
  std::string alt;      // the post meta _wp_attachment_image_alt
  std::string excerpt;  // its caption, HTML
};

/// What a first pass over a file keeps: the channel, its people and terms, its attachments and
/// how many items it holds. Its size grows with the number of people, terms and attachments,
/// never with the posts' contents.
struct WxrOutline {
  std::string version;
  std::string title;
  std::string link;
  std::string base_site_url;
  std::string base_blog_url;
  std::vector<WxrAuthor> authors;  // wp:author, and Co-Authors Plus's guest authors (id 0)
  std::vector<WxrTerm> categories;
  std::vector<WxrTerm> tags;
  std::vector<WxrAttachment> attachments;  // in the file's order
  std::size_t items = 0;
};

/// Why a file was refused, in words for the person who ran the import.
struct WxrReadError {
  std::string message;
};

/// The first pass over `path`: reads the whole file, so a file that is not well-formed XML is
/// refused here ("cannot read this file"), as is a missing file ("no such file") and one without
/// a WXR version 1.0, 1.1 or 1.2 ("not a WXR file").
std::variant<WxrOutline, WxrReadError> read_wxr_outline(const std::string& path);

/// The second pass: hands each item of the channel to `each`, one at a time and in the file's
/// order; only one item is in memory at a time. The error, if the file turns out unreadable
/// (possibly after some items were handed out: the caller must then undo what it did with them).
std::optional<WxrReadError> read_wxr_items(const std::string& path,
                                           const std::function<void(WxrItem&)>& each);

}  // namespace gazette::transfer::wxr
