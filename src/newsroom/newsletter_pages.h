// The newsletter in the newsroom: /newsroom/newsletter, for editors and admins — how many
// subscribe, what waits in the queue, and every message that failed or bounced with the SMTP
// server's answer. The subscriber list itself is shown nowhere.
#pragma once

#include "newsletters/newsletter_service.h"
#include "newsroom/area.h"

namespace gazette::newsroom {

class NewsletterPages final : public Area {
 public:
  NewsletterPages(const Desk& desk, newsletters::NewsletterService& newsletters)
      : Area(desk), newsletters_(newsletters) {}

  std::vector<std::string_view> segments() const override { return {"newsletter"}; }
  http::Response handle(Call& call) override;

 private:
  newsletters::NewsletterService& newsletters_;
};

}  // namespace gazette::newsroom
