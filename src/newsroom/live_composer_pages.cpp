// The live composer's pages (see live_composer_pages.h).
#include "newsroom/live_composer_pages.h"

#include <algorithm>

#include "newsroom/media_library_pages.h"
#include "publishing/article_limits.h"
#include "render/text.h"
#include "site/paths.h"

namespace gazette::newsroom {

using publishing::LiveRefusal;

namespace {

using publishing::kMaxCaptionBytes;  // photo texts, as the article editor limits them
using publishing::kMaxCreditBytes;
// Library photos offered beside the upload: a phone screen's worth of thumbnails.
constexpr int kLibraryChoices = 12;
// A media name is a file name of ours ("ab12….jpg"); anything longer is not one.
constexpr std::size_t kMaxMediaNameBytes = 200;

std::string composer_url(content::ArticleId id) {
  return "/newsroom/live/" + std::to_string(id.value);
}

std::string entry_url(content::ArticleId id, content::LiveEntryId entry) {
  return composer_url(id) + "/entries/" + std::to_string(entry.value);
}

// The writer as the service knows them.
publishing::LiveWriter writer_of(const Call& call) {
  return call.user();
}

}  // namespace

std::pair<http::Status, std::string_view> live_refusal_answer(LiveRefusal refusal) {
  switch (refusal) {
    case LiveRefusal::no_published_article:
      return {http::Status::conflict, "live_err_not_published"};
    case LiveRefusal::coverage_ended:
      return {http::Status::conflict, "live_err_ended"};
    case LiveRefusal::not_live:
      return {http::Status::conflict, "live_err_not_live"};
    case LiveRefusal::not_yours:
      return {http::Status::forbidden, "live_err_not_yours"};
    case LiveRefusal::not_allowed:
      return {http::Status::forbidden, "live_err_not_allowed"};
    case LiveRefusal::empty_text:
      return {http::Status::unprocessable_entity, "live_err_empty"};
    case LiveRefusal::text_too_long:
      return {http::Status::unprocessable_entity, "live_err_too_long"};
    case LiveRefusal::no_such_entry:
      return {http::Status::not_found, "live_err_no_entry"};
    case LiveRefusal::no_such_photo:
      return {http::Status::unprocessable_entity, "live_err_no_photo"};
  }
  return {http::Status::bad_request, "bad_request_message"};
}

http::Response LiveComposerPages::handle(Call& call) {
  // /newsroom/live/{article}[/end | /entries/{entry}[/delete | /pin]]
  const auto& s = call.segments;
  auto article = s.size() >= 2 && s[0] == "live" ? parse_id(s[1]) : std::nullopt;
  if (!article) return not_found(call);
  content::ArticleId id{*article};
  auto found = story(id);
  if (!found) return not_found(call);
  // A published article's entries are public: anyone in the newsroom may see its composer,
  // and the service says who may write (authors to their own, editors to any, contributors
  // not at all). Anything else is seen only by who may open it in the editor.
  if (found->article.status != content::ArticleStatus::published &&
      !auth::can_open(call.user(), {found->article.summary.author.slug, found->article.status}))
    return forbidden(call);

  if (s.size() == 2)
    return call.is_post ? post_entry(call, *found)
                        : composer(call, *found, {}, std::nullopt, http::Status::ok);
  if (s.size() == 3 && s[2] == "end") {
    if (call.is_post) return end_coverage(call, *found);
    return confirm_page(call, *found, "live_end", "live_end_question", "live_end_confirm",
                        composer_url(id) + "/end", "");
  }
  auto entry_id = s.size() >= 4 && s[2] == "entries" ? parse_id(s[3]) : std::nullopt;
  if (!entry_id) return not_found(call);
  auto entry = live_.find_entry(content::LiveEntryId{*entry_id});
  if (!entry || entry->deleted_at || entry->article != id) return not_found(call);
  if (s.size() == 4) {
    if (call.is_post) return save_entry(call, *found, *entry);
    EntryValues values{entry->body_markdown, entry->key_event, "", "", "", ""};
    if (entry->photo)
      values = {entry->body_markdown,  entry->key_event,     entry->photo->image.name,
                entry->photo->caption, entry->photo->credit, entry->photo->alt};
    return entry_editor(call, *found, *entry, values, std::nullopt, http::Status::ok);
  }
  if (s.size() == 5 && s[4] == "delete") {
    if (call.is_post) return delete_entry(call, *found, *entry);
    return confirm_page(call, *found, "live_delete", "live_delete_question", "live_delete_confirm",
                        entry_url(id, entry->id) + "/delete", entry->body_html);
  }
  if (s.size() == 5 && s[4] == "pin" && call.is_post) return pin_entry(call, *found, *entry);
  return not_found(call);
}

std::optional<LiveComposerPages::Story> LiveComposerPages::story(content::ArticleId id) {
  auto found = articles_.find_editable(id);
  if (!found) return std::nullopt;
  const auto& summary = found->article.summary;
  auto path = site::article_path(summary.section.slug, summary.slug);
  return Story{std::move(found->article), std::move(path)};
}

theme::View LiveComposerPages::entry_form_view(const Call& call, const EntryValues& values,
                                               const std::optional<content::LiveEntry>& current) {
  theme::View form;
  form.set("csrf", call.session->csrf_token);
  form.set("text", values.text);
  form.set("key_event", values.key_event);
  form.set("caption", values.caption);
  form.set("credit", values.credit);
  form.set("alt", values.alt);
  form.set("max_text", std::to_string(publishing::kMaxLiveEntryBytes));
  form.set("no_photo", values.media_name.empty());
  // The photos to choose from: the entry's own first, then the library's newest.
  theme::View choices{theme::View::type::list};
  std::vector<std::string> offered;
  auto offer = [&](const std::string& name, const std::string& alt) {
    if (std::find(offered.begin(), offered.end(), name) != offered.end()) return;
    offered.push_back(name);
    theme::View choice;
    choice.set("name", name);
    choice.set("index", std::to_string(offered.size()));
    choice.set("src", site::media_path(name));
    choice.set("alt", alt);
    choice.set("checked", name == values.media_name);
    choices.push_back(choice);
  };
  if (current && current->photo) offer(current->photo->image.name, current->photo->alt);
  if (!values.media_name.empty()) offer(values.media_name, values.alt);
  for (const auto& image : media_.library("", kLibraryChoices)) offer(image.name, image.alt);
  form.set("choices", choices);
  form.set("has_choices", !offered.empty());
  return form;
}

http::Response LiveComposerPages::composer(Call& call, const Story& story,
                                           const EntryValues& values,
                                           std::optional<std::string> error_key,
                                           http::Status status) {
  const auto& summary = story.article.summary;
  auto context = pages_.context();
  auto view = frame(call, text(call, "live_composer") + " – " + summary.title);
  view.set("article_title", summary.title);
  view.set("editor_url", "/newsroom/articles/" + std::to_string(summary.id.value));
  view.set("public_url", story.path);
  view.set("action_url", composer_url(summary.id));
  view.set("end_url", composer_url(summary.id) + "/end");
  auto coverage = live_.coverage(summary.id);
  view.set("on_air", coverage && coverage->live());
  view.set("not_started", !coverage);
  if (coverage && coverage->ended_at) {
    view.set("ended", true);
    view.set("ended_at", local_display(*coverage->ended_at, context.dates));
  }
  if (error_key) {
    view.set("has_error", true);
    view.set("error", text(call, *error_key));
  }
  // The form only when the service would take an entry from this writer; otherwise why not.
  auto refusal = live_.check_post(story.path, writer_of(call));
  if (!refusal) {
    view.set("form", entry_form_view(call, values, std::nullopt));
  } else if (!error_key) {
    view.set("has_refusal", true);
    view.set("refusal", text(call, live_refusal_answer(*refusal).second));
  }
  bool may_change = coverage && coverage->live() && !refusal;
  theme::View list{theme::View::type::list};
  auto entries = live_.entries(summary.id);
  for (const auto& entry : entries) {
    theme::View item;
    item.set("id", std::to_string(entry.id.value));
    item.set("html", entry.body_html);
    item.set("time_iso", context.dates.iso8601(entry.created_at));
    item.set("time", local_display(entry.created_at, context.dates));
    item.set("author", entry.author.name);
    item.set("key_event", entry.key_event);
    item.set("pinned", entry.pinned);
    item.set("edited", entry.edited_at.has_value());
    if (entry.photo) {
      theme::View photo;
      photo.set("src", site::media_path(entry.photo->image.name));
      photo.set("alt", entry.photo->alt);
      photo.set("caption", entry.photo->caption);
      photo.set("credit", entry.photo->credit);
      item.set("photo", photo);
    }
    item.set("may_change", may_change);
    item.set("edit_url", entry_url(summary.id, entry.id));
    item.set("delete_url", entry_url(summary.id, entry.id) + "/delete");
    item.set("pin_url", entry_url(summary.id, entry.id) + "/pin");
    item.set("csrf", call.session->csrf_token);
    list.push_back(item);
  }
  view.set("entries", list);
  view.set("has_entries", !entries.empty());
  view.set("entry_count", std::to_string(entries.size()));
  view.set("may_end", may_change);
  return page(call, status, "live_composer", view);
}

LiveComposerPages::PhotoForm LiveComposerPages::read_entry_form(const Call& call,
                                                                EntryValues& values) {
  const auto& form = call.form;
  values.text = form.get("text");
  values.key_event = form.get("key_event") == "1";
  values.media_name = std::string(render::trim(form.get("media_name")));
  values.caption = std::string(render::trim(form.get("caption")));
  values.credit = std::string(render::trim(form.get("credit")));
  values.alt = std::string(render::trim(form.get("alt")));
  PhotoForm photo;
  using publishing::has_forbidden_control;
  using publishing::TextShape;
  if (!acceptable_text(values.text, publishing::kMaxLiveEntryBytes))
    photo.error_key =
        render::find_invalid_utf8(values.text) ? "err_invalid_text" : "live_err_too_long";
  // As in the article editor (publishing/article_limits.h): line breaks and tabs in the text,
  // no control character in the photo's one-line fields.
  else if (has_forbidden_control(values.text, TextShape::lines))
    photo.error_key = "err_invalid_text";
  else if (has_forbidden_control(values.caption, TextShape::one_line) ||
           has_forbidden_control(values.credit, TextShape::one_line) ||
           has_forbidden_control(values.alt, TextShape::one_line))
    photo.error_key = "live_err_photo_text";
  else if (!acceptable_text(values.caption, kMaxCaptionBytes) ||
           !acceptable_text(values.credit, kMaxCreditBytes) ||
           !acceptable_text(values.alt, kMaxCaptionBytes) ||
           !acceptable_text(values.media_name, kMaxMediaNameBytes))
    photo.error_key = "live_err_photo_text";
  if (photo.error_key) {
    // Not shown back: text that is not UTF-8 or longer than its limit is not a draft to keep
    // (a body may be 26 MB, for the photo).
    for (auto [value, limit] : {std::pair{&values.text, publishing::kMaxLiveEntryBytes},
                                {&values.caption, kMaxCaptionBytes},
                                {&values.credit, kMaxCreditBytes},
                                {&values.alt, kMaxCaptionBytes},
                                {&values.media_name, kMaxMediaNameBytes}})
      if (!acceptable_text(*value, limit)) value->clear();
    return photo;
  }
  if (auto file = form.files.find("photo");
      file != form.files.end() && !file->second.bytes.empty()) {
    auto prepared = media_.prepare(file->second.bytes, file->second.file_name);
    if (auto* refusal = std::get_if<media::ImageRefusal>(&prepared)) {
      photo.error_key = std::string(image_problem_key(refusal->problem));
      return photo;
    }
    photo.upload = std::move(std::get<media::PreparedImage>(prepared));
  }
  if ((photo.upload || !values.media_name.empty()) && values.alt.empty())
    photo.error_key = "err_alt_required";
  return photo;
}

std::optional<content::LivePhotoChoice> LiveComposerPages::photo_choice(const EntryValues& values,
                                                                        PhotoForm& photo) {
  std::string name = values.media_name;
  if (photo.upload) name = media_.save(*photo.upload).name;
  if (name.empty()) return std::nullopt;
  return content::LivePhotoChoice{name, values.caption, values.credit, values.alt};
}

http::Response LiveComposerPages::refused(Call& call, const Story& story, LiveRefusal refusal,
                                          const EntryValues& values) {
  auto [status, key] = live_refusal_answer(refusal);
  return composer(call, story, values, std::string(key), status);
}

http::Response LiveComposerPages::post_entry(Call& call, const Story& story) {
  EntryValues values;
  auto photo = read_entry_form(call, values);
  if (photo.error_key)
    return composer(call, story, values, photo.error_key, http::Status::unprocessable_entity);
  if (values.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return refused(call, story, LiveRefusal::empty_text, values);
  // Asked before the upload is stored: a refused entry leaves no photo in the library.
  if (auto refusal = live_.check_post(story.path, writer_of(call)))
    return refused(call, story, *refusal, values);
  publishing::LiveDraft draft{values.text, photo_choice(values, photo), values.key_event};
  auto posted = live_.post(story.path, writer_of(call), draft);
  if (auto* refusal = std::get_if<LiveRefusal>(&posted))
    return refused(call, story, *refusal, values);
  return see_other(call, composer_url(story.article.summary.id) + "?notice=live_posted");
}

http::Response LiveComposerPages::entry_editor(Call& call, const Story& story,
                                               const content::LiveEntry& entry,
                                               const EntryValues& values,
                                               std::optional<std::string> error_key,
                                               http::Status status) {
  auto view = frame(call, text(call, "live_edit_entry") + " – " + story.article.summary.title);
  view.set("article_title", story.article.summary.title);
  view.set("composer_url", composer_url(story.article.summary.id));
  view.set("action_url", entry_url(story.article.summary.id, entry.id));
  if (error_key) {
    view.set("has_error", true);
    view.set("error", text(call, *error_key));
  }
  view.set("form", entry_form_view(call, values, entry));
  return page(call, status, "live_entry_edit", view);
}

http::Response LiveComposerPages::save_entry(Call& call, const Story& story,
                                             const content::LiveEntry& entry) {
  EntryValues values;
  auto photo = read_entry_form(call, values);
  auto again = [&](std::string_view key, http::Status status) {
    return entry_editor(call, story, entry, values, std::string(key), status);
  };
  if (photo.error_key) return again(*photo.error_key, http::Status::unprocessable_entity);
  if (values.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return again("live_err_empty", http::Status::unprocessable_entity);
  if (auto refusal = live_.check_entry(entry.id, writer_of(call))) {
    auto [status, key] = live_refusal_answer(*refusal);
    return again(key, status);
  }
  publishing::LiveDraft draft{values.text, photo_choice(values, photo), values.key_event};
  if (auto refusal = live_.edit(entry.id, writer_of(call), draft)) {
    auto [status, key] = live_refusal_answer(*refusal);
    return again(key, status);
  }
  return see_other(call, composer_url(story.article.summary.id) + "?notice=live_entry_saved");
}

http::Response LiveComposerPages::confirm_page(
    Call& call, const Story& story, std::string_view heading_key, std::string_view question_key,
    std::string_view button_key, const std::string& action_url, std::string preview_html) {
  auto view = frame(call, text(call, heading_key) + " – " + story.article.summary.title);
  view.set("heading", text(call, heading_key));
  view.set("article_title", story.article.summary.title);
  view.set("question", text(call, question_key));
  view.set("button", text(call, button_key));
  view.set("action_url", action_url);
  view.set("composer_url", composer_url(story.article.summary.id));
  view.set("csrf", call.session->csrf_token);
  view.set("has_preview", !preview_html.empty());
  view.set("preview_html", std::move(preview_html));  // an entry's sanitised HTML
  return page(call, http::Status::ok, "live_confirm", view);
}

http::Response LiveComposerPages::end_coverage(Call& call, const Story& story) {
  if (auto refusal = live_.end(story.path, writer_of(call)))
    return refused(call, story, *refusal, {});
  return see_other(call, composer_url(story.article.summary.id) + "?notice=live_ended_notice");
}

http::Response LiveComposerPages::delete_entry(Call& call, const Story& story,
                                               const content::LiveEntry& entry) {
  if (auto refusal = live_.remove(entry.id, writer_of(call)))
    return refused(call, story, *refusal, {});
  return see_other(call, composer_url(story.article.summary.id) + "?notice=live_entry_deleted");
}

http::Response LiveComposerPages::pin_entry(Call& call, const Story& story,
                                            const content::LiveEntry& entry) {
  auto wanted = call.form.get("pinned");
  if (wanted != "1" && wanted != "0") return bad_request(call);
  if (auto refusal = live_.pin(entry.id, writer_of(call), wanted == "1"))
    return refused(call, story, *refusal, {});
  return see_other(call, composer_url(story.article.summary.id) + "?notice=" +
                             (wanted == "1" ? "live_entry_pinned" : "live_entry_unpinned"));
}

}  // namespace gazette::newsroom
