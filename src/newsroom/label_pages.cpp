// Categories and tags as editors and admins manage them (/newsroom/terms/categories/ and
// /newsroom/terms/tags/): each with its article count, renamed, merged into another, deleted —
// through publishing::TermService, which announces what changed so cached pages and the search
// index follow.
#include "newsroom/call.h"
#include "render/slug.h"
#include "site/paths.h"
#include "site/target.h"

namespace gazette::newsroom {

namespace {

// As long as a section's name: a label is a few words.
constexpr std::size_t kMaxLabelNameBytes = 100;

std::string public_path(store::LabelKind kind, std::string_view slug) {
  return kind == store::LabelKind::tag ? site::tag_path(slug) : site::category_path(slug);
}

}  // namespace

http::Response Newsroom::labels_page(Call& call, store::LabelKind kind) {
  if (!auth::can(call.user().role, auth::Capability::manage_terms)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  bool tags = kind == store::LabelKind::tag;
  std::string self = tags ? "/newsroom/terms/tags/" : "/newsroom/terms/categories/";
  std::vector<FieldError> errors;
  if (call.is_post) {
    auto action = call.form.get("action");
    auto slug = call.form.get("slug");
    if (!site::is_slug(slug)) return not_found(call);
    if (action == "rename") {
      auto name = std::string(render::trim(call.form.get("name")));
      auto new_slug = std::string(render::trim(call.form.get("new_slug")));
      if (new_slug.empty()) new_slug = render::slugify(name);
      if (name.empty() || !acceptable_text(name, kMaxLabelNameBytes)) {
        errors.push_back(
            {"label-" + slug, "name", name.empty() ? "err_required" : "err_invalid_text"});
      } else if (!site::is_slug(new_slug)) {
        errors.push_back({"label-" + slug, "slug", "err_slug"});
      } else {
        switch (services_.term_service.rename_label(kind, slug, name, new_slug)) {
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
      if (!site::is_slug(into) || into == slug) {
        errors.push_back({"label-" + slug, "merge_into", "err_label_merge"});
      } else if (services_.term_service.merge_label(kind, slug, into) ==
                 publishing::LabelMerge::merged) {
        return see_other(call, self + "?notice=label_merged");
      } else {
        // A mistyped target (or a label deleted meanwhile): say so beside the form.
        errors.push_back({"label-" + slug, "merge_into", "err_label_merge"});
      }
    } else if (action == "delete") {
      if (services_.term_service.delete_label(kind, slug) == publishing::LabelDelete::not_found)
        return not_found(call);
      return see_other(call, self + "?notice=label_deleted");
    } else {
      return message(call, http::Status::bad_request, "bad_request_heading", "bad_request_message");
    }
  }
  auto view = frame(call, t(tags ? "tags" : "categories"));
  view.set("heading", t(tags ? "tags" : "categories"));
  view.set("action_url", self);
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  auto labels = services_.terms.labels(kind);
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
