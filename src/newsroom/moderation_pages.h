// The newsroom's comments: moderation at /newsroom/comments/ (the list, actions on many, one
// comment's edit and reply, erasing what one address wrote, the comment settings) — every write
// through comments::ModerationService.
#pragma once

#include "comments/moderation_service.h"
#include "newsroom/area.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

class ModerationPages final : public Area {
 public:
  ModerationPages(const Desk& desk, comments::ModerationService& moderation,
                  site::PageEnvironment& pages)
      : Area(desk), moderation_(moderation), pages_(pages) {}

  std::vector<std::string_view> segments() const override { return {"comments"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response comment_list(Call& call);
  http::Response comment_bulk_action(Call& call);
  http::Response comment_edit(Call& call, content::CommentId id);
  http::Response comment_reply(Call& call, content::CommentId id);
  http::Response comment_edit_page(Call& call, const content::Comment& comment,
                                   const CommentEditValues& values);
  http::Response comment_erase(Call& call);
  http::Response comment_settings(Call& call);

  comments::ModerationService& moderation_;
  site::PageEnvironment& pages_;
};

}  // namespace gazette::newsroom
