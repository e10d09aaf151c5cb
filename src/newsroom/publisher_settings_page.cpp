// /newsroom/settings/publisher (admins): who publishes the site — name, address, contact — and
// the policy pages readers find under /about/ (content/publisher.h). Saved with the other site
// settings through publishing::SettingsService, so every page's footer and JSON-LD follow.
#include "auth/accounts.h"
#include "newsroom/settings_pages.h"
#include "render/text.h"
#include "site/paths.h"

namespace gazette::newsroom {

namespace {

constexpr std::size_t kMaxPublisherNameBytes = 200;
constexpr std::size_t kMaxAddressBytes = 500;
constexpr std::size_t kMaxPhoneBytes = 40;

// The form field of a policy's text, also the key of its label ("policy_ethics").
std::string policy_field(content::Policy policy) {
  return "policy_" + content::policy_identifier(policy);
}

// Text of several lines as a browser sends it (CRLF), kept with LF only.
std::string with_unix_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\r') out += c;
  }
  return out;
}

// A phone number as people write it: digits, spaces and + . - ( ), with at least one digit.
bool is_phone(std::string_view phone) {
  bool has_digit = false;
  for (char c : phone) {
    if (c >= '0' && c <= '9')
      has_digit = true;
    else if (std::string_view(" +.-()").find(c) == std::string_view::npos)
      return false;
  }
  return has_digit && phone.size() <= kMaxPhoneBytes;
}

}  // namespace

http::Response SettingsPages::publisher_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  std::vector<FieldError> errors;
  auto values = call.settings;
  auto& publisher = values.publisher;
  if (call.is_post) {
    publisher.name = std::string(render::trim(call.form.get("publisher_name")));
    publisher.address = with_unix_line_ends(render::trim(call.form.get("publisher_address")));
    publisher.email = std::string(render::trim(call.form.get("publisher_email")));
    publisher.phone = std::string(render::trim(call.form.get("publisher_phone")));
    if (!acceptable_text(publisher.name, kMaxPublisherNameBytes) ||
        render::has_control_character(publisher.name))
      errors.push_back({"publisher_name", "publisher_name", "err_invalid_text"});
    if (!acceptable_text(publisher.address, kMaxAddressBytes) ||
        render::has_control_besides_line_breaks(publisher.address))
      errors.push_back({"publisher_address", "publisher_address", "err_invalid_text"});
    if (!publisher.email.empty() && !auth::is_email(publisher.email))
      errors.push_back({"publisher_email", "publisher_email", "err_email"});
    if (!publisher.phone.empty() && !is_phone(publisher.phone))
      errors.push_back({"publisher_phone", "publisher_phone", "err_phone"});
    for (auto policy : content::kPolicies) {
      auto field = policy_field(policy);
      auto& text = publisher.policy(policy);
      text = with_unix_line_ends(render::trim(call.form.get(field)));
      if (!acceptable_text(text, content::kMaxPolicyBytes) ||
          render::has_control_besides_line_breaks(text))
        errors.push_back({field, field, "err_invalid_text"});
    }
    if (errors.empty()) {
      settings_.save(values);
      return see_other(call, "/newsroom/settings/publisher?notice=settings_saved");
    }
  }
  auto view = frame(call, t("publisher_settings"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  view.set("csrf", call.session->csrf_token);
  view.set("publisher_name", publisher.name);
  view.set("site_title", values.title);
  view.set("publisher_address", publisher.address);
  view.set("publisher_email", publisher.email);
  view.set("publisher_phone", publisher.phone);
  view.set("max_policy_bytes", std::to_string(content::kMaxPolicyBytes));
  theme::View policies{theme::View::type::list};
  for (auto policy : content::kPolicies) {
    theme::View item;
    auto field = policy_field(policy);
    item.set("field", field);
    item.set("label", t(field));
    item.set("text", publisher.policy(policy));
    item.set("url", site::policy_path(policy));
    item.set("published", !call.settings.publisher.policy(policy).empty());
    policies.push_back(item);
  }
  view.set("policies", policies);
  view.set("about_url", site::about_path());
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "publisher_settings", view);
}

}  // namespace gazette::newsroom
