// « Jetons d'API » (see api_token_pages.h). Everyone who writes may make tokens, which act as
// their own account; read keys are the admins' (manage_settings), since they open the site's
// API to whoever holds one.
#include "newsroom/api_token_pages.h"

#include "render/text.h"

namespace gazette::newsroom {

namespace {

constexpr std::string_view kBase = "/newsroom/api-tokens";

bool may_manage_read_keys(const content::User& user) {
  return auth::can(user.role, auth::Capability::manage_settings);
}

}  // namespace

http::Response ApiTokenPages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] != "api-tokens") return not_found(call);
  if (s.size() == 1 || (s.size() == 2 && s[1].empty())) {
    if (call.is_post) return create(call);
    return tokens_page(call, std::nullopt, http::Status::ok);
  }
  if (s.size() == 3 && s[2] == "revoke" && call.is_post) {
    auto id = parse_id(s[1]);
    if (!id) return not_found(call);
    if (!tokens_.revoke(call.user(), *id)) return not_found(call);
    return see_other(call, std::string(kBase));
  }
  return not_found(call);
}

http::Response ApiTokenPages::create(Call& call) {
  auto scope_text = call.form.get("scope");
  auto scope = scope_text == "read" ? store::ApiTokenScope::read : store::ApiTokenScope::write;
  if (scope_text != "read" && scope_text != "write" && !scope_text.empty())
    return bad_request(call);
  if (scope == store::ApiTokenScope::read && !may_manage_read_keys(call.user()))
    return forbidden(call);
  auto name = std::string(render::trim(call.form.get("name")));
  if (name.empty() || !acceptable_text(name, auth::kMaxApiTokenNameBytes))
    return tokens_page(call, std::nullopt, http::Status::unprocessable_entity);
  auto token = tokens_.create(call.user(), name, scope);
  return tokens_page(call, token.secret, http::Status::ok);
}

http::Response ApiTokenPages::tokens_page(Call& call, const std::optional<std::string>& new_secret,
                                          http::Status status) {
  auto context = pages_.context();
  auto view = frame(call, text(call, "api_tokens"));
  view.set("csrf", call.session->csrf_token);
  view.set("action_url", std::string(kBase));
  view.set("has_new_secret", new_secret.has_value());
  if (new_secret) view.set("new_secret", *new_secret);
  view.set("name_refused", status == http::Status::unprocessable_entity);
  view.set("max_name", std::to_string(auth::kMaxApiTokenNameBytes));
  view.set("role_label", text(call, role_key(call.user().role)));
  auto list_of = [&](const std::vector<store::ApiToken>& tokens) {
    theme::View list{theme::View::type::list};
    for (const auto& token : tokens) {
      theme::View item;
      item.set("name", token.name);
      item.set("created_at", local_display(token.created_at, context.dates));
      item.set("used", token.last_used_at.has_value());
      if (token.last_used_at)
        item.set("last_used_at", local_display(*token.last_used_at, context.dates));
      item.set("revoked", token.revoked_at.has_value());
      if (token.revoked_at) item.set("revoked_at", local_display(*token.revoked_at, context.dates));
      item.set("revoke_url", std::string(kBase) + "/" + std::to_string(token.id) + "/revoke");
      list.push_back(item);
    }
    return list;
  };
  auto mine = tokens_.tokens_of(call.user());
  view.set("has_tokens", !mine.empty());
  view.set("tokens", list_of(mine));
  bool admin = may_manage_read_keys(call.user());
  view.set("can_manage_read_keys", admin);
  if (admin) {
    auto keys = tokens_.read_keys();
    view.set("has_read_keys", !keys.empty());
    view.set("read_keys", list_of(keys));
  }
  return page(call, status, "api_tokens", view);
}

}  // namespace gazette::newsroom
