// JSON-LD for article pages (see structured_data.h). The document's shape is fixed, so it is
// written in order rather than built as a tree: building and dumping it as nlohmann objects was
// a sixth of an article page's render.
#include "discovery/structured_data.h"

#include <cstdio>

#include "discovery/search_query.h"
#include "render/text.h"

namespace gazette::discovery {

namespace {

// Writes JSON text that is safe inside a <script> element: < > & and U+2028/2029 occur only in
// strings, where they are written as \uXXXX (the same characters to a JSON reader).
class ScriptSafeJson {
 public:
  ScriptSafeJson& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  ScriptSafeJson& string(std::string_view text) {
    // Text that is not UTF-8 should never reach a page; if it does, its broken bytes become
    // U+FFFD so that the JSON stays valid.
    std::string repaired;
    if (render::find_invalid_utf8(text)) text = repaired = printable_text(text);
    out_ += '"';
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += static_cast<char>(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        out_ += escaped;
      } else if (c == 0xE2 && (text.substr(i, 3) == "\u2028" || text.substr(i, 3) == "\u2029")) {
        out_ += text.substr(i, 3) == "\u2028" ? "\\u2028" : "\\u2029";
        i += 2;
      } else {
        out_ += static_cast<char>(c);
      }
    }
    out_ += '"';
    return *this;
  }
  /// `"name":"value"`, preceded by a comma unless it opens an object.
  ScriptSafeJson& field(std::string_view name, std::string_view value, bool first = false) {
    if (!first) out_ += ',';
    return string(name).raw(":").string(value);
  }
  std::string text() && { return std::move(out_); }

 private:
  std::string out_;
};

// The members of a NewsMediaOrganization object, after its opening brace.
void write_organization(ScriptSafeJson& json, const OrganizationFacts& organization) {
  json.field("@type", "NewsMediaOrganization", true)
      .field("name", organization.name)
      .field("url", organization.url);
  if (organization.logo_url) {
    json.raw(",\"logo\":{")
        .field("@type", "ImageObject", true)
        .field("url", *organization.logo_url)
        .raw("}");
  }
  if (!organization.address.empty()) json.field("address", organization.address);
  if (!organization.email.empty()) json.field("email", organization.email);
  if (!organization.telephone.empty()) json.field("telephone", organization.telephone);
  for (const auto& [property, url] : organization.policies) json.field(property, url);
  // The ethics charter is also the publisher's principles: the page Google asks for.
  for (const auto& [property, url] : organization.policies) {
    if (property == "ethicsPolicy") json.field("publishingPrinciples", url);
  }
}

// The members of a Person object, after its opening brace.
void write_person(ScriptSafeJson& json, const PersonFacts& person) {
  json.field("@type", "Person", true).field("name", person.name).field("url", person.url);
  if (!person.job_title.empty()) json.field("jobTitle", person.job_title);
  if (!person.description.empty()) json.field("description", person.description);
  if (person.image_url) json.field("image", *person.image_url);
  if (!person.same_as.empty()) {
    json.raw(",\"sameAs\":[");
    for (std::size_t i = 0; i < person.same_as.size(); ++i)
      json.raw(i == 0 ? "" : ",").string(person.same_as[i]);
    json.raw("]");
  }
}

}  // namespace

std::string profile_page_json_ld(const PersonFacts& person, std::string_view page_url) {
  ScriptSafeJson json;
  json.raw("{")
      .field("@context", "https://schema.org", true)
      .field("@type", "ProfilePage")
      .field("url", page_url)
      .raw(",\"mainEntity\":{");
  write_person(json, person);
  json.raw("}}");
  return std::move(json).text();
}

std::string organization_json_ld(const OrganizationFacts& organization) {
  ScriptSafeJson json;
  json.raw("{").field("@context", "https://schema.org", true).raw(",");
  write_organization(json, organization);
  json.raw("}");
  return std::move(json).text();
}

std::string article_json_ld(const NewsArticleFacts& article,
                            const std::vector<BreadcrumbItem>& breadcrumb) {
  ScriptSafeJson json;
  json.raw("{").field("@context", "https://schema.org", true).raw(",\"@graph\":[{");
  json.field("@type", article.live ? std::string_view("LiveBlogPosting") : article.type, true)
      .field("headline", article.headline)
      .field("description", article.description)
      .field("url", article.url)
      .field("mainEntityOfPage", article.url)
      .field("datePublished", article.date_published)
      .field("dateModified", article.date_modified);
  if (article.image) {
    const auto& image = *article.image;
    json.raw(",\"image\":[{")
        .field("@type", "ImageObject", true)
        .field("url", image.url)
        .field("contentUrl", image.url)
        .raw(",\"width\":" + std::to_string(image.width))
        .raw(",\"height\":" + std::to_string(image.height));
    if (!image.caption.empty()) json.field("caption", image.caption);
    if (!image.credit.empty()) {
      // The credit names who holds the rights: an agency or a photographer, told apart by
      // no field we keep, so an Organization (schema.org allows either).
      json.field("creditText", image.credit)
          .raw(",\"copyrightHolder\":{")
          .field("@type", "Organization", true)
          .field("name", image.credit)
          .raw("}");
    }
    json.raw("}]");
  }
  json.raw(",\"author\":[");
  for (std::size_t i = 0; i < article.authors.size(); ++i) {
    json.raw(i == 0 ? "{" : ",{");
    write_person(json, article.authors[i]);
    json.raw("}");
  }
  json.raw("],\"publisher\":{");
  write_organization(json, article.publisher);
  json.raw("}").field("articleSection", article.section).field("inLanguage", article.language);
  if (article.sponsor) {
    json.raw(",\"sponsor\":{")
        .field("@type", "Organization", true)
        .field("name", *article.sponsor)
        .raw("}");
  }
  if (!article.keywords.empty()) {
    json.raw(",\"keywords\":[");
    for (std::size_t i = 0; i < article.keywords.size(); ++i)
      json.raw(i == 0 ? "" : ",").string(article.keywords[i]);
    json.raw("]");
  }
  if (!article.corrections.empty()) {
    json.raw(",\"correction\":[");
    for (std::size_t i = 0; i < article.corrections.size(); ++i) {
      json.raw(i == 0 ? "{" : ",{")
          .field("@type", "CorrectionComment", true)
          .field("text", article.corrections[i].text)
          .field("datePublished", article.corrections[i].date_published)
          .raw("}");
    }
    json.raw("]");
  }
  if (article.live) {
    json.field("coverageStartTime", article.live->coverage_start);
    if (article.live->coverage_end) json.field("coverageEndTime", *article.live->coverage_end);
    json.raw(",\"liveBlogUpdate\":[");
    for (std::size_t i = 0; i < article.live->updates.size(); ++i) {
      const auto& update = article.live->updates[i];
      json.raw(i == 0 ? "{" : ",{")
          .field("@type", "BlogPosting", true)
          .field("headline", update.headline)
          .field("articleBody", update.body)
          .field("datePublished", update.date_published)
          .field("url", update.url)
          .raw("}");
    }
    json.raw("]");
  }
  json.raw("},{").field("@type", "BreadcrumbList", true).raw(",\"itemListElement\":[");
  for (std::size_t i = 0; i < breadcrumb.size(); ++i) {
    json.raw(i == 0 ? "{" : ",{")
        .field("@type", "ListItem", true)
        .raw(",\"position\":")
        .raw(std::to_string(i + 1))
        .field("name", breadcrumb[i].name)
        .field("item", breadcrumb[i].url)
        .raw("}");
  }
  json.raw("]}]}");
  return std::move(json).text();
}

}  // namespace gazette::discovery
