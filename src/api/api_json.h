// The JSON shapes of the Content API: articles, sections, tags, authors and errors, as
// /api/v1/openapi.json describes them. Absolute URLs are made from the site's address.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"

namespace gazette::api {

/// {"articles": [summary…], "page", "limit", "has_more"}.
std::string articles_json(const content::ArticlePage& page, std::int64_t page_number,
                          std::int64_t limit, std::string_view base_url);
/// {"article": {summary… + updated_at, body_html, image_caption, kind, sponsor, tags,
/// categories}}.
std::string article_json(const content::Article& article, std::string_view base_url);
/// {"sections": [{slug, name, description, url}]}.
std::string sections_json(const std::vector<content::Section>& sections, std::string_view base_url);
/// {"tags": [{slug, name, url}]}.
std::string tags_json(const std::vector<content::Term>& tags, std::string_view base_url);
/// {"authors": [{slug, name, bio, url}]}.
std::string authors_json(const std::vector<content::Author>& authors, std::string_view base_url);
/// {"error": {"status", "code", "message", "parameter"?}}.
std::string error_json(int status, std::string_view code, std::string_view message,
                       std::string_view parameter = {});

}  // namespace gazette::api
