// The Content API's write side (see api_writer.h). Each write follows the newsroom's editor
// (newsroom/article_editor.cpp) step for step: the role may open the article, may make the move
// the action asks, may sign with another byline or pin; then every field is checked with the
// same limits (publishing/article_limits.h), and only then is the article saved.
#include "api/api_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "api/content_api.h"
#include "auth/capabilities.h"
#include "http/form.h"
#include "publishing/article_limits.h"
#include "publishing/article_terms.h"
#include "publishing/article_workflow.h"
#include "render/dates.h"
#include "render/slug.h"
#include "render/text.h"
#include "site/paths.h"

namespace gazette::api {

namespace {

namespace field = http::beast_http;
using content::ArticleStatus;
using Json = nlohmann::json;
using publishing::ArticleAction;

constexpr std::string_view kJson = "application/json; charset=utf-8";

// The fields an article write may carry; any other is a client's typo, refused (400).
constexpr std::string_view kArticleFields[] = {
    "title",         "slug",       "section", "author",      "coauthors",     "lead",
    "body_markdown", "categories", "tags",    "image",       "image_caption", "image_alt",
    "published_at",  "pinned",     "change",  "change_note", "version"};

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

http::Response json_response(const http::Request& request, http::Status status, const Json& body) {
  auto response = http::make_response(request, status, std::string(kJson), dump(body));
  response.set(field::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Access-Control-Allow-Origin", "*");
  return response;
}

http::Response forbidden(const http::Request& request) {
  return api_error(request, http::Status::forbidden, "forbidden",
                   "this account's role may not do this (the same rule as in the newsroom)");
}

http::Response not_found(const http::Request& request) {
  return api_error(request, http::Status::not_found, "not_found", "nothing here");
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "application/json; charset=utf-8" → "application/json".
std::string media_type_of(const http::Request& request) {
  std::string_view type = request[field::field::content_type];
  type = type.substr(0, type.find(';'));
  return lower(render::trim(type));
}

// "42" → 42; nullopt for anything else.
std::optional<std::int64_t> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// If-Match: "12" (or W/"12", or 12): the article version the client read.
std::optional<std::int64_t> if_match_version(const http::Request& request) {
  std::string_view value = render::trim(request[field::field::if_match]);
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return parse_number(value);
}

std::string entity_tag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

// A JSON body: the right type, not too large, well formed, an object. Empty when allowed.
std::variant<Json, http::Response> read_body(const http::Request& request, bool may_be_empty) {
  if (request.body().empty() && may_be_empty) return Json::object();
  if (request.body().size() > kMaxJsonBodyBytes)
    return api_error(request, http::Status::payload_too_large, "body_too_large",
                     "a JSON body is at most " + std::to_string(kMaxJsonBodyBytes) + " bytes");
  if (media_type_of(request) != "application/json")
    return api_error(request, http::Status::unsupported_media_type, "unsupported_media_type",
                     "send the body as application/json");
  auto json = Json::parse(request.body(), nullptr, false);
  if (json.is_discarded())
    return api_error(request, http::Status::bad_request, "malformed_json",
                     "the body is not well-formed JSON");
  if (!json.is_object())
    return api_error(request, http::Status::bad_request, "malformed_json",
                     "the body must be a JSON object");
  for (const auto& [name, value] : json.items()) {
    if (std::find(std::begin(kArticleFields), std::end(kArticleFields), name) ==
        std::end(kArticleFields))
      return api_error(request, http::Status::bad_request, "unknown_field",
                       "unknown field: " + name.substr(0, 60), name.substr(0, 60));
  }
  return json;
}

// What the article's writer sees of it: every field a write takes, its status and version.
Json editable_json(const store::EditableArticle& editable, std::string_view base) {
  const auto& article = editable.article;
  const auto& summary = article.summary;
  auto names = [](const std::vector<content::Term>& terms) {
    Json list = Json::array();
    for (const auto& term : terms) list.push_back(term.name);
    return list;
  };
  bool visible = article.status == ArticleStatus::published;
  auto path = site::article_path(summary.section.slug, summary.slug);
  Json json = {
      {"id", summary.id.value},
      {"version", editable.version},
      {"status", std::string(content::to_string(article.status))},
      {"title", summary.title},
      {"slug", summary.slug},
      {"section", summary.section.slug},
      {"author", summary.author.slug},
      {"coauthors", names(summary.coauthors)},
      {"lead", summary.lead},
      {"body_markdown", article.body_markdown},
      {"categories", names(article.categories)},
      {"tags", names(article.tags)},
      {"image", summary.image ? Json(summary.image->name) : Json(nullptr)},
      {"image_caption", article.image_caption},
      {"image_alt", summary.image_alt},
      {"pinned", editable.pinned},
      {"published_at", visible || article.status == ArticleStatus::scheduled
                           ? Json(render::iso8601_utc(summary.published_at))
                           : Json(nullptr)},
      {"updated_at", render::iso8601_utc(article.updated_at)},
      {"url", visible ? Json(std::string(base) + path) : Json(nullptr)},
  };
  return json;
}

http::Response article_response(const http::Request& request, http::Status status,
                                const store::EditableArticle& editable) {
  auto response = json_response(request, status, {{"article", editable_json(editable, "")}});
  response.set(field::field::etag, entity_tag(editable.version));
  return response;
}

// One invalid field: {"field", "reason"}, as the newsroom's form lists them.
struct Invalid {
  std::string field;
  std::string reason;
};

std::optional<ArticleAction> action_of(std::string_view segment) {
  if (segment == "submit") return ArticleAction::submit;
  if (segment == "publish") return ArticleAction::publish;
  if (segment == "unpublish") return ArticleAction::unpublish;
  return std::nullopt;
}

// What a write asks, read from the JSON with the stored article (or the defaults) beneath.
struct Values {
  std::string title, slug, section, author, lead, body, caption, alt, change, change_note;
  std::vector<std::string> categories, tags, coauthors;
  bool coauthors_sent = false;  // a write that names none keeps the byline as it is
  std::optional<std::string> image;
  std::optional<std::string> published_at;  // as sent
  bool pinned = false;
};

Values values_of(const store::EditableArticle& editable) {
  const auto& article = editable.article;
  const auto& summary = article.summary;
  Values values;
  values.title = summary.title;
  values.slug = summary.slug;
  values.section = summary.section.slug;
  values.author = summary.author.slug;
  values.lead = summary.lead;
  values.body = article.body_markdown;
  values.caption = article.image_caption;
  values.alt = summary.image_alt;
  for (const auto& term : article.categories) values.categories.push_back(term.name);
  for (const auto& term : article.tags) values.tags.push_back(term.name);
  for (const auto& term : summary.coauthors) values.coauthors.push_back(term.name);
  if (summary.image) values.image = summary.image->name;
  values.pinned = editable.pinned;
  values.change = "typo";
  return values;
}

// Reads the fields `json` gives over `values`; a field of the wrong JSON type is a 400.
std::optional<http::Response> read_fields(const http::Request& request, const Json& json,
                                          Values& values) {
  auto wrong_type = [&](std::string_view name, std::string_view expected) {
    return api_error(request, http::Status::bad_request, "bad_field",
                     std::string(name) + " must be " + std::string(expected), name);
  };
  for (auto [name, target] : {std::pair{"title", &values.title},
                              {"slug", &values.slug},
                              {"section", &values.section},
                              {"author", &values.author},
                              {"lead", &values.lead},
                              {"body_markdown", &values.body},
                              {"image_caption", &values.caption},
                              {"image_alt", &values.alt},
                              {"change", &values.change},
                              {"change_note", &values.change_note}}) {
    if (!json.contains(name)) continue;
    if (!json[name].is_string()) return wrong_type(name, "a string");
    *target = json[name].get<std::string>();
  }
  values.coauthors_sent = json.contains("coauthors");
  for (auto [name, target] : {std::pair{"categories", &values.categories},
                              {"tags", &values.tags},
                              {"coauthors", &values.coauthors}}) {
    if (!json.contains(name)) continue;
    const auto& list = json[name];
    if (!list.is_array()) return wrong_type(name, "an array of strings");
    target->clear();
    for (const auto& item : list) {
      if (!item.is_string()) return wrong_type(name, "an array of strings");
      auto text = std::string(render::trim(item.get<std::string>()));
      if (!text.empty()) target->push_back(std::move(text));
    }
  }
  if (json.contains("image")) {
    if (json["image"].is_null()) {
      values.image.reset();
    } else if (json["image"].is_string()) {
      values.image = json["image"].get<std::string>();
    } else {
      return wrong_type("image", "a media name or null");
    }
  }
  if (json.contains("published_at")) {
    if (json["published_at"].is_null()) {
      values.published_at.reset();
    } else if (json["published_at"].is_string()) {
      values.published_at = json["published_at"].get<std::string>();
    } else {
      return wrong_type("published_at", "a date (RFC 3339) or null");
    }
  }
  if (json.contains("pinned")) {
    if (!json["pinned"].is_boolean()) return wrong_type("pinned", "true or false");
    values.pinned = json["pinned"].get<bool>();
  }
  if (json.contains("version") && !json["version"].is_number_integer())
    return wrong_type("version", "an integer");
  return std::nullopt;
}

std::string_view refusal_reason(content::EditRefusal refusal) {
  switch (refusal) {
    case content::EditRefusal::slug_taken:
      return "slug_taken";
    case content::EditRefusal::no_section:
      return "unknown_section";
    case content::EditRefusal::no_author:
      return "unknown_author";
    case content::EditRefusal::image_missing:
      return "unknown_image";
    case content::EditRefusal::article_gone:
      return "article_gone";
  }
  return "refused";
}

std::string_view refusal_field(content::EditRefusal refusal) {
  switch (refusal) {
    case content::EditRefusal::slug_taken:
      return "slug";
    case content::EditRefusal::no_section:
      return "section";
    case content::EditRefusal::no_author:
      return "author";
    case content::EditRefusal::image_missing:
      return "image";
    case content::EditRefusal::article_gone:
      return "id";
  }
  return "id";
}

http::Response invalid_response(const http::Request& request, const std::vector<Invalid>& invalid) {
  Json fields = Json::array();
  for (const auto& item : invalid)
    fields.push_back({{"field", item.field}, {"reason", item.reason}});
  Json body = {{"error",
                {{"status", 422},
                 {"code", "invalid_article"},
                 {"message", "the article was not saved: see fields"},
                 {"fields", std::move(fields)}}}};
  return json_response(request, http::Status::unprocessable_entity, body);
}

}  // namespace

bool ApiWriter::is_write_route(const http::Request& request,
                               const std::vector<std::string_view>& segments) {
  auto method = request.method();
  bool reading = method == field::verb::get || method == field::verb::head;
  if (segments.empty()) return false;
  if (segments[0] == "media") return segments.size() == 1 && !reading;
  if (segments[0] != "articles") return false;  // the read side answers 405 or 404
  if (segments.size() == 1) return !reading;
  // /articles/{id} and /articles/{id}/{action}: the read side's are /articles/{section}/{slug}.
  if (parse_number(segments[1])) return segments.size() == 2 || !reading;
  return !reading;
}

http::Response ApiWriter::handle(const http::Request& request,
                                 const std::vector<std::string_view>& segments,
                                 std::string_view query, const content::User& user) {
  auto method = request.method();
  auto not_allowed = [&](std::string_view allow) {
    auto response = api_error(request, http::Status::method_not_allowed, "method_not_allowed",
                              "this endpoint answers " + std::string(allow));
    response.set(field::field::allow, allow);
    return response;
  };
  if (segments.size() == 1 && segments[0] == "media") {
    if (method != field::verb::post) return not_allowed("POST");
    return upload(request, query, user);
  }
  if (segments.empty() || segments[0] != "articles") return not_found(request);
  if (segments.size() == 1) {
    if (method != field::verb::post) return not_allowed("GET, HEAD, POST");
    auto body = read_body(request, false);
    if (auto* error = std::get_if<http::Response>(&body)) return std::move(*error);
    return save(request, std::nullopt, ArticleAction::save, std::get<Json>(body), user);
  }
  auto id = parse_number(segments[1]);
  if (!id) return not_found(request);
  content::ArticleId article{*id};
  if (segments.size() == 2) {
    if (method == field::verb::get || method == field::verb::head)
      return show(request, article, user);
    if (method != field::verb::patch && method != field::verb::put)
      return not_allowed("GET, HEAD, PATCH, PUT");
    auto body = read_body(request, false);
    if (auto* error = std::get_if<http::Response>(&body)) return std::move(*error);
    return save(request, article, ArticleAction::save, std::get<Json>(body), user);
  }
  auto action = segments.size() == 3 ? action_of(segments[2]) : std::nullopt;
  if (!action) return not_found(request);
  if (method != field::verb::post) return not_allowed("POST");
  auto body = read_body(request, true);
  if (auto* error = std::get_if<http::Response>(&body)) return std::move(*error);
  return save(request, article, *action, std::get<Json>(body), user);
}

http::Response ApiWriter::show(const http::Request& request, content::ArticleId id,
                               const content::User& user) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(request);
  if (!auth::can_open(user, {existing->article.summary.author.slug, existing->article.status}))
    return forbidden(request);
  return article_response(request, http::Status::ok, *existing);
}

http::Response ApiWriter::save(const http::Request& request, std::optional<content::ArticleId> id,
                               ArticleAction action, const Json& json, const content::User& user) {
  auto now = clock_.now();
  auto settings = articles_.settings();

  // Who may: exactly the editor's checks, in its order.
  std::optional<store::EditableArticle> existing;
  if (id) {
    existing = articles_.find_editable(*id);
    if (!existing) return not_found(request);
  }
  auth::ArticleFacts facts{existing ? existing->article.summary.author.slug : user.author_slug,
                           existing ? existing->article.status : ArticleStatus::draft};
  if (!auth::can_open(user, facts)) return forbidden(request);
  if (!auth::can_move(user, facts, publishing::requested_status(action, facts.status)))
    return forbidden(request);

  Values values;
  if (existing) {
    values = values_of(*existing);
  } else {
    values.author = user.author_slug;
    values.change = "typo";
  }
  const bool was_pinned = existing && existing->pinned;
  if (auto error = read_fields(request, json, values)) return std::move(*error);
  if (!existing && !json.contains("slug")) values.slug.clear();
  if (values.author != facts.author_slug && !auth::can(user.role, auth::Capability::edit_others))
    return forbidden(request);
  if (values.pinned != was_pinned && !auth::can(user.role, auth::Capability::pin_articles))
    return forbidden(request);

  // The version the client read: required to change an article (PATCH/PUT), so that nobody
  // overwrites a save they have not seen; optional for the workflow's actions.
  std::int64_t version = existing ? existing->version : 0;
  if (existing) {
    std::optional<std::int64_t> asked = if_match_version(request);
    if (json.contains("version")) asked = json["version"].get<std::int64_t>();
    if (!asked && action == ArticleAction::save)
      return api_error(request, http::Status::precondition_required, "version_required",
                       "send the version you read, in If-Match or as \"version\"");
    if (asked && *asked != existing->version) {
      Json body = {{"error",
                    {{"status", 409},
                     {"code", "version_conflict"},
                     {"message", "the article was saved by someone else since version " +
                                     std::to_string(*asked) + ": nothing was changed"}}},
                   {"current", editable_json(*existing, "")},
                   {"yours", json}};
      auto response = json_response(request, http::Status::conflict, body);
      response.set(field::field::etag, entity_tag(existing->version));
      return response;
    }
    if (asked) version = *asked;
  }

  // What may be saved: the editor's validation.
  const bool was_visible = existing && existing->article.status == ArticleStatus::published &&
                           existing->article.summary.published_at <= now;
  values.title = std::string(render::trim(values.title));
  values.slug = std::string(render::trim(values.slug));
  values.lead = std::string(render::trim(values.lead));
  values.caption = std::string(render::trim(values.caption));
  values.alt = std::string(render::trim(values.alt));
  values.change_note = std::string(render::trim(values.change_note));
  std::vector<Invalid> invalid;
  // As in the newsroom's editor: no control character in a one-line field, only line breaks
  // and tabs in the others.
  auto check_text = [&](const std::string& value, std::string_view name, std::size_t limit,
                        bool required,
                        publishing::TextShape shape = publishing::TextShape::one_line) {
    if (required && value.empty()) {
      invalid.push_back({std::string(name), "required"});
    } else if (render::find_invalid_utf8(value) ||
               publishing::has_forbidden_control(value, shape)) {
      invalid.push_back({std::string(name), "invalid_text"});
    } else if (value.size() > limit) {
      invalid.push_back({std::string(name), "too_long"});
    }
  };
  check_text(values.title, "title", publishing::kMaxTitleBytes, true);
  check_text(values.lead, "lead", publishing::kMaxLeadBytes, false, publishing::TextShape::lines);
  check_text(values.body, "body_markdown", publishing::kMaxBodyBytes, false,
             publishing::TextShape::lines);
  check_text(values.caption, "image_caption", publishing::kMaxCaptionBytes, false);
  check_text(values.alt, "image_alt", publishing::kMaxCaptionBytes, false);
  auto change = content::parse_change_kind(values.change);
  if (was_visible) {
    if (!change) {
      invalid.push_back({"change", "unknown_change_kind"});
    } else if (content::is_public(*change) && values.change_note.empty()) {
      invalid.push_back({"change_note", "required"});
    } else {
      check_text(values.change_note, "change_note", content::kMaxChangeNoteBytes, false,
                 publishing::TextShape::lines);
    }
  }
  if (values.slug.empty() && invalid.empty()) values.slug = render::slugify(values.title);
  if (!render::is_slug(values.slug)) invalid.push_back({"slug", "not_a_slug"});
  bool known_section = false;
  for (const auto& section : store_.sections()) known_section |= section.slug == values.section;
  if (!known_section) invalid.push_back({"section", "unknown_section"});
  for (const auto& [names, name] : {std::pair{&values.categories, "categories"},
                                    {&values.tags, "tags"},
                                    {&values.coauthors, "coauthors"}}) {
    bool bad = names->size() > publishing::kMaxTermsPerKind;
    for (const auto& term : *names)
      bad |= term.size() > publishing::kMaxTermBytes || render::find_invalid_utf8(term) ||
             render::has_control_character(term) || render::slugify(term).empty();
    if (bad) invalid.push_back({name, "invalid_text"});
  }
  std::optional<content::Timestamp> typed_date;
  if (values.published_at) {
    auto parsed = render::parse_date(*values.published_at, settings.time_zone);
    if (auto* date = std::get_if<content::Timestamp>(&parsed))
      typed_date = *date;
    else
      invalid.push_back({"published_at", "not_a_date"});
  }
  std::optional<publishing::StoredPublication> stored;
  if (existing) stored = {existing->article.status, existing->article.summary.published_at};
  auto publication = publishing::decide_publication(action, stored, typed_date, now);
  if (publication.needs_future_date) invalid.push_back({"published_at", "future_date_required"});
  std::optional<content::MediaRef> image;
  if (values.image) {
    image = media_.find(*values.image);
    if (!image) invalid.push_back({"image", "unknown_image"});
  }
  if (values.image && values.alt.empty()) invalid.push_back({"image_alt", "required"});
  if (!invalid.empty()) return invalid_response(request, invalid);

  content::ArticleEdit edit;
  edit.id = id;
  edit.expected_version = version;
  edit.slug = values.slug;
  edit.title = values.title;
  edit.lead = values.lead;
  edit.body_markdown = values.body;
  edit.status = publication.status;
  edit.published_at = publication.published_at;
  edit.updated_at = now;
  edit.author_slug = values.author;
  edit.section_slug = values.section;
  edit.categories = publishing::terms_of(values.categories);
  edit.tags = publishing::terms_of(values.tags);
  if (values.coauthors_sent)
    edit.coauthors = publishing::coauthors_of(values.coauthors, values.author, terms_.authors());
  if (image) edit.image_name = image->name;
  edit.image_caption = values.caption;
  edit.image_alt = values.alt;
  edit.saved_by = user.id;
  edit.saved_by_name = user.name;
  edit.note = action == ArticleAction::save        ? "api save"
              : action == ArticleAction::submit    ? "api submit"
              : action == ArticleAction::publish   ? "api publish"
              : action == ArticleAction::unpublish ? "api unpublish"
                                                   : "api schedule";
  if (values.pinned != was_pinned) edit.pinned = values.pinned;
  if (was_visible && change) {
    edit.change = *change;
    if (content::is_public(*change)) edit.change_note = values.change_note;
  }

  auto result = articles_.save_edit(edit);
  if (auto* saved = std::get_if<content::SavedArticle>(&result)) {
    auto stored_now = articles_.find_editable(saved->id);
    if (!stored_now) return not_found(request);  // deleted at once by someone else
    auto response = article_response(
        request, saved->created ? http::Status::created : http::Status::ok, *stored_now);
    if (saved->created)
      response.set(field::field::location,
                   std::string(kApiPrefix) + "articles/" + std::to_string(saved->id.value));
    return response;
  }
  if (auto* conflict = std::get_if<content::EditConflict>(&result)) {
    // Saved by someone else between our check and our write: theirs stays, ours is a revision.
    auto current = articles_.find_editable(*id);
    Json body = {{"error",
                  {{"status", 409},
                   {"code", "version_conflict"},
                   {"message",
                    "the article was saved by someone else meanwhile: yours is kept as "
                    "revision " +
                        std::to_string(conflict->kept_revision)}}},
                 {"current", current ? editable_json(*current, "") : Json(nullptr)},
                 {"yours", json}};
    return json_response(request, http::Status::conflict, body);
  }
  auto refusal = std::get<content::EditRefused>(result).reason;
  if (refusal == content::EditRefusal::article_gone) return not_found(request);
  return invalid_response(
      request, {{std::string(refusal_field(refusal)), std::string(refusal_reason(refusal))}});
}

http::Response ApiWriter::upload(const http::Request& request, std::string_view query,
                                 const content::User& user) {
  if (!auth::can(user.role, auth::Capability::write_articles)) return forbidden(request);
  auto type = media_type_of(request);
  if (!type.starts_with("image/"))
    return api_error(request, http::Status::unsupported_media_type, "unsupported_media_type",
                     "send the image's bytes with its image/* Content-Type");
  if (request.body().empty())
    return api_error(request, http::Status::bad_request, "empty_body", "no image was sent");
  auto file_name = http::parse_urlencoded(query).get("filename");
  if (file_name.empty() || render::find_invalid_utf8(file_name) || file_name.size() > 200)
    file_name = "upload";
  // The newsroom's own check: by content, decoded in full, resized.
  auto prepared = media_.prepare(request.body(), file_name);
  if (auto* refusal = std::get_if<media::ImageRefusal>(&prepared)) {
    switch (refusal->problem) {
      case content::ImageProblem::too_large:
        return api_error(request, http::Status::payload_too_large, "image_too_large",
                         refusal->reason);
      case content::ImageProblem::not_an_image:
      case content::ImageProblem::not_accepted:
        return api_error(request, http::Status::unsupported_media_type, "not_an_image",
                         refusal->reason);
      case content::ImageProblem::damaged:
        return api_error(request, http::Status::unprocessable_entity, "image_damaged",
                         refusal->reason);
    }
  }
  auto saved = media_.save(std::get<media::PreparedImage>(prepared));
  Json body = {{"media",
                {{"name", saved.name},
                 {"url", site::media_path(saved.name)},
                 {"mime_type", saved.mime_type},
                 {"width", saved.width},
                 {"height", saved.height}}}};
  return json_response(request, http::Status::created, body);
}

}  // namespace gazette::api
