// TermService: term writes and their announcements (see term_service.h).
#include "publishing/term_service.h"

#include <string>

namespace gazette::publishing {

using content::TermChanged;

SectionSave TermService::save_section(std::string_view slug, std::string_view name,
                                      std::string_view description, bool create) {
  return write_path_.run([&](store::WriteTransaction& write) {
    if (!terms_.save_section(write, slug, name, description, create))
      return create ? SectionSave::slug_taken : SectionSave::not_found;
    write.announce(TermChanged{TermChanged::Kind::section, std::string(slug)});
    return SectionSave::saved;
  });
}

store::LabelRename TermService::rename_label(store::LabelKind kind, std::string_view slug,
                                             std::string_view name, std::string_view new_slug) {
  return write_path_.run([&](store::WriteTransaction& write) {
    auto renamed = terms_.rename_label(write, kind, slug, name, new_slug);
    if (renamed == store::LabelRename::done) {
      write.announce(TermChanged{kind, std::string(slug)});
      if (new_slug != slug) write.announce(TermChanged{kind, std::string(new_slug)});
    }
    return renamed;
  });
}

LabelMerge TermService::merge_label(store::LabelKind kind, std::string_view from,
                                    std::string_view into) {
  return write_path_.run([&](store::WriteTransaction& write) {
    auto moved = terms_.merge_label(write, kind, from, into);
    if (!moved) return LabelMerge::not_found;
    write.announce(TermChanged{kind, std::string(from), std::move(*moved)});
    write.announce(TermChanged{kind, std::string(into)});
    return LabelMerge::merged;
  });
}

LabelDelete TermService::delete_label(store::LabelKind kind, std::string_view slug) {
  return write_path_.run([&](store::WriteTransaction& write) {
    auto detached = terms_.delete_label(write, kind, slug);
    if (!detached) return LabelDelete::not_found;
    write.announce(TermChanged{kind, std::string(slug), std::move(*detached)});
    return LabelDelete::deleted;
  });
}

}  // namespace gazette::publishing
