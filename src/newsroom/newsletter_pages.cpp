// /newsroom/newsletter (see newsletter_pages.h): read-only, through NewsletterService.
#include "newsroom/newsletter_pages.h"

#include "render/dates.h"

namespace gazette::newsroom {

http::Response NewsletterPages::handle(Call& call) {
  if (call.segments.size() == 2 && call.segments[1] == "settings") return settings_page(call);
  if (call.segments.size() == 2 && call.segments[1] == "test") return test_message(call);
  if (call.segments.size() != 1 || call.is_post) return not_found(call);
  return overview_page(call);
}

http::Response NewsletterPages::overview_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::see_newsletter)) return forbidden(call);
  auto t = [&](std::string_view key) { return text(call, key); };
  auto overview = newsletters_.overview();
  render::DateFormatter dates(call.settings.language, call.settings.time_zone);
  auto view = frame(call, t("newsletter"));
  view.set("subscriptions", std::to_string(overview.subscriptions));
  view.set("confirmed", std::to_string(overview.confirmed));
  view.set("queued", std::to_string(overview.queued));
  theme::View rows = theme::View::type::list;
  for (const auto& mail : overview.undelivered) {
    theme::View row;
    row.set("recipient", mail.mail.recipient);
    row.set("issue", mail.mail.issue);
    row.set("status", t(mail.status == store::MailStatus::bounced ? "newsletter_bounced"
                                                                  : "newsletter_failed"));
    row.set("attempts", std::to_string(mail.attempts));
    row.set("error", mail.last_error);
    row.set("date", dates.long_date(mail.mail.created_at));
    rows.push_back(row);
  }
  view.set("undelivered", rows);
  view.set("has_undelivered", !overview.undelivered.empty());
  view.set("can_change_settings", auth::can(call.user().role, auth::Capability::manage_settings));
  return page(call, http::Status::ok, "newsletter", view);
}

}  // namespace gazette::newsroom
