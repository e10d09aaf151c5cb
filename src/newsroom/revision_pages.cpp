// An article's history at /newsroom/articles/{id}/revisions/: the list of every save, one
// revision against the current version, two revisions compared (a line diff of a plain-text
// rendering), and restoring one — which is a new save, so nothing is ever lost.
#include "newsroom/article_pages.h"
#include "newsroom/line_diff.h"
#include "publishing/article_terms.h"
#include "site/bylines.h"

namespace gazette::newsroom {

namespace {

// The plain text two versions are compared on: one line per field, then the body.
struct ComparableText {
  std::string title, slug, section, author, lead, categories, tags, image, caption, alt, body;
};

std::string join_lines(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

ComparableText text_of(const store::Revision& revision) {
  return {revision.title,
          revision.slug,
          revision.section.name,
          join_names(site::byline_of(revision.author, revision.coauthors)),
          revision.lead,
          join_lines(revision.categories),
          join_lines(revision.tags),
          revision.image_name.value_or(""),
          revision.image_caption,
          revision.image_alt,
          revision.body_markdown};
}

ComparableText text_of(const store::EditableArticle& editable) {
  const auto& article = editable.article;
  const auto& summary = article.summary;
  return {summary.title,
          summary.slug,
          summary.section.name,
          join_names(site::byline_of(summary)),
          summary.lead,
          join_names(article.categories),
          join_names(article.tags),
          summary.image ? summary.image->name : "",
          article.image_caption,
          summary.image_alt,
          article.body_markdown};
}

using Text = std::function<std::string(std::string_view)>;

std::string rendering(const Text& t, const ComparableText& v) {
  std::string out;
  for (const auto& [key, value] : {std::pair{"title", &v.title},
                                   {"slug", &v.slug},
                                   {"section", &v.section},
                                   {"author", &v.author},
                                   {"lead", &v.lead},
                                   {"categories", &v.categories},
                                   {"tags", &v.tags},
                                   {"photo", &v.image},
                                   {"caption", &v.caption},
                                   {"alt", &v.alt}}) {
    out += t(key) + " : " + *value + "\n";
  }
  return out + "\n" + v.body;
}

// The diff lines for the templates: {kind, sign, label, text}.
theme::View diff_view(const Text& t, const ComparableText& before, const ComparableText& after) {
  theme::View list{theme::View::type::list};
  for (const auto& line : diff_lines(rendering(t, before), rendering(t, after))) {
    theme::View item;
    bool removed = line.kind == DiffLine::Kind::removed;
    bool added = line.kind == DiffLine::Kind::added;
    item.set("kind", std::string(removed ? "removed" : added ? "added" : "same"));
    item.set("sign", std::string(removed ? "−" : added ? "+" : " "));
    item.set("label", removed ? t("diff_removed") : added ? t("diff_added") : std::string());
    item.set("text", line.text);
    list.push_back(item);
  }
  return list;
}

}  // namespace

http::Response ArticlePages::revision_list(Call& call, content::ArticleId id) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  if (!auth::can_open(call.user(),
                      {existing->article.summary.author.slug, existing->article.status}))
    return forbidden(call);
  auto context = pages_.context();
  auto base = "/newsroom/articles/" + std::to_string(id.value);
  auto revisions = articles_.revisions(id);
  auto view = frame(call, text(call, "revisions"));
  view.set("title", existing->article.summary.title);
  view.set("editor_url", base);
  view.set("compare_url", base + "/revisions/compare");
  theme::View list{theme::View::type::list};
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const auto& revision = revisions[i];
    theme::View item;
    item.set("id", std::to_string(revision.id));
    item.set("url", base + "/revisions/" + std::to_string(revision.id));
    item.set("saved_at", local_display(revision.saved_at, context.dates));
    item.set("saved_by", revision.saved_by_name);
    item.set("title", revision.title);
    item.set("status_label", text(call, status_key(revision.status)));
    item.set("note", revision.note);
    item.set("conflict", !revision.applied);
    auto change = std::string(content::to_string(revision.change));
    item.set("change", change);
    item.set("change_label", text(call, "change_" + change));
    if (!revision.change_note.empty()) item.set("change_note", revision.change_note);
    // By default, the latest change: the previous revision against the newest.
    item.set("is_from", i == 1);
    item.set("is_to", i == 0);
    list.push_back(item);
  }
  view.set("revisions", list);
  return page(call, http::Status::ok, "revisions", view);
}

http::Response ArticlePages::revision_view(Call& call, content::ArticleId id, std::int64_t number) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  auth::ArticleFacts facts{existing->article.summary.author.slug, existing->article.status};
  if (!auth::can_open(call.user(), facts)) return forbidden(call);
  auto revision = articles_.find_revision(id, number);
  if (!revision) return not_found(call);
  auto context = pages_.context();
  auto base = "/newsroom/articles/" + std::to_string(id.value);
  auto heading =
      text(call, "revision_heading") + " " + std::to_string(number) + " : " + revision->title;
  auto view = frame(call, heading);
  view.set("heading", heading);
  view.set("editor_url", base);
  view.set("revisions_url", base + "/revisions");
  view.set("can_restore", auth::can_change(call.user(), facts));
  view.set("restore_url", base + "/revisions/" + std::to_string(number) + "/restore");
  view.set("csrf", call.session->csrf_token);
  view.set("current_version", std::to_string(existing->version));
  view.set("meta", revision->summary.saved_by_name + " · " +
                       local_display(revision->summary.saved_at, context.dates));
  view.set("diff_heading", text(call, "changes_vs_current"));
  // What restoring would change: from the current version to this revision.
  view.set("diff", diff_view([&](std::string_view key) { return text(call, key); },
                             text_of(*existing), text_of(*revision)));
  return page(call, http::Status::ok, "revision", view);
}

http::Response ArticlePages::revision_compare(Call& call, content::ArticleId id) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  if (!auth::can_open(call.user(),
                      {existing->article.summary.author.slug, existing->article.status}))
    return forbidden(call);
  auto base = "/newsroom/articles/" + std::to_string(id.value);
  auto side = [&](std::string_view which) -> std::optional<std::pair<std::string, ComparableText>> {
    auto value = call.query.get(which);
    if (value == "current") return std::pair{text(call, "current_version"), text_of(*existing)};
    auto number = parse_id(value);
    if (!number) return std::nullopt;
    auto revision = articles_.find_revision(id, *number);
    if (!revision) return std::nullopt;
    return std::pair{text(call, "revision") + " " + value, text_of(*revision)};
  };
  auto from = side("from");
  auto to = side("to");
  if (!from || !to) return not_found(call);
  auto heading = text(call, "compare_heading") + " : " + from->first + " → " + to->first;
  auto view = frame(call, heading);
  view.set("heading", heading);
  view.set("editor_url", base);
  view.set("revisions_url", base + "/revisions");
  view.set("can_restore", false);
  view.set("diff_heading", text(call, "changes"));
  view.set("diff", diff_view([&](std::string_view key) { return text(call, key); }, from->second,
                             to->second));
  return page(call, http::Status::ok, "revision", view);
}

http::Response ArticlePages::restore_revision(Call& call, content::ArticleId id,
                                              std::int64_t number) {
  auto existing = articles_.find_editable(id);
  if (!existing) return not_found(call);
  const auto& current = existing->article;
  auth::ArticleFacts facts{current.summary.author.slug, current.status};
  if (!auth::can_change(call.user(), facts)) return forbidden(call);
  auto revision = articles_.find_revision(id, number);
  if (!revision) return not_found(call);
  auto version = parse_id(call.form.get("version"));
  if (!version)
    return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");

  // The revision's words, terms and photo; the article's current status, date and byline, so
  // that restoring text never publishes, unpublishes or re-signs anything.
  content::ArticleEdit edit;
  edit.id = id;
  edit.expected_version = *version;
  edit.slug = revision->slug;
  edit.title = revision->title;
  edit.lead = revision->lead;
  edit.body_markdown = revision->body_markdown;
  edit.status = current.status;
  edit.published_at = current.summary.published_at;
  edit.updated_at = call.now;
  edit.author_slug = current.summary.author.slug;
  edit.section_slug = revision->section.slug;
  edit.categories = publishing::terms_of(revision->categories);
  edit.tags = publishing::terms_of(revision->tags);
  if (revision->image_name && media_.find(*revision->image_name))
    edit.image_name = revision->image_name;
  edit.image_caption = revision->image_caption;
  edit.image_alt = revision->image_alt;
  edit.kind = revision->kind;  // what kind of piece those words were (checked when saved)
  edit.sponsor = revision->sponsor;
  edit.saved_by = call.user().id;
  edit.saved_by_name = call.user().name;
  edit.note = text(call, "restored_from") + " " + std::to_string(number);

  auto result = articles_.save_edit(edit);
  if (std::holds_alternative<content::SavedArticle>(result))
    return see_other(call,
                     "/newsroom/articles/" + std::to_string(id.value) + "?notice=restored_notice");
  if (auto* conflict = std::get_if<content::EditConflict>(&result))
    return conflict_page(call, id, *conflict);
  return message(call, http::Status::unprocessable_entity, "bad_request_heading",
                 "bad_request_message");
}

}  // namespace gazette::newsroom
