// /newsroom/newsletter/settings and its test message (see newsletter_pages.h): the SMTP settings
// `gazette newsletter settings` writes, changed through NewsletterService. The password is never
// written into the page.
#include "newsroom/newsletter_pages.h"

namespace gazette::newsroom {

namespace {

std::string reason_key(newsletters::MailSettingsProblem problem) {
  using newsletters::MailSettingsProblem;
  switch (problem) {
    case MailSettingsProblem::required:
      return "err_required";
    case MailSettingsProblem::line_break:
      return "err_line_break";
    case MailSettingsProblem::not_a_port:
      return "err_smtp_port";
    case MailSettingsProblem::not_an_address:
      return "err_email";
    case MailSettingsProblem::not_a_rate:
      return "err_mail_rate";
    case MailSettingsProblem::invalid_text:
      break;
  }
  return "err_invalid_text";
}

// The stored settings as the form shows them (no password: it never goes into the page).
newsletters::MailSettingsChange as_form(const store::MailSettings& stored) {
  return {.smtp_host = stored.smtp_host,
          .smtp_port = std::to_string(stored.smtp_port),
          .username = stored.username,
          .from_address = stored.from_address,
          .from_name = stored.from_name,
          .rate_per_minute = std::to_string(stored.rate_per_minute),
          .starttls = stored.starttls};
}

}  // namespace

http::Response NewsletterPages::settings_page(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  auto shown = as_form(newsletters_.mail_settings());
  std::vector<FieldError> errors;
  if (call.is_post) {
    newsletters::MailSettingsChange change{
        .smtp_host = std::string(render::trim(call.form.get("smtp_host"))),
        .smtp_port = std::string(render::trim(call.form.get("smtp_port"))),
        .username = call.form.get("username"),
        .from_address = std::string(render::trim(call.form.get("from_address"))),
        .from_name = call.form.get("from_name"),
        .rate_per_minute = std::string(render::trim(call.form.get("rate_per_minute"))),
        .starttls = call.form.get("starttls") == "1",
        .password = call.form.get("password"),
        .clear_password = call.form.get("clear_password") == "1"};
    auto refusals = newsletters_.change_mail_settings(change);
    if (refusals.empty())
      return see_other(call, "/newsroom/newsletter/settings?notice=settings_saved");
    for (const auto& refusal : refusals)
      errors.push_back({refusal.field, "nl_" + refusal.field, reason_key(refusal.problem)});
    change.password.clear();  // what was typed is not sent back either
    shown = std::move(change);
  }
  return settings_form(call, shown, errors, {});
}

http::Response NewsletterPages::test_message(Call& call) {
  if (!auth::can(call.user().role, auth::Capability::manage_settings)) return forbidden(call);
  if (!call.is_post) return not_found(call);
  auto shown = as_form(newsletters_.mail_settings());
  TestResult result;
  result.to = std::string(render::trim(call.form.get("test_to")));
  auto outcome = newsletters_.send_test_message(result.to, {call.settings, ""});
  if (outcome.invalid_address)
    return settings_form(call, shown, {{"test_to", "nl_test_to", "err_email"}}, result);
  result.done = true;
  result.sent = outcome.sent;
  result.answer = outcome.answer;
  return settings_form(call, shown, {}, result);
}

http::Response NewsletterPages::settings_form(Call& call,
                                              const newsletters::MailSettingsChange& values,
                                              const std::vector<FieldError>& errors,
                                              const TestResult& test) {
  auto t = [&](std::string_view key) { return text(call, key); };
  auto view = frame(call, t("nl_settings"));
  view.set("has_errors", !errors.empty());
  view.set("errors", errors_view(errors, t));
  for (const auto& error : errors) view.set("invalid_" + error.field, true);
  view.set("csrf", call.session->csrf_token);
  view.set("smtp_host", values.smtp_host);
  view.set("smtp_port", values.smtp_port);
  view.set("starttls", values.starttls);
  view.set("username", values.username);
  view.set("has_password", !newsletters_.mail_settings().password.empty());
  view.set("from_address", values.from_address);
  view.set("from_name", values.from_name);
  view.set("rate_per_minute", values.rate_per_minute);
  view.set("test_to", test.to.empty() ? call.user().email : test.to);
  view.set("test_done", test.done);
  view.set("test_sent", test.sent);
  view.set("test_answer", test.answer);
  return page(call, errors.empty() ? http::Status::ok : http::Status::unprocessable_entity,
              "newsletter_settings", view);
}

}  // namespace gazette::newsroom
