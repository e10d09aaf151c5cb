// Sitemaps (sitemaps.org) and robots.txt: what search engines crawl. The index lists one
// sitemap of the site's pages (home, sections) and as many article sitemaps as 50,000 URLs
// each need; the news sitemap (Google News) lists the articles of the last 48 hours.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/types.h"

namespace gazette::discovery {

/// The sitemap protocol's limit of URLs per file.
constexpr std::int64_t kSitemapUrls = 50'000;
/// Google News reads articles of the last two days, at most 1,000 of them.
constexpr std::chrono::hours kNewsWindow{48};
constexpr int kNewsSitemapUrls = 1'000;

struct SitemapUrl {
  std::string url;  // absolute
  std::optional<content::Timestamp> last_modified;
};

struct NewsSitemapUrl {
  std::string url;
  std::string title;
  content::Timestamp published{};
};

/// The sitemap index: `sitemaps` are absolute URLs of sitemap files.
std::string sitemap_index(const std::vector<SitemapUrl>& sitemaps);
std::string sitemap(const std::vector<SitemapUrl>& urls);
std::string news_sitemap(const std::string& publication, const std::string& language,
                         const std::vector<NewsSitemapUrl>& urls);
/// Everything may be crawled but search results; where the sitemaps are.
std::string robots_txt(const std::string& base_url);

}  // namespace gazette::discovery
