// Accounts and their roles at /newsroom/users/ (admins): creating one (with a generated
// password shown once), changing a role — through auth::Accounts, which checks what a person
// typed and announces what changed.
#include "newsroom/account_pages.h"

#include "auth/passwords.h"

namespace gazette::newsroom {

namespace {

// The error key of a refused account, in the newsroom's catalog.
std::string account_problem_key(auth::AccountProblem problem) {
  switch (problem) {
    case auth::AccountProblem::email_taken:
      return "err_email_taken";
    case auth::AccountProblem::invalid_email:
    case auth::AccountProblem::no_such_account:
      return "err_email";
    case auth::AccountProblem::password_too_short:
    case auth::AccountProblem::password_too_long:
      return "err_password";
    case auth::AccountProblem::invalid_name:
    case auth::AccountProblem::name_without_letters:
      return "err_invalid_text";
  }
  return "err_invalid_text";
}

std::vector<std::pair<std::string, std::string>> role_options(
    const std::function<std::string(std::string_view)>& t) {
  std::vector<std::pair<std::string, std::string>> roles;
  for (auto role : {content::Role::contributor, content::Role::author, content::Role::editor,
                    content::Role::admin})
    roles.emplace_back(content::to_string(role), t(role_key(role)));
  return roles;
}

}  // namespace

http::Response AccountPages::handle(Call& call) {
  const auto& s = call.segments;
  if (s[0] != "users") return not_found(call);
  if (s.size() == 1) return users_page(call);
  if (s.size() == 3 && s[2] == "role" && call.is_post) {
    if (auto id = parse_id(s[1])) return change_role(call, *id);
  }
  return not_found(call);
}

http::Response AccountPages::users_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_users)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  std::string created_email, created_password;
  auto status = http::Status::ok;
  if (call.is_post) {
    auto email = std::string(render::trim(call.form.get("email")));
    auto name = call.form.get("name");
    auto role = content::parse_role(call.form.get("role"));
    auto password = call.form.get("password");
    bool generated = password.empty();
    if (generated) password = auth::generate_password();
    if (!role) {
      errors.push_back({"new-role", "role", "err_role"});
    } else if (auto problem = accounts_.add(email, name, *role, password)) {
      std::string field(auth::field_of(*problem));
      errors.push_back({"new-" + field, field, account_problem_key(*problem)});
    } else {
      created_email = email;
      // Shown once, in this response only: it is never stored, logged or put in a URL.
      if (generated) created_password = password;
    }
    if (!errors.empty()) status = http::Status::unprocessable_entity;
  }
  auto view = frame(call, t("users"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("has_created", !created_email.empty());
  view.set("created_email", created_email);
  view.set("has_password", !created_password.empty());
  view.set("created_password", created_password);
  view.set("csrf", call.session->csrf_token);
  auto roles = role_options(t);
  theme::View users{theme::View::type::list};
  for (const auto& user : accounts_.users()) {
    theme::View item;
    item.set("name", user.name);
    item.set("email", user.email);
    item.set("role_url", "/newsroom/users/" + std::to_string(user.id.value) + "/role");
    item.set("roles", options_view(roles, content::to_string(user.role)));
    users.push_back(item);
  }
  view.set("users", users);
  bool keep = !errors.empty();
  view.set("email", keep ? call.form.get("email") : std::string());
  view.set("name", keep ? call.form.get("name") : std::string());
  view.set("new_roles", options_view(roles, keep ? call.form.get("role") : "contributor"));
  return page(call, status, "users", view);
}

http::Response AccountPages::change_role(Call& call, std::int64_t user_id) {
  if (!auth::can(call.user().role, auth::Capability::manage_users)) return forbidden(call);
  auto role = content::parse_role(call.form.get("role"));
  if (!role) return bad_request(call);
  if (!accounts_.set_role(content::UserId{user_id}, *role)) return not_found(call);
  return see_other(call, "/newsroom/users/?notice=role_changed");
}

}  // namespace gazette::newsroom
