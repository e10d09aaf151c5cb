// Sections as admins manage them (/newsroom/sections/), and categories and tags as editors and
// admins do (/newsroom/terms/categories/ and /newsroom/terms/tags/): each with its article
// count, renamed, merged into another, deleted — through publishing::TermService, which
// announces what changed so cached pages and the search index follow.
#include "newsroom/label_pages.h"

#include "render/slug.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {

constexpr std::size_t kMaxSectionNameBytes = 100;
constexpr std::size_t kMaxDescriptionBytes = 500;
// As long as a section's name: a label is a few words.
constexpr std::size_t kMaxLabelNameBytes = 100;

std::string public_path(store::LabelKind kind, std::string_view slug) {
  return kind == store::LabelKind::tag ? site::tag_path(slug) : site::category_path(slug);
}

}  // namespace

http::Response LabelPages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] == "sections" && s.size() == 1) return sections_page(call);
  if (s[0] == "terms" && s.size() == 2 && s[1] == "tags")
    return labels_page(call, store::LabelKind::tag);
  if (s[0] == "terms" && s.size() == 2 && s[1] == "categories")
    return labels_page(call, store::LabelKind::category);
  return not_found(call);
}

http::Response LabelPages::sections_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_sections)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  if (call.is_post) {
    bool create = call.form.get("create") == "1";
    auto name = std::string(render::trim(call.form.get("name")));
    auto description = std::string(render::trim(call.form.get("description")));
    auto slug = create ? render::slugify(name) : call.form.get("slug");
    if (name.empty() || !acceptable_text(name, kMaxSectionNameBytes) || slug.empty()) {
      errors.push_back(
          {"section-name", "name", name.empty() ? "err_required" : "err_invalid_text"});
    } else if (!acceptable_text(description, kMaxDescriptionBytes)) {
      errors.push_back({"section-description", "description", "err_too_long"});
    } else if (create && content::is_reserved_section_slug(slug)) {
      errors.push_back({"section-name", "name", "err_section_reserved"});
    } else {
      switch (terms_.save_section(slug, name, description, create)) {
        case publishing::SectionSave::not_found:
          return not_found(call);
        case publishing::SectionSave::slug_taken:
          errors.push_back({"section-name", "name", "err_section_exists"});
          break;
        case publishing::SectionSave::saved:
          return see_other(call, "/newsroom/sections/?notice=section_saved");
      }
    }
  }
  auto view = frame(call, t("sections"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  theme::View sections{theme::View::type::list};
  for (const auto& section : terms_.sections()) {
    theme::View item;
    item.set("slug", section.slug);
    item.set("name", section.name);
    item.set("description", section.description);
    item.set("public_url", site::section_path(section.slug));
    sections.push_back(item);
  }
  view.set("sections", sections);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "sections", view);
}

http::Response LabelPages::labels_page(Call& call, store::LabelKind kind) {
  if (!auth::can(call.user().role, auth::Capability::manage_terms)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  bool tags = kind == store::LabelKind::tag;
  std::string self = tags ? "/newsroom/terms/tags/" : "/newsroom/terms/categories/";
  std::vector<FieldError> errors;
  if (call.is_post) {
    auto action = call.form.get("action");
    auto slug = call.form.get("slug");
    if (!render::is_slug(slug)) return not_found(call);
    if (action == "rename") {
      auto name = std::string(render::trim(call.form.get("name")));
      auto new_slug = std::string(render::trim(call.form.get("new_slug")));
      if (new_slug.empty()) new_slug = render::slugify(name);
      if (name.empty() || !acceptable_text(name, kMaxLabelNameBytes)) {
        errors.push_back(
            {"label-" + slug, "name", name.empty() ? "err_required" : "err_invalid_text"});
      } else if (!render::is_slug(new_slug)) {
        errors.push_back({"label-" + slug, "slug", "err_slug"});
      } else {
        switch (terms_.rename_label(kind, slug, name, new_slug)) {
          case store::LabelRename::not_found:
            return not_found(call);
          case store::LabelRename::slug_taken:
            errors.push_back({"label-" + slug, "slug", "err_label_slug_taken"});
            break;
          case store::LabelRename::done:
            return see_other(call, self + "?notice=label_saved");
        }
      }
    } else if (action == "merge") {
      auto into = call.form.get("into");
      if (!render::is_slug(into) || into == slug) {
        errors.push_back({"label-" + slug, "merge_into", "err_label_merge"});
      } else if (terms_.merge_label(kind, slug, into) == publishing::LabelMerge::merged) {
        return see_other(call, self + "?notice=label_merged");
      } else {
        // A mistyped target (or a label deleted meanwhile): say so beside the form.
        errors.push_back({"label-" + slug, "merge_into", "err_label_merge"});
      }
    } else if (action == "delete") {
      if (terms_.delete_label(kind, slug) == publishing::LabelDelete::not_found)
        return not_found(call);
      return see_other(call, self + "?notice=label_deleted");
    } else {
      return bad_request(call);
    }
  }
  auto view = frame(call, t(tags ? "tags" : "categories"));
  view.set("heading", t(tags ? "tags" : "categories"));
  view.set("action_url", self);
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  auto labels = terms_.labels(kind);
  theme::View list{theme::View::type::list};
  for (const auto& label : labels) {
    theme::View item;
    item.set("slug", label.term.slug);
    item.set("name", label.term.name);
    item.set("articles", std::to_string(label.articles));
    item.set("public_url", public_path(kind, label.term.slug));
    list.push_back(item);
  }
  // One list of slugs for every row's merge field: a select per row would grow as the square
  // of the number of tags.
  view.set("has_labels", !labels.empty());
  view.set("labels", list);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "labels", view);
}

}  // namespace gazette::newsroom
