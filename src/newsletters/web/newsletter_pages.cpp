// The /newsletter/ pages (see newsletter_pages.h).
#include "newsletters/web/newsletter_pages.h"

#include "comments/spam_defences.h"
#include "comments/web/private_response.h"
#include "http/form.h"
#include "site/responses.h"
#include "site/target.h"
#include "site/view_model.h"

namespace gazette::newsletters::web {

namespace {

using field = http::beast_http::field;
using verb = http::beast_http::verb;

// A subscription form holds an address and two words: anything longer is not one.
constexpr std::size_t kMaxFormBytes = 2048;

http::Response private_message(const http::Request& request, const site::PageContext& context,
                               http::Status status, std::string_view heading_key,
                               std::string_view message_key) {
  auto response = site::message_response(request, context, status, heading_key, message_key);
  response.set(field::cache_control, "private, no-store");
  response.set("X-Robots-Tag", "noindex");
  // The manage and confirmation links carry a signature: never hand them to another site.
  response.set("Referrer-Policy", "no-referrer");
  return response;
}

std::string field_of(const http::Form& form, std::string_view name) {
  auto found = form.fields.find(name);
  return found == form.fields.end() ? std::string() : found->second;
}

}  // namespace

http::Response NewsletterPages::handle(const http::Request& request) {
  auto target = site::parse_target(request.target());
  const auto& segments = target.segments;  // {"newsletter", …}
  auto context = pages_.context(1, std::string_view(request[field::host]));
  bool is_read = request.method() == verb::get || request.method() == verb::head;
  bool is_post = request.method() == verb::post;
  if (segments.size() == 2 && !target.trailing_slash) {
    const auto& page = segments[1];
    if (page == "subscribe" && is_post) return subscribe(request, context);
    if (page == "confirm" && is_read) return confirm(request, context, target.query);
    if (page == "manage" && (is_read || is_post)) return manage(request, context, target.query);
    if (page == "subscribe" || page == "confirm" || page == "manage") {
      auto response = private_message(request, context, http::Status::method_not_allowed,
                                      "method_not_allowed", "method_not_allowed_message");
      response.set(field::allow, page == "subscribe" ? "POST"
                                 : page == "confirm" ? "GET, HEAD"
                                                     : "GET, HEAD, POST");
      return response;
    }
  }
  return site::message_response(request, context, http::Status::not_found, "not_found",
                                "not_found_message");
}

http::Response NewsletterPages::subscribe(const http::Request& request,
                                          const site::PageContext& context) {
  if (request.body().size() > kMaxFormBytes)
    return private_message(request, context, http::Status::payload_too_large,
                           "newsletter_refused_heading", "newsletter_invalid_email");
  auto form = http::parse_urlencoded(request.body());
  MailSite site{context.settings, context.base_url};
  auto client =
      comments::client_address(request[http::kPeerAddressHeader], request["X-Forwarded-For"],
                               trust_forwarded_for_ && trust_forwarded_for_());
  auto outcome = service_.subscribe(field_of(form, "address"), field_of(form, "scope"),
                                    field_of(form, "slug"), site, client);
  if (outcome.refusal == SubscribeRefusal::too_soon_for_address ||
      outcome.refusal == SubscribeRefusal::too_many_from_client) {
    auto response = private_message(
        request, context, http::Status::too_many_requests, "newsletter_too_many_heading",
        outcome.refusal == SubscribeRefusal::too_soon_for_address ? "newsletter_too_many_address"
                                                                  : "newsletter_too_many_client");
    response.set(field::retry_after, std::to_string(outcome.retry_after.count()));
    return response;
  }
  if (outcome.refusal)
    return private_message(
        request, context, http::Status::bad_request, "newsletter_refused_heading",
        *outcome.refusal == SubscribeRefusal::invalid_email ? "newsletter_invalid_email"
                                                            : "newsletter_unknown_scope");
  // The same answer whether the address was new, waiting or confirmed: the page says nothing
  // about who reads the site.
  return private_message(request, context, http::Status::ok, "newsletter_check_heading",
                         "newsletter_check_message");
}

http::Response NewsletterPages::confirm(const http::Request& request,
                                        const site::PageContext& context, std::string_view query) {
  auto fields = http::parse_urlencoded(query);
  switch (service_.confirm(field_of(fields, "s"), field_of(fields, "e"), field_of(fields, "m"))) {
    case ConfirmOutcome::confirmed:
      return private_message(request, context, http::Status::ok, "newsletter_confirmed_heading",
                             "newsletter_confirmed_message");
    case ConfirmOutcome::expired:
      return private_message(request, context, http::Status::gone, "newsletter_link_heading",
                             "newsletter_link_expired");
    case ConfirmOutcome::unknown:
      return private_message(request, context, http::Status::not_found, "newsletter_link_heading",
                             "newsletter_link_unknown");
    default:
      return private_message(request, context, http::Status::forbidden, "newsletter_link_heading",
                             "newsletter_link_forged");
  }
}

http::Response NewsletterPages::manage(const http::Request& request,
                                       const site::PageContext& context, std::string_view query) {
  auto fields = http::parse_urlencoded(query);
  auto email = field_of(fields, "a");
  auto mac = field_of(fields, "m");
  if (request.method() == verb::post) {
    // RFC 8058: the body is "List-Unsubscribe=One-Click" from a mail client, or the manage
    // page's own button; either way the signed link is the authority, not a session.
    if (!service_.unsubscribe_by_link(email, mac))
      return private_message(request, context, http::Status::forbidden, "newsletter_link_heading",
                             "newsletter_link_forged");
    return private_message(request, context, http::Status::ok, "newsletter_unsubscribed_heading",
                           "newsletter_unsubscribed_message");
  }
  auto subscriptions = service_.subscriptions_by_link(email, mac);
  if (!subscriptions)
    return private_message(request, context, http::Status::forbidden, "newsletter_link_heading",
                           "newsletter_link_forged");
  const auto& language = context.settings.language;
  auto heading = context.theme.text(language, "newsletter_manage_heading");
  site::PageFrame frame{context.settings, context.sections, "", heading, "", ""};
  frame.base_url = context.base_url;
  frame.noindex = true;
  auto view = site::frame_view(frame);
  view.set("heading", heading);
  view.set("email", email);
  theme::View list = theme::View::type::list;
  for (const auto& subscription : *subscriptions) {
    theme::View item;
    item.set("name", service_.scope_name(subscription, language, context.theme));
    item.set("confirmed", subscription.confirmed_at.has_value());
    list.push_back(item);
  }
  view.set("subscriptions", list);
  view.set("has_subscriptions", !subscriptions->empty());
  view.set("action", std::string(request.target()));
  return comments::web::private_html(
      request, http::Status::ok,
      context.theme.render_page("newsletter_manage", std::move(view), language));
}

}  // namespace gazette::newsletters::web
