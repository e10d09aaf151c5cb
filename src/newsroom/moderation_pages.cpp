// Comment moderation at /newsroom/comments/: the list by status with counts, narrowed to one
// article and/or a text search, actions on one comment or many (approve, hold, spam, trash,
// delete), editing, staff replies, erasing what one e-mail address wrote, and the comment
// settings. Every write goes through ModerationService,
// which announces CommentChanged / SettingsChanged once it has committed.
#include <algorithm>
#include <charconv>
#include <variant>

#include "http/percent_encoding.h"
#include "newsroom/moderation_pages.h"
#include "render/text.h"
#include "site/paths.h"
#include "site/target.h"

namespace gazette::newsroom {

namespace {

// A screenful of comments.
constexpr std::int64_t kCommentsPerPage = 50;
// An e-mail address (RFC 5321's longest), for the erase form.
constexpr std::size_t kMaxEmailBytes = 254;
// A blocklist entry is a word or an address, not a paragraph; the list, a page of them.
constexpr std::size_t kMaxBlocklistBytes = 20000;
// Checkbox names in the bulk form: "c12" for comment 12 (a form keeps one value per name).
constexpr std::string_view kCheckboxPrefix = "c";
// A search is a name, an address or a few words, not a paragraph; the bound also bounds the
// cost of a search, which reads every comment's text.
constexpr std::size_t kMaxCommentSearchBytes = 200;

using content::CommentId;
using content::CommentStatus;

// The comment statuses a list shows, in the order of the tabs.
constexpr CommentStatus kListStatuses[] = {CommentStatus::pending, CommentStatus::approved,
                                           CommentStatus::spam, CommentStatus::trash};

std::string comment_status_key(CommentStatus status) {
  return "comments_" + std::string(content::to_string(status));
}

// What narrows a moderation list beside its status: one article, and text to find.
struct ListFilter {
  std::optional<content::CommentedArticle> article;
  std::string text;
};

// Why a list's filter was refused: the status to answer and the message key saying why.
struct ListFilterRefusal {
  http::Status status;
  std::string message_key;
};

// The filter in `fields` (?article=ID&q=TEXT, or the bulk form's hidden fields).
std::variant<ListFilter, ListFilterRefusal> read_list_filter(
    const http::Form& fields, comments::ModerationService& comments) {
  ListFilter filter;
  if (auto article = fields.get("article"); !article.empty()) {
    auto id = parse_id(article);
    if (!id) return ListFilterRefusal{http::Status::bad_request, "comment_filter_bad_article"};
    filter.article = comments.article(content::ArticleId{*id});
    if (!filter.article)
      return ListFilterRefusal{http::Status::not_found, "comment_filter_no_article"};
  }
  filter.text = std::string(render::trim(fields.get("q")));
  if (!acceptable_text(filter.text, kMaxCommentSearchBytes))
    return ListFilterRefusal{http::Status::bad_request, "comment_search_too_long"};
  return filter;
}

store::CommentQuery comment_query(const ListFilter& filter) {
  store::CommentQuery query;
  if (filter.article) query.article = filter.article->id;
  query.text = filter.text;
  return query;
}

std::string list_url(CommentStatus status, const ListFilter& filter = {}) {
  auto url = "/newsroom/comments/?status=" + std::string(content::to_string(status));
  if (filter.article) url += "&article=" + std::to_string(filter.article->id.value);
  if (!filter.text.empty()) url += "&q=" + http::percent_encode(filter.text);
  return url;
}

// The reason key of a comment form problem, in the newsroom's catalog.
std::string problem_key(comments::FieldProblem problem) {
  switch (problem) {
    case comments::FieldProblem::missing:
      return "err_required";
    case comments::FieldProblem::too_long:
      return "err_too_long";
    case comments::FieldProblem::invalid_email:
      return "err_email";
    case comments::FieldProblem::invalid_url:
      return "err_url";
    case comments::FieldProblem::not_text:
    case comments::FieldProblem::invalid_parent:
      return "err_invalid_text";
  }
  return "err_invalid_text";
}

std::vector<FieldError> field_errors(const std::vector<comments::FieldError>& errors) {
  std::vector<FieldError> out;
  for (const auto& error : errors) {
    std::string label = error.field == "comment" ? "comment_text" : error.field;
    out.push_back({"comment-" + error.field, label, problem_key(error.problem)});
  }
  return out;
}

// "0".."999999999" → the number; nullopt for anything else.
std::optional<std::int64_t> parse_count(std::string_view text) {
  text = render::trim(text);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0 ||
      value > 999'999'999)
    return std::nullopt;
  return value;
}

// One entry a line, trimmed, empty lines and repeats dropped.
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = std::string(render::trim(text.substr(0, end)));
    if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end())
      lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

http::Response ModerationPages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] != "comments") return not_found(call);
  if (!auth::can(call.user().role, auth::Capability::moderate_comments)) return forbidden(call);
  bool is_read = !call.is_post;
  if (s.size() == 1) return call.is_post ? comment_bulk_action(call) : comment_list(call);
  if (s.size() == 2 && s[1] == "erase") return comment_erase(call);
  if (s.size() == 2 && s[1] == "settings") return comment_settings(call);
  auto id = s.size() == 3 ? parse_id(s[1]) : std::nullopt;
  if (!id) return not_found(call);
  if (s[2] == "edit") return comment_edit(call, CommentId{*id});
  if (s[2] == "reply" && !is_read) return comment_reply(call, CommentId{*id});
  return not_found(call);
}

http::Response ModerationPages::comment_list(Call& call) {
  auto status =
      content::parse_comment_status(call.query.get("status")).value_or(CommentStatus::pending);
  auto page_number = site::page_number("page=" + call.query.get("page")).value_or(1);
  auto read = read_list_filter(call.query, moderation_);
  if (auto* refusal = std::get_if<ListFilterRefusal>(&read))
    return message(
        call, refusal->status,
        refusal->status == http::Status::not_found ? "not_found_heading" : "bad_request_heading",
        refusal->message_key);
  const auto& filter = std::get<ListFilter>(read);
  auto query = comment_query(filter);
  auto counts = moderation_.counts(query);
  query.status = status;
  query.offset = (page_number - 1) * kCommentsPerPage;
  query.limit = kCommentsPerPage;
  auto listing = moderation_.list(query);
  auto context = pages_.context();

  auto view = frame(call, text(call, "comments"));
  view.set("csrf", call.session->csrf_token);
  view.set("status", std::string(content::to_string(status)));
  view.set("status_label", text(call, comment_status_key(status)));
  view.set("can_manage_comment_settings",
           auth::can(call.user().role, auth::Capability::manage_settings));
  view.set("has_article_filter", filter.article.has_value());
  if (filter.article) {
    view.set("filter_article_id", std::to_string(filter.article->id.value));
    view.set("filter_article_title", filter.article->title);
    view.set("filter_article_url",
             site::article_path(filter.article->section_slug, filter.article->slug));
    view.set("show_all_url", list_url(status, {std::nullopt, filter.text}));
  }
  view.set("q", filter.text);
  view.set("has_query", !filter.text.empty());
  view.set("clear_search_url", list_url(status, {filter.article, ""}));
  view.set("max_search_length", std::to_string(kMaxCommentSearchBytes));
  theme::View tabs{theme::View::type::list};
  for (auto each : kListStatuses) {
    theme::View tab;
    tab.set("url", list_url(each, filter));
    tab.set("label", text(call, comment_status_key(each)));
    tab.set("count", std::to_string(counts[each]));
    tab.set("current", each == status);
    tabs.push_back(tab);
  }
  view.set("tabs", tabs);

  theme::View rows{theme::View::type::list};
  for (const auto& [comment, article] : listing.entries) {
    theme::View item;
    auto id = std::to_string(comment.id.value);
    item.set("id", id);
    item.set("checkbox", std::string(kCheckboxPrefix) + id);
    item.set("name", comment.author_name);
    item.set("email", comment.author_email);
    item.set("has_website", !comment.author_url.empty());
    item.set("website", comment.author_url);
    item.set("ip", comment.ip);
    item.set("date", local_display(comment.created_at, context.dates));
    item.set("article_title", article.title);
    item.set("article_url", site::article_path(article.section_slug, article.slug));
    item.set("article_filter_url", list_url(status, {article, filter.text}));
    item.set("body", comment.body);
    item.set("staff", comment.by_staff);
    item.set("is_reply", comment.parent.has_value());
    item.set("has_spam_reason", !comment.spam_reason.empty());
    item.set("spam_reason", comment.spam_reason);
    item.set("edit_url", "/newsroom/comments/" + id + "/edit");
    item.set("erase_url",
             "/newsroom/comments/erase?email=" + http::percent_encode(comment.author_email));
    item.set("show_approve", comment.status != CommentStatus::approved);
    item.set("show_hold", comment.status != CommentStatus::pending);
    item.set("show_spam", comment.status != CommentStatus::spam);
    item.set("show_trash", comment.status != CommentStatus::trash);
    item.set("article_id", std::to_string(article.id.value));
    item.set("article_closed", article.closed);
    rows.push_back(item);
  }
  view.set("rows", rows);
  view.set("has_rows", !listing.entries.empty());

  auto pages = std::max<std::int64_t>(1, (listing.total + kCommentsPerPage - 1) / kCommentsPerPage);
  view.set("page", std::to_string(page_number));
  view.set("pages", std::to_string(pages));
  view.set("has_prev", page_number > 1);
  view.set("prev_url", list_url(status, filter) + "&page=" + std::to_string(page_number - 1));
  view.set("has_next", page_number < pages);
  view.set("next_url", list_url(status, filter) + "&page=" + std::to_string(page_number + 1));
  return page(call, http::Status::ok, "comments", view);
}

http::Response ModerationPages::comment_bulk_action(Call& call) {
  // A row's own button says "approve:12"; the bulk buttons say "approve" and take the checked
  // rows.
  std::string action;
  std::vector<CommentId> ids;
  auto one = call.form.get("one");
  if (!one.empty()) {
    auto colon = one.find(':');
    auto id = colon == std::string::npos ? std::nullopt : parse_id(one.substr(colon + 1));
    if (!id)
      return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
    action = one.substr(0, colon);
    ids.push_back(CommentId{*id});
  } else {
    action = call.form.get("action");
    for (const auto& [name, value] : call.form.fields) {
      if (!name.starts_with(kCheckboxPrefix)) continue;
      if (auto id = parse_id(std::string_view(name).substr(kCheckboxPrefix.size())))
        ids.push_back(CommentId{*id});
    }
  }
  auto back =
      content::parse_comment_status(call.form.get("status")).value_or(CommentStatus::pending);
  // Back to the list as it was filtered; a filter gone bad (its article deleted meanwhile) is
  // dropped rather than refusing the action.
  auto read = read_list_filter(call.form, moderation_);
  auto filter =
      std::holds_alternative<ListFilter>(read) ? std::get<ListFilter>(read) : ListFilter{};
  auto back_url = list_url(back, filter);
  if (ids.empty()) return see_other(call, back_url);
  // "close_article:7" and "open_article:7" name an article, not a comment.
  if (action == "close_article" || action == "open_article") {
    if (!moderation_.set_comments_open(content::ArticleId{ids.front().value},
                                       action == "open_article"))
      return not_found(call);
    return see_other(call, back_url + "&notice=" +
                               (action == "open_article" ? "article_comments_opened"
                                                         : "article_comments_closed"));
  }

  std::string notice;
  if (action == "approve") {
    moderation_.approve(ids, call.now);
    notice = "comments_approved_done";
  } else if (action == "hold") {
    moderation_.hold(ids, call.now);
    notice = "comments_held";
  } else if (action == "spam") {
    moderation_.mark_spam(ids, call.now);
    notice = "comments_spammed";
  } else if (action == "trash") {
    moderation_.trash(ids, call.now);
    notice = "comments_trashed";
  } else if (action == "delete") {
    moderation_.remove(ids);
    notice = "comments_deleted";
  } else {
    return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
  }
  return see_other(call, back_url + "&notice=" + notice);
}

http::Response ModerationPages::comment_edit(Call& call, CommentId id) {
  auto comment = moderation_.find(id);
  if (!comment) return not_found(call);
  CommentEditValues values{comment->author_name, comment->author_url, comment->body, "", {}, {}};
  if (call.is_post) {
    values.name = call.form.get("name");
    values.website = call.form.get("website");
    values.body = call.form.get("comment");
    auto result = moderation_.edit(id, values.name, values.website, values.body, call.now);
    if (std::holds_alternative<comments::NoSuchComment>(result)) return not_found(call);
    auto* problems = std::get_if<std::vector<comments::FieldError>>(&result);
    if (!problems)
      return see_other(
          call, "/newsroom/comments/" + std::to_string(id.value) + "/edit?notice=comment_saved");
    values.errors = field_errors(*problems);
  }
  return comment_edit_page(call, *comment, values);
}

http::Response ModerationPages::comment_reply(Call& call, CommentId id) {
  auto body = call.form.get("comment");
  auto result = moderation_.reply(id, {call.user().name, call.user().email}, body, call.now);
  if (std::holds_alternative<comments::NoSuchComment>(result)) return not_found(call);
  auto* problems = std::get_if<std::vector<comments::FieldError>>(&result);
  if (!problems)
    return see_other(call, "/newsroom/comments/?status=approved&notice=comment_replied");
  // The comment page again, the reply kept beside what is wrong with it.
  auto comment = moderation_.find(id);
  if (!comment) return not_found(call);
  CommentEditValues values{comment->author_name, comment->author_url, comment->body, body, {}, {}};
  values.reply_errors = field_errors(*problems);
  for (auto& error : values.reply_errors) error.field = "reply-text";
  return comment_edit_page(call, *comment, values);
}

http::Response ModerationPages::comment_edit_page(Call& call, const content::Comment& comment,
                                                  const CommentEditValues& values) {
  auto t = [&](std::string_view key) { return text(call, key); };
  auto article = moderation_.article(comment.article);
  auto view = frame(call, t("edit_comment"));
  view.set("csrf", call.session->csrf_token);
  view.set("has_errors", !values.errors.empty());
  view.set("errors", errors_view(values.errors, t));
  view.set("has_reply_errors", !values.reply_errors.empty());
  view.set("reply_errors", errors_view(values.reply_errors, t));
  view.set("id", std::to_string(comment.id.value));
  view.set("name", values.name);
  view.set("website", values.website);
  view.set("body", values.body);
  view.set("reply", values.reply);
  view.set("email", comment.author_email);
  view.set("status_label", t(comment_status_key(comment.status)));
  view.set("back_url", list_url(comment.status));
  view.set("has_article", article.has_value());
  if (article) {
    view.set("article_title", article->title);
    view.set("article_url", site::article_path(article->section_slug, article->slug));
  }
  view.set("reply_name", call.user().name);
  bool refused = !values.errors.empty() || !values.reply_errors.empty();
  return page(call, refused ? http::Status::unprocessable_entity : http::Status::ok, "comment_edit",
              view);
}

http::Response ModerationPages::comment_erase(Call& call) {
  auto t = [&](std::string_view key) { return text(call, key); };
  auto email =
      std::string(render::trim(call.is_post ? call.form.get("email") : call.query.get("email")));
  bool valid = !email.empty() && acceptable_text(email, kMaxEmailBytes) &&
               email.find('@') != std::string::npos;
  if (call.is_post && valid && call.form.get("confirm") == "1") {
    auto erased = moderation_.erase_author(email);
    (void)erased;
    return see_other(call, "/newsroom/comments/?status=pending&notice=comments_erased");
  }
  // The confirmation step: what would go, before anything does.
  auto view = frame(call, t("erase_comments"));
  view.set("csrf", call.session->csrf_token);
  view.set("email", email);
  view.set("has_email", valid);
  view.set("invalid_email", !email.empty() && !valid);
  if (valid) {
    store::CommentQuery query;
    // Stored lower-cased, as ModerationService::erase_author looks them up.
    query.author_email = email;
    for (char& c : query.author_email)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    query.limit = 1;
    view.set("count", std::to_string(moderation_.list(query).total));
  }
  return page(call,
              !email.empty() && !valid ? http::Status::unprocessable_entity : http::Status::ok,
              "comment_erase", view);
}

http::Response ModerationPages::comment_settings(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  auto values = moderation_.settings();
  std::string blocked_words = joined_lines(values.blocked_words);
  std::string blocked_addresses = joined_lines(values.blocked_addresses);
  if (call.is_post) {
    values.enabled = call.form.get("enabled") == "1";
    values.trust_forwarded_for = call.form.get("trust_forwarded_for") == "1";
    if (auto rule = content::parse_moderation_rule(call.form.get("moderation")))
      values.moderation = *rule;
    else
      errors.push_back({"moderation", "moderation_rule", "err_invalid_text"});
    const std::pair<const char*, std::int64_t*> numbers[] = {
        {"close_after_days", &values.close_after_days},
        {"min_fill_seconds", &values.min_fill_seconds},
        {"max_form_age_seconds", &values.max_form_age_seconds},
        {"max_links", &values.max_links},
        {"max_per_hour", &values.max_per_hour},
    };
    for (const auto& [name, target] : numbers) {
      if (auto number = parse_count(call.form.get(name)))
        *target = *number;
      else
        errors.push_back({name, name, "err_number"});
    }
    blocked_words = call.form.get("blocked_words");
    blocked_addresses = call.form.get("blocked_addresses");
    if (!acceptable_text(blocked_words, kMaxBlocklistBytes))
      errors.push_back({"blocked_words", "blocked_words", "err_invalid_text"});
    if (!acceptable_text(blocked_addresses, kMaxBlocklistBytes))
      errors.push_back({"blocked_addresses", "blocked_addresses", "err_invalid_text"});
    values.blocked_words = lines_of(blocked_words);
    values.blocked_addresses = lines_of(blocked_addresses);
    if (errors.empty()) {
      if (auto problem = moderation_.save_settings(values)) {
        errors.push_back({problem->setting, problem->setting, "err_number"});
      } else {
        return see_other(call, "/newsroom/comments/settings?notice=comment_settings_saved");
      }
    }
  }
  auto view = frame(call, t("comment_settings"));
  view.set("csrf", call.session->csrf_token);
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("enabled", values.enabled);
  view.set("trust_forwarded_for", values.trust_forwarded_for);
  std::vector<std::pair<std::string, std::string>> rules;
  for (auto rule : {content::ModerationRule::hold_all, content::ModerationRule::hold_first_time,
                    content::ModerationRule::publish})
    rules.emplace_back(content::to_string(rule),
                       t("rule_" + std::string(content::to_string(rule))));
  view.set("rules", options_view(rules, content::to_string(values.moderation)));
  // After an error the numbers are shown as typed.
  auto number = [&](const char* name, std::int64_t value) {
    return call.is_post ? call.form.get(name) : std::to_string(value);
  };
  view.set("close_after_days", number("close_after_days", values.close_after_days));
  view.set("min_fill_seconds", number("min_fill_seconds", values.min_fill_seconds));
  view.set("max_form_age_seconds", number("max_form_age_seconds", values.max_form_age_seconds));
  view.set("max_links", number("max_links", values.max_links));
  view.set("max_per_hour", number("max_per_hour", values.max_per_hour));
  view.set("blocked_words", blocked_words);
  view.set("blocked_addresses", blocked_addresses);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "comment_settings", view);
}

}  // namespace gazette::newsroom
