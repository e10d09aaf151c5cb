// A WordPress export (WXR 1.0, 1.1, 1.2) as read from the file, before any decision about what
// Gazette makes of it: the fields keep WordPress's names and values.
#pragma once

#include <cstdint>
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

struct WxrDocument {
  std::string version;
  std::string title;
  std::string link;
  std::string base_site_url;
  std::string base_blog_url;
  std::vector<WxrAuthor> authors;
  std::vector<WxrTerm> categories;
  std::vector<WxrTerm> tags;
  std::vector<WxrItem> items;
};

/// Why a file was refused, in words for the person who ran the import.
struct WxrReadError {
  std::string message;
};

/// Reads `path`. Refuses a missing file, a file that is not well-formed XML ("cannot read this
/// file") and one without a WXR version 1.0, 1.1 or 1.2 ("not a WXR file").
std::variant<WxrDocument, WxrReadError> read_wxr(const std::string& path);

}  // namespace gazette::transfer::wxr
