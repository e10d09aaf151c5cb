// The newsroom's accounts: /newsroom/users/ and each account's role, for admins.
#pragma once

#include "auth/accounts.h"
#include "newsroom/area.h"

namespace gazette::newsroom {

class AccountPages final : public Area {
 public:
  AccountPages(const Desk& desk, auth::Accounts& accounts) : Area(desk), accounts_(accounts) {}

  std::vector<std::string_view> segments() const override { return {"users"}; }
  http::Response handle(Call& call) override;

 private:
  http::Response users_page(Call& call);
  http::Response change_role(Call& call, std::int64_t user_id);

  auth::Accounts& accounts_;
};

}  // namespace gazette::newsroom
