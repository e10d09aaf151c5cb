// The newsroom's « Jetons d'API » page (/newsroom/api-tokens): each account's Content API
// tokens (name, created, last used, revoke; the secret shown once) and, for admins, the read
// keys the API asks for when the site requires one.
#pragma once

#include "auth/api_tokens.h"
#include "newsroom/area.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

class ApiTokenPages final : public Area {
 public:
  ApiTokenPages(const Desk& desk, auth::ApiTokens& tokens, site::PageEnvironment& pages)
      : Area(desk), tokens_(tokens), pages_(pages) {}

  std::vector<std::string_view> segments() const override { return {"api-tokens"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response create(Call& call);
  http::Response tokens_page(Call& call, const std::optional<std::string>& new_secret,
                             http::Status status);

  auth::ApiTokens& tokens_;
  site::PageEnvironment& pages_;
};

}  // namespace gazette::newsroom
