// Event ⇄ JSON (see event_codec.h), with nlohmann-json.
#include "content/event_codec.h"

#include <nlohmann/json.hpp>

namespace gazette::content {

namespace {

using nlohmann::json;

constexpr std::string_view kTermKinds[] = {"section", "tag", "category", "author"};
constexpr std::string_view kLiveKinds[] = {"posted", "edited", "deleted", "started", "ended"};

std::optional<LiveChanged::Kind> parse_live_kind(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kLiveKinds)); ++i) {
    if (kLiveKinds[i] == name) return static_cast<LiveChanged::Kind>(i);
  }
  return std::nullopt;
}

std::string_view term_kind_name(TermChanged::Kind kind) {
  return kTermKinds[static_cast<int>(kind)];
}

std::optional<TermChanged::Kind> parse_term_kind(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kTermKinds)); ++i) {
    if (kTermKinds[i] == name) return static_cast<TermChanged::Kind>(i);
  }
  return std::nullopt;
}

json ids_json(const std::vector<ArticleId>& ids) {
  auto list = json::array();
  for (auto id : ids) list.push_back(id.value);
  return list;
}

std::vector<ArticleId> ids_of(const json& list) {
  std::vector<ArticleId> ids;
  for (const auto& id : list) ids.push_back(ArticleId{id.get<std::int64_t>()});
  return ids;
}

json placement_json(const std::optional<ArticlePlacement>& placement) {
  if (!placement) return nullptr;
  return {{"section", placement->section_slug}, {"slug", placement->slug},
          {"author", placement->author_slug},   {"coauthors", placement->coauthor_slugs},
          {"categories", placement->category_slugs},
          {"tags", placement->tag_slugs},       {"visible", placement->visible}};
}

std::optional<ArticlePlacement> placement_of(const json& value) {
  if (value.is_null()) return std::nullopt;
  ArticlePlacement placement;
  placement.section_slug = value.at("section").get<std::string>();
  placement.slug = value.at("slug").get<std::string>();
  placement.author_slug = value.at("author").get<std::string>();
  // Absent from what a process older than co-bylines wrote.
  placement.coauthor_slugs = value.value("coauthors", std::vector<std::string>{});
  placement.category_slugs = value.at("categories").get<std::vector<std::string>>();
  placement.tag_slugs = value.at("tags").get<std::vector<std::string>>();
  placement.visible = value.at("visible").get<bool>();
  return placement;
}

struct Encoder {
  json operator()(const ArticleChanged& event) const {
    return {{"event", "article_changed"},
            {"id", event.id.value},
            {"before", placement_json(event.before)},
            {"after", placement_json(event.after)}};
  }
  json operator()(const SettingsChanged&) const { return {{"event", "settings_changed"}}; }
  json operator()(const TermChanged& event) const {
    return {{"event", "term_changed"},
            {"kind", term_kind_name(event.kind)},
            {"slug", event.slug},
            {"detached", ids_json(event.detached)}};
  }
  json operator()(const CommentChanged& event) const {
    return {{"event", "comment_changed"},
            {"article", event.article.value},
            {"section", event.section_slug},
            {"slug", event.slug}};
  }
  json operator()(const RelatedChanged& event) const {
    return {{"event", "related_changed"}, {"articles", ids_json(event.articles)}};
  }
  json operator()(const LiveChanged& event) const {
    return {{"event", "live_changed"},        {"kind", kLiveKinds[static_cast<int>(event.kind)]},
            {"article", event.article.value}, {"entry", event.entry},
            {"section", event.section_slug},  {"slug", event.slug}};
  }
};

// The event `value` holds; throws json::exception when a field is missing or of another type.
std::optional<Event> event_of(const json& value) {
  auto name = value.at("event").get<std::string>();
  if (name == "article_changed")
    return ArticleChanged{ArticleId{value.at("id").get<std::int64_t>()},
                          placement_of(value.at("before")), placement_of(value.at("after"))};
  if (name == "settings_changed") return SettingsChanged{};
  if (name == "term_changed") {
    auto kind = parse_term_kind(value.at("kind").get<std::string>());
    if (!kind) return std::nullopt;
    return TermChanged{*kind, value.at("slug").get<std::string>(), ids_of(value.at("detached"))};
  }
  if (name == "comment_changed")
    return CommentChanged{ArticleId{value.at("article").get<std::int64_t>()},
                          value.at("section").get<std::string>(),
                          value.at("slug").get<std::string>()};
  if (name == "related_changed") return RelatedChanged{ids_of(value.at("articles"))};
  if (name == "live_changed") {
    auto kind = parse_live_kind(value.at("kind").get<std::string>());
    if (!kind) return std::nullopt;
    return LiveChanged{*kind, ArticleId{value.at("article").get<std::int64_t>()},
                       value.at("entry").get<std::int64_t>(),
                       value.at("section").get<std::string>(), value.at("slug").get<std::string>()};
  }
  return std::nullopt;
}

}  // namespace

std::string encode_event(const Event& event) {
  return std::visit(Encoder{}, event).dump();
}

Event decode_event(std::string_view text) {
  auto value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) return SettingsChanged{};
  try {
    if (auto event = event_of(value)) return std::move(*event);
  } catch (const json::exception&) {
    // A field missing or of another type: read as "everything may have changed", below.
  }
  return SettingsChanged{};
}

}  // namespace gazette::content
