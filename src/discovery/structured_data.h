// Structured data for search engines: the JSON-LD of an article page (schema.org NewsArticle
// and BreadcrumbList) and of the publisher (NewsMediaOrganization), ready to sit inside
// <script type="application/ld+json">.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::discovery {

/// A correction readers were told of (schema.org CorrectionComment).
struct CorrectionFact {
  std::string text;
  std::string date_published;  // ISO 8601
};

/// Who publishes (schema.org NewsMediaOrganization); URLs are absolute, empty fields omitted.
struct OrganizationFacts {
  std::string name;
  std::string url;
  std::optional<std::string> logo_url;
  std::string address;
  std::string email;
  std::string telephone;
  /// The policy pages the publisher has: schema.org property (correctionsPolicy…) and URL.
  std::vector<std::pair<std::string, std::string>> policies;
};

/// The article's main photo, as an ImageObject: Google shows the credit next to the photo in
/// image results when `creditText` is given.
struct ImageFacts {
  std::string url;  // absolute
  int width = 0;
  int height = 0;
  std::string caption;  // empty: none
  std::string credit;   // « AFP »; empty: no creditText or copyrightHolder
};

/// Someone who signs (schema.org Person); URLs absolute, empty fields omitted.
struct PersonFacts {
  std::string name;
  std::string url;        // their author page
  std::string job_title;  // « Correspondante à Beyrouth »
  std::string description;
  std::optional<std::string> image_url;
  std::vector<std::string> same_as;  // their pages elsewhere
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
  std::optional<ImageFacts> image;
  std::string date_published;
  std::string date_modified;
  std::vector<PersonFacts> authors;  // in byline order
  OrganizationFacts publisher;
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

/// {"@context": "https://schema.org", NewsMediaOrganization…}, script-safe like the above: for
/// the home page and /about/.
std::string organization_json_ld(const OrganizationFacts& organization);

/// {"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": Person}, script-safe
/// like the above: for an author's page.
std::string profile_page_json_ld(const PersonFacts& person, std::string_view page_url);

}  // namespace gazette::discovery
