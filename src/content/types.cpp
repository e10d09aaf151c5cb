// Text forms of the domain enums, as the database and front matter write them.
#include "content/types.h"

namespace gazette::content {

std::string_view to_string(ArticleStatus status) {
  switch (status) {
    case ArticleStatus::draft:
      return "draft";
    case ArticleStatus::review:
      return "review";
    case ArticleStatus::scheduled:
      return "scheduled";
    case ArticleStatus::published:
      return "published";
  }
  return "draft";
}

std::optional<ArticleStatus> parse_article_status(std::string_view text) {
  for (auto status : {ArticleStatus::draft, ArticleStatus::review, ArticleStatus::scheduled,
                      ArticleStatus::published}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

std::string_view to_string(FeedContent content) {
  return content == FeedContent::full ? "full" : "excerpt";
}

std::optional<FeedContent> parse_feed_content(std::string_view text) {
  for (auto content : {FeedContent::excerpt, FeedContent::full}) {
    if (to_string(content) == text) return content;
  }
  return std::nullopt;
}

bool is_reserved_section_slug(std::string_view slug) {
  // Reader pages, static files, the newsroom and the machine-readable documents a site has or
  // will have: a section named like one of them would shadow it.
  static constexpr std::string_view kReserved[] = {
      "tag",     "author",   "category",   "assets",  "media",       "newsroom", "search",
      "feed",    "rss",      "atom",       "sitemap", "api",         "page",     "comments",
      "robots",  "wp-admin", "wp-content", "wp-json", "corrections", "types",
      "preview",  // embargo preview links (newsroom/embargo_preview_page.h)
      "about"};   // the publisher and its policies (content/publisher.h)
  for (auto reserved : kReserved) {
    if (slug == reserved) return true;
  }
  return false;
}

namespace {
// The key of a policy's row: "policy_" and its slug, kept short and stable.
std::string policy_key(Policy policy) {
  return "policy_" + std::string(policy_slug(policy));
}
}  // namespace

std::vector<std::pair<std::string, std::string>> setting_rows(const SiteSettings& settings) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"title", settings.title},
      {"description", settings.description},
      {"language", settings.language},
      {"time_zone", settings.time_zone},
      {"logo", settings.logo},
      {"url", settings.url},
      {"feed_content", std::string(to_string(settings.feed_content))},
      {"api_requires_key", settings.api_requires_key ? "1" : "0"},
      {"publisher_name", settings.publisher.name},
      {"publisher_address", settings.publisher.address},
      {"publisher_email", settings.publisher.email},
      {"publisher_phone", settings.publisher.phone}};
  for (auto policy : kPolicies)
    rows.emplace_back(policy_key(policy), settings.publisher.policy(policy));
  return rows;
}

void apply_setting_row(SiteSettings& settings, std::string_view key, std::string value) {
  if (key == "title")
    settings.title = std::move(value);
  else if (key == "description")
    settings.description = std::move(value);
  else if (key == "language")
    settings.language = std::move(value);
  else if (key == "time_zone")
    settings.time_zone = std::move(value);
  else if (key == "logo")
    settings.logo = std::move(value);
  else if (key == "url")
    settings.url = std::move(value);
  else if (key == "feed_content")
    // Written by hand before the newsroom had the field: anything but "full" meant the lead.
    settings.feed_content = parse_feed_content(value).value_or(FeedContent::excerpt);
  else if (key == "api_requires_key")
    settings.api_requires_key = value == "1";
  else if (key == "publisher_name")
    settings.publisher.name = std::move(value);
  else if (key == "publisher_address")
    settings.publisher.address = std::move(value);
  else if (key == "publisher_email")
    settings.publisher.email = std::move(value);
  else if (key == "publisher_phone")
    settings.publisher.phone = std::move(value);
  else if (key.starts_with("policy_")) {
    if (auto policy = parse_policy_slug(key.substr(7)))
      settings.publisher.policy(*policy) = std::move(value);
  }
}

}  // namespace gazette::content
