// RSS 2.0 and Atom 1.0 documents of a list of articles (the site, a section, a tag, an author).
// Absolute URLs only: feed readers resolve nothing against the site.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/types.h"

namespace gazette::discovery {

/// Entries a feed carries: a day or two of a busy newsroom, as WordPress and Ghost do.
constexpr std::int64_t kFeedEntries = 20;

struct FeedEntry {
  std::string title;
  std::string url;                          // absolute; also the entry's id
  std::string summary;                      // the lead, plain text
  std::optional<std::string> content_html;  // the whole article, when feeds are full text
  content::Timestamp published{};
  content::Timestamp updated{};
  struct Author {
    std::string name;
    std::string url;  // their page, absolute
  };
  std::vector<Author> authors;  // in byline order: one dc:creator or Atom author each
  std::vector<std::string> categories;  // the section, then the tags
};

struct FeedChannel {
  std::string title;
  std::string description;
  std::string page_url;  // the HTML page listing the same articles
  std::string feed_url;  // this document's own URL
  std::string language;
  content::Timestamp updated{};  // newest change among the entries
};

std::string rss_feed(const FeedChannel& channel, const std::vector<FeedEntry>& entries);
std::string atom_feed(const FeedChannel& channel, const std::vector<FeedEntry>& entries);

}  // namespace gazette::discovery
