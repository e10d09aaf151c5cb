// The editor at /newsroom/articles/new and /newsroom/articles/{id}: one form for the text, the
// terms, the photo and the workflow. Its buttons name the action (save, submit for review,
// schedule, publish, unpublish); the server decides the status from the action and the date,
// checks the role may do it, validates everything, and only then stores the photo and saves.
// A save names the version it started from, so nobody overwrites a change they have not seen.
#include <nlohmann/json.hpp>

#include "media/image_preparation.h"
#include "newsroom/article_pages.h"
#include "newsroom/media_library_pages.h"
#include "publishing/article_body.h"
#include "publishing/article_limits.h"
#include "publishing/article_terms.h"
#include "publishing/article_workflow.h"
#include "render/slug.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/target.h"

namespace gazette::newsroom {

using content::ArticleStatus;
using publishing::ArticleAction;

namespace {

// Limits of an article's parts: the same for the Content API (publishing/article_limits.h).
using publishing::has_forbidden_control;
using publishing::kMaxBodyBytes;
using publishing::kMaxCaptionBytes;
using publishing::kMaxLeadBytes;
using publishing::kMaxTermBytes;
using publishing::kMaxTermsPerKind;
using publishing::kMaxTitleBytes;
using publishing::TextShape;
// The kinds of change offered when a public article is saved, in the order of the select.
constexpr content::ChangeKind kChangeKinds[] = {
    content::ChangeKind::typo, content::ChangeKind::update, content::ChangeKind::correction,
    content::ChangeKind::clarification, content::ChangeKind::retraction};
// Tag suggestions shown while typing.
constexpr std::int64_t kTagSuggestions = 10;

EditorValues values_of(const store::EditableArticle& editable, const render::DateFormatter& dates) {
  const auto& article = editable.article;
  const auto& summary = article.summary;
  return {summary.title, summary.slug, summary.section.slug, summary.author.slug,
          join_names(article.categories), join_names(article.tags), summary.lead,
          article.body_markdown, article.image_caption, summary.image_alt,
          // Only a scheduled or published article's date means something to show: a draft is
          // published when it is published, unless someone types a date.
          article.status == ArticleStatus::published || article.status == ArticleStatus::scheduled
              ? local_input_value(summary.published_at, dates)
              : std::string(),
          editable.version, summary.image, editable.pinned, "typo", "",
          std::string(content::to_string(summary.kind)), article.sponsor,
          join_names(summary.coauthors), summary.image ? summary.image->credit : std::string(),
          std::to_string(summary.image ? summary.image->focal.x : content::FocalPoint::kCentre),
          std::to_string(summary.image ? summary.image->focal.y : content::FocalPoint::kCentre)};
}

// The notice shown once the save is done.
std::string_view notice_for(ArticleStatus before, ArticleStatus after, ArticleAction action) {
  if (action == ArticleAction::unpublish) return "unpublished_notice";
  if (after == before && action != ArticleAction::publish && action != ArticleAction::schedule)
    return "saved_notice";
  switch (after) {
    case ArticleStatus::review:
      return "submitted_notice";
    case ArticleStatus::scheduled:
      return "scheduled_notice";
    case ArticleStatus::published:
      return "published_notice";
    case ArticleStatus::draft:
      return "saved_notice";
  }
  return "saved_notice";
}

// The form error of a save the data refused.
FieldError refusal_error(content::EditRefusal refusal) {
  switch (refusal) {
    case content::EditRefusal::slug_taken:
      return {"slug", "slug", "err_slug_taken"};
    case content::EditRefusal::no_section:
      return {"section", "section", "err_section"};
    case content::EditRefusal::no_author:
      return {"author", "author", "err_author"};
    case content::EditRefusal::image_missing:
      return {"photo", "field_photo", "bad_request_message"};
    case content::EditRefusal::article_gone:
      return {"id", "id", "bad_request_message"};
  }
  return {"id", "id", "bad_request_message"};
}

}  // namespace

http::Response ArticlePages::editor(Call& call, std::optional<content::ArticleId> id) {
  auto context = pages_.context();
  std::optional<store::EditableArticle> existing;
  EditorValues values;
  if (id) {
    existing = articles_.find_editable(*id);
    if (!existing) return not_found(call);
    if (!auth::can_open(call.user(),
                        {existing->article.summary.author.slug, existing->article.status}))
      return forbidden(call);
    values = values_of(*existing, context.dates);
  } else {
    values.author = call.user().author_slug;
    if (!context.sections.empty()) values.section = context.sections.front().slug;
  }
  return editor_page(call, existing, values, {}, http::Status::ok);
}

http::Response ArticlePages::editor_page(Call& call,
                                         const std::optional<store::EditableArticle>& existing,
                                         const EditorValues& values,
                                         const std::vector<FieldError>& errors,
                                         http::Status status) {
  auto context = pages_.context();
  const auto& user = call.user();
  auth::ArticleFacts facts{existing ? existing->article.summary.author.slug : user.author_slug,
                           existing ? existing->article.status : ArticleStatus::draft};
  auto heading = text(call, existing ? "edit_article" : "new_article");
  auto view = frame(call, existing ? existing->article.summary.title : heading);
  view.set("heading", heading);
  auto t = [&](std::string_view key) { return text(call, key); };
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  if (existing) {
    auto base = "/newsroom/articles/" + std::to_string(existing->article.summary.id.value);
    theme::View links;
    links.set("status", std::string(content::to_string(facts.status)));
    links.set("status_label", text(call, status_key(facts.status)));
    links.set("preview_url", base + "/preview");
    links.set("revisions_url", base + "/revisions");
    // Embargo preview links (preview_link_pages.cpp): editors, while the article is scheduled.
    links.set("preview_links_url", base + "/preview-links");
    links.set("can_share", may_share_preview(user, existing->article, call.now));
    bool visible = facts.status == ArticleStatus::published &&
                   existing->article.summary.published_at <= call.now;
    links.set("is_visible", visible);
    links.set("public_url", site::article_path(existing->article.summary.section.slug,
                                               existing->article.summary.slug));
    // Live coverage (live_composer_pages.h): a published article goes live from its composer.
    if (visible) {
      auto coverage = live_.coverage(existing->article.summary.id);
      links.set("live_url", "/newsroom/live/" + std::to_string(existing->article.summary.id.value));
      links.set("on_air", coverage && coverage->live());
      links.set("live_label", text(call, !coverage          ? "live_go_live"
                                         : coverage->live() ? "live_open"
                                                            : "live_ended_badge"));
    }
    view.set("existing", links);
    // Corrections in the open: saving what readers already see says what kind of change it is.
    if (visible) {
      std::vector<std::pair<std::string, std::string>> kinds;
      for (auto kind : kChangeKinds) {
        auto name = std::string(content::to_string(kind));
        kinds.emplace_back(name, text(call, "change_" + name));
      }
      theme::View change;
      change.set("kinds", options_view(kinds, values.change));
      change.set("note", values.change_note);
      change.set("max_note", std::to_string(content::kMaxChangeNoteBytes));
      view.set("change", change);
    }
    view.set("action_url", base);
    view.set("delete_url", base + "/delete");
  } else {
    view.set("action_url", "/newsroom/articles/new");
  }
  view.set("csrf", call.session->csrf_token);
  view.set("version", std::to_string(values.version));
  view.set("title", values.title);
  view.set("slug", values.slug);
  view.set("slug_edited", existing.has_value());
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& section : context.sections) sections.emplace_back(section.slug, section.name);
  view.set("sections", options_view(sections, values.section));
  // What kind of piece it is: a select of every kind, and the sponsor for sponsored content.
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto kind : content::kArticleKinds) {
    auto name = std::string(content::to_string(kind));
    kinds.emplace_back(name, text(call, "kind_" + name));
  }
  view.set("kinds", options_view(kinds, values.kind));
  view.set("sponsor", values.sponsor);
  view.set("max_sponsor", std::to_string(content::kMaxSponsorBytes));
  bool choose_author = auth::can(user.role, auth::Capability::edit_others);
  view.set("can_choose_author", choose_author);
  auto everyone = terms_.authors();
  if (choose_author) {
    std::vector<std::pair<std::string, std::string>> authors;
    for (const auto& author : everyone) authors.emplace_back(author.slug, author.name);
    view.set("authors", options_view(authors, values.author));
  }
  view.set("coauthors", values.coauthors);
  theme::View author_names{theme::View::type::list};
  for (const auto& author : everyone) author_names.push_back(author.name);
  view.set("author_names", author_names);
  view.set("categories", values.categories);
  theme::View category_options{theme::View::type::list};
  for (const auto& category : terms_.categories()) category_options.push_back(category.name);
  view.set("category_options", category_options);
  view.set("tags", values.tags);
  view.set("lead", values.lead);
  view.set("body", values.body);
  // Our Markdown renderer drops raw HTML: this is the same HTML the article page will carry.
  view.set("body_html", publishing::body_html_for(values.body, values.lead));
  view.set("has_image", values.image.has_value());
  if (values.image) view.set("image_src", site::media_path(values.image->name));
  view.set("caption", values.caption);
  view.set("alt", values.alt);
  view.set("credit", values.credit);
  view.set("max_credit", std::to_string(publishing::kMaxCreditBytes));
  view.set("focal_x", values.focal_x);
  view.set("focal_y", values.focal_y);
  view.set("published_at", values.published_at);
  view.set("time_zone", call.settings.time_zone);
  view.set("can_pin", auth::can(user.role, auth::Capability::pin_articles));
  view.set("pinned", values.pinned);
  bool may_publish = auth::can_publish(user, facts);
  view.set("can_submit", facts.status == ArticleStatus::draft);
  view.set("can_publish", may_publish);
  view.set("can_send_breaking_news",
           may_publish && auth::can(user.role, auth::Capability::send_breaking));
  view.set("can_unpublish", may_publish && existing &&
                                (facts.status == ArticleStatus::published ||
                                 facts.status == ArticleStatus::scheduled));
  view.set("can_delete", existing && auth::can(user.role, auth::Capability::delete_articles));
  // Autosave sends drafts only: saving a published article behind its writer's back would
  // change what readers see (autosave.js keeps a local copy of every article).
  view.set("autosave_to_server", facts.status == ArticleStatus::draft);
  return page(call, status, "editor", view);
}

http::Response ArticlePages::save_article(Call& call, std::optional<content::ArticleId> id) {
  const auto& user = call.user();
  const auto& form = call.form;
  auto context = pages_.context();

  std::optional<store::EditableArticle> existing;
  if (id) {
    existing = articles_.find_editable(*id);
    if (!existing) return not_found(call);
  }
  auth::ArticleFacts facts{existing ? existing->article.summary.author.slug : user.author_slug,
                           existing ? existing->article.status : ArticleStatus::draft};
  if (!auth::can_open(user, facts)) return forbidden(call);
  auto action_text = form.get("action");
  auto action = publishing::parse_article_action(action_text);
  if (!action) return bad_request(call);
  if (!auth::can_move(user, facts, publishing::requested_status(*action, facts.status)))
    return forbidden(call);

  EditorValues values;
  values.title = std::string(render::trim(form.get("title")));
  values.slug = std::string(render::trim(form.get("slug")));
  values.section = form.get("section");
  values.author = facts.author_slug;
  if (form.has("author") && form.get("author") != facts.author_slug) {
    // Signing an article with someone else's name is an editor's decision.
    if (!auth::can(user.role, auth::Capability::edit_others)) return forbidden(call);
    values.author = form.get("author");
  }
  values.categories = form.get("categories");
  values.tags = form.get("tags");
  // A form without the field (an older page, a script) keeps the co-authors.
  const bool coauthors_sent = form.has("coauthors");
  if (existing) values.coauthors = join_names(existing->article.summary.coauthors);
  if (coauthors_sent) values.coauthors = form.get("coauthors");
  values.lead = std::string(render::trim(form.get("lead")));
  values.body = form.get("body");
  values.caption = std::string(render::trim(form.get("caption")));
  values.alt = std::string(render::trim(form.get("alt")));
  values.published_at = std::string(render::trim(form.get("published_at")));
  if (existing) {
    auto version = parse_id(form.get("version"));
    if (!version)
      return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
    values.version = *version;
    if (form.get("remove_photo") != "1") values.image = existing->article.summary.image;
  }
  // The photo's credit and focal point: a form without them (an older page, a script) leaves
  // the photo's as they are.
  const bool photo_details_sent = form.has("credit");
  if (photo_details_sent) {
    values.credit = std::string(render::trim(form.get("credit")));
    values.focal_x = std::string(render::trim(form.get("focal_x")));
    values.focal_y = std::string(render::trim(form.get("focal_y")));
  }
  // Pinning is an editor's decision: the checkbox is on their form only (`pin_field` says it
  // was there, since an unticked box sends nothing), and anyone else asking for a change is
  // refused whole.
  const bool was_pinned = existing && existing->pinned;
  values.pinned = was_pinned;
  if (form.has("pin_field")) {
    values.pinned = form.get("pinned") == "1";
    if (values.pinned != was_pinned && !auth::can(user.role, auth::Capability::pin_articles))
      return forbidden(call);
  }

  const bool was_visible = existing && existing->article.status == ArticleStatus::published &&
                           existing->article.summary.published_at <= call.now;
  values.change = form.has("change") ? form.get("change") : "typo";
  values.change_note = std::string(render::trim(form.get("change_note")));
  // A form without the kind (an older page, a script) keeps the article's kind and sponsor.
  const bool kind_sent = form.has("kind");
  if (existing) {
    values.kind = std::string(content::to_string(existing->article.summary.kind));
    values.sponsor = existing->article.sponsor;
  }
  if (kind_sent) {
    values.kind = form.get("kind");
    values.sponsor = std::string(render::trim(form.get("sponsor")));
  }

  std::vector<FieldError> errors;
  // A control character is nothing a person typed (a paste from a program), invisible on the
  // form and refused by feeds: none in a one-line field, only line breaks and tabs in the others.
  auto check_text = [&](const std::string& value, std::string_view field, std::string_view label,
                        std::size_t limit, bool required, TextShape shape = TextShape::one_line) {
    if (required && value.empty()) {
      errors.push_back({std::string(field), std::string(label), "err_required"});
    } else if (render::find_invalid_utf8(value) || has_forbidden_control(value, shape)) {
      errors.push_back({std::string(field), std::string(label), "err_invalid_text"});
    } else if (value.size() > limit) {
      errors.push_back({std::string(field), std::string(label), "err_too_long"});
    }
  };
  check_text(values.title, "title", "title", kMaxTitleBytes, true);
  check_text(values.lead, "lead", "lead", kMaxLeadBytes, false, TextShape::lines);
  check_text(values.body, "body", "body", kMaxBodyBytes, false, TextShape::lines);
  check_text(values.caption, "caption", "caption", kMaxCaptionBytes, false);
  check_text(values.alt, "alt", "alt", kMaxCaptionBytes, false);
  check_text(values.categories, "categories", "categories", kMaxTermBytes * kMaxTermsPerKind,
             false);
  check_text(values.tags, "tags", "tags", kMaxTermBytes * kMaxTermsPerKind, false);
  check_text(values.coauthors, "coauthors", "coauthors", kMaxTermBytes * kMaxTermsPerKind, false);
  auto change = content::parse_change_kind(values.change);
  if (was_visible) {
    if (!change) {
      errors.push_back({"change", "change_kind", "err_change_kind"});
    } else if (content::is_public(*change) && values.change_note.empty()) {
      errors.push_back({"change_note", "change_note", "err_change_note_required"});
    } else {
      check_text(values.change_note, "change_note", "change_note", content::kMaxChangeNoteBytes,
                 false, TextShape::lines);
    }
  }
  auto kind = content::parse_article_kind(values.kind);
  if (kind_sent) {
    // The sponsor field stays on the form whatever the kind: what is typed in it counts only
    // for sponsored content.
    if (kind && *kind != content::ArticleKind::sponsored) values.sponsor.clear();
    if (!kind) {
      errors.push_back({"kind", "kind", "err_kind"});
    } else if (render::find_invalid_utf8(values.sponsor) ||
               render::has_control_character(values.sponsor)) {
      errors.push_back({"sponsor", "sponsor", "err_invalid_text"});
    } else if (auto problem = content::sponsor_problem(*kind, values.sponsor)) {
      errors.push_back(
          {"sponsor", "sponsor",
           *problem == content::SponsorProblem::missing ? "err_sponsor_required" : "err_too_long"});
    }
  }
  if (values.slug.empty() && errors.empty()) values.slug = render::slugify(values.title);
  if (!render::is_slug(values.slug)) errors.push_back({"slug", "slug", "err_slug"});
  bool known_section = false;
  for (const auto& section : context.sections) known_section |= section.slug == values.section;
  if (!known_section) errors.push_back({"section", "section", "err_section"});
  auto category_names = split_names(values.categories);
  auto tag_names = split_names(values.tags);
  auto coauthor_names = split_names(values.coauthors);
  for (const auto& [names, field] : {std::pair{&category_names, "categories"},
                                     {&tag_names, "tags"},
                                     {&coauthor_names, "coauthors"}}) {
    bool bad = names->size() > kMaxTermsPerKind;
    for (const auto& name : *names)
      bad |= name.size() > kMaxTermBytes || render::slugify(name).empty();
    if (bad) errors.push_back({field, field, "err_invalid_text"});
  }

  // The date: typed in the site's time zone; "publish" with a date to come schedules.
  std::optional<content::Timestamp> typed_date;
  if (!values.published_at.empty()) {
    auto parsed = render::parse_date(values.published_at, call.settings.time_zone);
    if (auto* date = std::get_if<content::Timestamp>(&parsed)) {
      typed_date = *date;
    } else {
      errors.push_back({"published_at", "publish_at", "err_date"});
    }
  }
  std::optional<publishing::StoredPublication> stored;
  if (existing) stored = {existing->article.status, existing->article.summary.published_at};
  auto publication = publishing::decide_publication(*action, stored, typed_date, call.now);
  if (publication.needs_future_date)
    errors.push_back({"published_at", "publish_at", "err_future_date"});
  auto status = publication.status;

  // The photo: checked by content and decoded in full; stored only once the rest is valid.
  std::optional<media::PreparedImage> upload;
  if (auto file = form.files.find("photo");
      file != form.files.end() && !file->second.bytes.empty()) {
    auto prepared = media_.prepare(file->second.bytes, file->second.file_name);
    if (auto* refusal = std::get_if<media::ImageRefusal>(&prepared)) {
      errors.push_back({"photo", "field_photo", std::string(image_problem_key(refusal->problem))});
    } else {
      upload = std::move(std::get<media::PreparedImage>(prepared));
    }
  }
  bool has_photo = upload || values.image;
  if (has_photo && values.alt.empty()) errors.push_back({"alt", "alt", "err_alt_required"});
  auto focal_x = media::MediaService::parse_focal_percent(values.focal_x);
  auto focal_y = media::MediaService::parse_focal_percent(values.focal_y);
  if (photo_details_sent) {
    if (!media::MediaService::acceptable_credit(values.credit))
      errors.push_back({"credit", "library_credit", "err_invalid_text"});
    if (!focal_x || !focal_y)
      errors.push_back({"focal_x", "library_focal", "library_invalid_focal"});
  }

  if (!errors.empty())
    return editor_page(call, existing, values, errors, http::Status::unprocessable_entity);

  if (upload) values.image = media_.save(*upload);

  content::ArticleEdit edit;
  edit.id = id;
  edit.expected_version = values.version;
  edit.slug = values.slug;
  edit.title = values.title;
  edit.lead = values.lead;
  edit.body_markdown = values.body;
  edit.status = status;
  edit.published_at = publication.published_at;
  edit.updated_at = call.now;
  edit.author_slug = values.author;
  edit.section_slug = values.section;
  edit.categories = publishing::terms_of(category_names);
  edit.tags = publishing::terms_of(tag_names);
  if (coauthors_sent)
    edit.coauthors = publishing::coauthors_of(coauthor_names, values.author, terms_.authors());
  if (values.image) edit.image_name = values.image->name;
  edit.image_caption = values.caption;
  edit.image_alt = values.alt;
  edit.saved_by = user.id;
  edit.saved_by_name = user.name;
  edit.note = action_text.empty() ? "save" : action_text;
  if (values.pinned != was_pinned) edit.pinned = values.pinned;
  if (kind_sent && kind) {
    edit.kind = *kind;
    edit.sponsor = values.sponsor;
  }
  if (was_visible && change) {
    edit.change = *change;
    if (content::is_public(*change)) edit.change_note = values.change_note;
  }

  auto result = articles_.save_edit(edit);
  if (auto* saved = std::get_if<content::SavedArticle>(&result)) {
    // The credit and focal point belong to the photo, wherever it shows: saved to it (which
    // drops the cached pages of every article it leads) when they changed.
    if (photo_details_sent && values.image &&
        (values.credit != values.image->credit || *focal_x != values.image->focal.x ||
         *focal_y != values.image->focal.y))
      media_.save_details(values.image->name,
                          {std::nullopt, values.credit, std::nullopt, {*focal_x, *focal_y}});
    // "Breaking news": an editor's choice, sent once (the queue's key) when the article is out.
    if (form.get("breaking_news") == "1" && saved->after.visible &&
        auth::can(user.role, auth::Capability::send_breaking)) {
      auto site = pages_.context(1, std::string_view(call.request[http::beast_http::field::host]));
      if (auto article = site.store.find_published_article(saved->section_slug, saved->slug))
        newsletters_.queue_breaking(article->summary, {site.settings, site.base_url});
    }
    return see_other(call, "/newsroom/articles/" + std::to_string(saved->id.value) +
                               "?notice=" + std::string(notice_for(facts.status, status, *action)));
  }
  if (auto* conflict = std::get_if<content::EditConflict>(&result))
    return conflict_page(call, *id, *conflict);
  return editor_page(call, existing, values,
                     {refusal_error(std::get<content::EditRefused>(result).reason)},
                     http::Status::unprocessable_entity);
}

http::Response ArticlePages::conflict_page(Call& call, content::ArticleId id,
                                           const content::EditConflict& conflict) {
  auto base = "/newsroom/articles/" + std::to_string(id.value);
  auto view = frame(call, text(call, "conflict_heading"));
  view.set("kept_revision", std::to_string(conflict.kept_revision));
  view.set("compare_url", base + "/revisions/compare?from=" +
                              std::to_string(conflict.kept_revision) + "&to=current");
  view.set("editor_url", base);
  view.set("restore_url",
           base + "/revisions/" + std::to_string(conflict.kept_revision) + "/restore");
  view.set("current_version", std::to_string(conflict.current_version));
  view.set("csrf", call.session->csrf_token);
  return page(call, http::Status::conflict, "conflict", view);
}

http::Response ArticlePages::preview(Call& call, content::ArticleId id) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  if (!auth::can_open(call.user(),
                      {existing->article.summary.author.slug, existing->article.status}))
    return forbidden(call);
  // The reader theme's article page, from the stored article whatever its status: exactly
  // what readers will see, served here with the newsroom's never-cache headers.
  auto context = pages_.context();
  auto html = site::render_article_page(context, existing->article);
  auto response = http::make_response(call.request, http::Status::ok, "text/html; charset=utf-8",
                                      std::move(html));
  response.set(http::beast_http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Robots-Tag", "noindex, nofollow");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
               "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  return response;
}

http::Response ArticlePages::delete_article(Call& call, content::ArticleId id) {
  if (!auth::can(call.user().role, auth::Capability::delete_articles)) return forbidden(call);
  if (!articles_.remove(id)) return not_found(call);
  return see_other(call, "/newsroom/articles/?notice=deleted_notice");
}

http::Response ArticlePages::markdown_preview(Call& call) {
  if (!acceptable_text(call.request.body(), kMaxBodyBytes)) return bad_request(call);
  auto response = http::make_response(call.request, http::Status::ok, "text/html; charset=utf-8",
                                      publishing::preview_html(call.request.body()));
  response.set(http::beast_http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

http::Response ArticlePages::tag_suggestions(Call& call) {
  auto prefix = call.query.get("q");
  nlohmann::json names = nlohmann::json::array();
  if (acceptable_text(prefix, kMaxTermBytes) && !prefix.empty()) {
    for (const auto& tag : terms_.tags_starting_with(prefix, kTagSuggestions))
      names.push_back(tag.name);
  }
  auto response = http::make_response(call.request, http::Status::ok,
                                      "application/json; charset=utf-8", names.dump());
  response.set(http::beast_http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace gazette::newsroom
