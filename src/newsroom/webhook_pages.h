// The newsroom's « Webhooks » page (/newsroom/webhooks), admins only: the addresses told of the
// site's events, each with its secret to check signatures; adding and removing them; whether
// private networks may be reached; and the last deliveries with what each receiver answered.
#pragma once

#include "newsroom/area.h"
#include "site/page_environment.h"
#include "webhooks/webhook_service.h"

namespace gazette::newsroom {

class WebhookPages final : public Area {
 public:
  WebhookPages(const Desk& desk, webhooks::WebhookService& webhooks, site::PageEnvironment& pages)
      : Area(desk), webhooks_(webhooks), pages_(pages) {}

  std::vector<std::string_view> segments() const override { return {"webhooks"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response add(Call& call);
  http::Response webhooks_page(Call& call, http::Status status,
                               std::optional<webhooks::WebhookProblem> problem = std::nullopt);

  webhooks::WebhookService& webhooks_;
  site::PageEnvironment& pages_;
};

}  // namespace gazette::newsroom
