// « Webhooks » (see webhook_pages.h). Admins only (manage_settings): a webhook tells another
// machine of every publication, and its secret proves our deliveries.
#include "newsroom/webhook_pages.h"

#include "render/text.h"
#include "webhooks/webhook_events.h"

namespace gazette::newsroom {

namespace {

constexpr std::string_view kBase = "/newsroom/webhooks";
// How many deliveries the log shows.
constexpr std::int64_t kLogLength = 50;

// What a receiver answered, as the log shows it: at most kExcerptShown bytes of valid UTF-8
// (the answer may be anything).
constexpr std::size_t kExcerptShown = 200;
std::string readable_excerpt(std::string_view answer) {
  answer = answer.substr(0, kExcerptShown);
  if (auto invalid = render::find_invalid_utf8(answer)) answer = answer.substr(0, *invalid);
  return std::string(answer);
}

// The event's field in the form: one checkbox per event, as the form keeps a name's first value.
std::string event_field(std::string_view event) { return "event_" + std::string(event); }

}  // namespace

http::Response WebhookPages::handle(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  const auto& s = call.segments;
  if (s[0] != "webhooks") return not_found(call);
  if (s.size() == 1 || (s.size() == 2 && s[1].empty())) {
    if (call.is_post) return add(call);
    return webhooks_page(call, http::Status::ok);
  }
  if (s.size() == 2 && s[1] == "private-networks" && call.is_post) {
    webhooks_.allow_private_networks(call.form.get("allowed") == "1");
    return see_other(call, std::string(kBase));
  }
  if (s.size() == 3 && s[2] == "remove" && call.is_post) {
    auto id = parse_id(s[1]);
    if (!id || !webhooks_.remove(*id)) return not_found(call);
    return see_other(call, std::string(kBase));
  }
  if (s.size() == 3 && s[2] == "secret" && call.is_post) {
    auto id = parse_id(s[1]);
    if (!id || !webhooks_.rotate_secret(*id)) return not_found(call);
    return see_other(call, std::string(kBase));
  }
  // /newsroom/webhooks/deliveries/{id}/send-again
  if (s.size() == 4 && s[1] == "deliveries" && s[3] == "send-again" && call.is_post) {
    auto id = parse_id(s[2]);
    if (!id || !webhooks_.send_again(*id)) return not_found(call);
    return see_other(call, std::string(kBase));
  }
  return not_found(call);
}

http::Response WebhookPages::add(Call& call) {
  std::vector<std::string> events;
  for (auto event : webhooks::kEventNames)
    if (call.form.get(event_field(event)) == "1") events.emplace_back(event);
  auto url = std::string(render::trim(call.form.get("url")));
  auto added = webhooks_.add(url, events);
  if (auto* problem = std::get_if<webhooks::WebhookProblem>(&added))
    return webhooks_page(call, http::Status::unprocessable_entity, *problem);
  return see_other(call, std::string(kBase));
}

http::Response WebhookPages::webhooks_page(Call& call, http::Status status,
                                           std::optional<webhooks::WebhookProblem> problem) {
  auto view = frame(call, text(call, "webhooks"));
  view.set("csrf", call.session->csrf_token);
  view.set("action_url", std::string(kBase));
  view.set("private_url", std::string(kBase) + "/private-networks");
  view.set("private_allowed", webhooks_.private_networks_allowed());
  view.set("has_problem", problem.has_value());
  if (problem) {
    view.set("problem", text(call, webhooks::problem_key(*problem)));
    view.set("url", call.form.get("url"));  // escaped by the template, as every field
  }

  theme::View event_choices{theme::View::type::list};
  for (auto event : webhooks::kEventNames) {
    theme::View choice;
    choice.set("name", event_field(event));
    choice.set("event", std::string(event));
    choice.set("checked", problem ? call.form.get(event_field(event)) == "1" : true);
    event_choices.push_back(choice);
  }
  view.set("event_choices", event_choices);

  auto context = pages_.context();
  const auto& dates = context.dates;
  auto registered = webhooks_.webhooks();
  theme::View hooks{theme::View::type::list};
  for (const auto& webhook : registered) {
    theme::View item;
    item.set("url", webhook.url);
    item.set("events", store::join_events(webhook.events));
    item.set("secret", webhook.secret);
    item.set("created_at", local_display(webhook.created_at, dates));
    item.set("remove_url", std::string(kBase) + "/" + std::to_string(webhook.id) + "/remove");
    item.set("secret_url", std::string(kBase) + "/" + std::to_string(webhook.id) + "/secret");
    hooks.push_back(item);
  }
  view.set("has_webhooks", !registered.empty());
  view.set("webhooks", hooks);

  auto deliveries = webhooks_.recent_deliveries(kLogLength);
  theme::View log{theme::View::type::list};
  for (const auto& delivery : deliveries) {
    theme::View item;
    item.set("id", std::to_string(delivery.id));
    item.set("url", delivery.url);
    item.set("event", delivery.event);
    item.set("status",
             text(call, "webhook_status_" + std::string(store::to_string(delivery.status))));
    item.set("attempts", std::to_string(delivery.attempts));
    item.set("has_answer", delivery.attempts > 0);
    item.set("response_status",
             delivery.response_status ? std::to_string(delivery.response_status) : "—");
    item.set("response_excerpt", readable_excerpt(delivery.response_excerpt));
    item.set("created_at", local_display(delivery.created_at, dates));
    // Delivered or failed: an admin may send it again (a receiver lost it, or is fixed now).
    item.set("can_send_again", delivery.status != store::DeliveryStatus::queued);
    item.set("send_again_url",
             std::string(kBase) + "/deliveries/" + std::to_string(delivery.id) + "/send-again");
    log.push_back(item);
  }
  view.set("has_deliveries", !deliveries.empty());
  view.set("deliveries", log);
  return page(call, status, "webhooks", view);
}

}  // namespace gazette::newsroom
