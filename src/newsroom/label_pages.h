// The newsroom's labels: sections (/newsroom/sections/, admins), and the categories and tags
// editors rename, merge and delete (/newsroom/terms/categories/, /newsroom/terms/tags/) —
// through publishing::TermService, which announces what changed.
#pragma once

#include "newsroom/area.h"
#include "publishing/term_service.h"

namespace gazette::newsroom {

class LabelPages final : public Area {
 public:
  LabelPages(const Desk& desk, publishing::TermService& terms) : Area(desk), terms_(terms) {}

  std::vector<std::string_view> segments() const override { return {"sections", "terms"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response sections_page(Call& call);
  http::Response labels_page(Call& call, store::LabelKind kind);

  publishing::TermService& terms_;
};

}  // namespace gazette::newsroom
