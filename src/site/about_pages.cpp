// /about/ and /about/{policy}/: who publishes the site — its name, address and contact — and
// each policy an admin wrote (content/publisher.h). Every about page lists the policies, so a
// reader who lands on one finds the others.
#include "render/markdown.h"
#include "site/pages.h"
#include "site/paths.h"
#include "site/publisher_facts.h"
#include "site/view_model.h"

namespace gazette::site {

namespace {

// The theme's string key of a policy's name ("policy_ethics").
std::string policy_name_key(content::Policy policy) {
  return "policy_" + content::policy_identifier(policy);
}

// A phone number as a tel: link wants it: its digits and a leading +.
std::string tel_uri(std::string_view phone) {
  std::string uri = "tel:";
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && uri.size() == 4)) uri += c;
  }
  return uri;
}

theme::View publisher_view(const content::SiteSettings& settings) {
  const auto& publisher = settings.publisher;
  theme::View view;
  view.set("name", publisher_name(settings));
  view.set("has_address", !publisher.address.empty());
  view.set("address", publisher.address);
  view.set("has_email", !publisher.email.empty());
  view.set("email", publisher.email);
  view.set("has_phone", !publisher.phone.empty());
  view.set("phone", publisher.phone);
  view.set("phone_uri", tel_uri(publisher.phone));
  return view;
}

// The about pages' shared part: the page for `current` (nullopt: /about/ itself).
theme::View about_view(const PageContext& context, std::optional<content::Policy> current,
                       const std::string& heading) {
  const auto& settings = context.settings;
  const auto& language = settings.language;
  auto path = current ? policy_path(*current) : about_path();
  PageFrame frame{settings, context.sections, "", heading, "", path};
  frame.base_url = context.base_url;
  if (!current) frame.json_ld = discovery::organization_json_ld(publisher_facts(context));
  auto view = frame_view(frame);
  view.set("heading", heading);
  view.set("publisher", publisher_view(settings));
  theme::View policies{theme::View::type::list};
  theme::View about_link;
  about_link.set("name", context.theme.text(language, "about_title"));
  about_link.set("url", about_path());
  about_link.set("current", !current.has_value());
  policies.push_back(about_link);
  for (auto policy : content::kPolicies) {
    if (settings.publisher.policy(policy).empty()) continue;
    theme::View link;
    link.set("name", context.theme.text(language, policy_name_key(policy)));
    link.set("url", policy_path(policy));
    link.set("current", current == policy);
    policies.push_back(link);
  }
  view.set("policies", policies);
  return view;
}

}  // namespace

std::optional<std::string> render_about(const PageContext& context) {
  const auto& language = context.settings.language;
  auto view = about_view(context, std::nullopt, context.theme.text(language, "about_title"));
  view.set("description", context.settings.description);
  view.set("show_publisher", true);
  return context.theme.render_page("about", std::move(view), language);
}

std::optional<std::string> render_policy(const PageContext& context, std::string_view slug) {
  auto policy = content::parse_policy_slug(slug);
  if (!policy) return std::nullopt;
  const auto& text = context.settings.publisher.policy(*policy);
  if (text.empty()) return std::nullopt;
  const auto& language = context.settings.language;
  auto view = about_view(context, policy, context.theme.text(language, policy_name_key(*policy)));
  // Markdown written by an admin, rendered like an article body: raw HTML never passes.
  view.set("body_html", context.typeset_html(render::markdown_to_html(text)));
  // How to reach the newsroom is the contact page's point: its details sit under the text.
  view.set("show_publisher", *policy == content::Policy::feedback);
  return context.theme.render_page("about", std::move(view), language);
}

}  // namespace gazette::site
