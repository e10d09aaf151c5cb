// Structured data for search engines: the JSON-LD of an article page (schema.org NewsArticle
// and BreadcrumbList), ready to sit inside <script type="application/ld+json">.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gazette::discovery {

/// A correction readers were told of (schema.org CorrectionComment).
struct CorrectionFact {
  std::string text;
  std::string date_published;  // ISO 8601
};

/// What a NewsArticle says; URLs are absolute, dates ISO 8601.
struct NewsArticleFacts {
  /// The schema.org type: NewsArticle or one of its subtypes (AnalysisNewsArticle…, see
  /// content::schema_type); live coverage makes it a LiveBlogPosting whatever it says.
  std::string type = "NewsArticle";
  std::optional<std::string> sponsor;  // sponsored content: the sponsor, as an Organization
  std::string headline;
  std::string description;
  std::string url;
  std::optional<std::string> image_url;
  std::string date_published;
  std::string date_modified;
  std::string author_name;
  std::string author_url;
  std::string publisher_name;
  std::string publisher_url;
  std::string section;
  std::vector<std::string> keywords;
  std::string language;
  std::vector<CorrectionFact> corrections;  // oldest first
  /// Live coverage: the page is then a LiveBlogPosting with its times and entries.
  struct LiveUpdate {
    std::string headline;  // the entry's first line
    std::string body;      // the entry's text
    std::string date_published;
    std::string url;  // the entry's anchor on the page
  };
  struct Live {
    std::string coverage_start;
    std::optional<std::string> coverage_end;
    std::vector<LiveUpdate> updates;  // newest first
  };
  std::optional<Live> live;
};

struct BreadcrumbItem {
  std::string name;
  std::string url;  // absolute
};

/// {"@context": "https://schema.org", "@graph": [NewsArticle, BreadcrumbList]} as text that is
/// safe inside a <script> element: < > & and U+2028/2029 are written as \uXXXX escapes, so no
/// headline can close the script ("</script>") or open a comment ("<!--").
std::string article_json_ld(const NewsArticleFacts& article,
                            const std::vector<BreadcrumbItem>& breadcrumb);

}  // namespace gazette::discovery
