// apply_mail_settings_change (see mail_settings_change.h).
#include "newsletters/mail_settings_change.h"

#include <charconv>

#include "newsletters/email_address.h"
#include "render/text.h"

namespace gazette::newsletters {

namespace {

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view to_string(MailSettingsProblem problem) {
  switch (problem) {
    case MailSettingsProblem::required:
      return "required";
    case MailSettingsProblem::line_break:
      return "line_break";
    case MailSettingsProblem::invalid_text:
      return "invalid_text";
    case MailSettingsProblem::not_a_port:
      return "not_a_port";
    case MailSettingsProblem::not_an_address:
      return "not_an_address";
    case MailSettingsProblem::not_a_rate:
      return "not_a_rate";
  }
  return "invalid_text";
}

std::vector<MailSettingsRefusal> apply_mail_settings_change(const MailSettingsChange& change,
                                                            store::MailSettings& current) {
  std::vector<MailSettingsRefusal> refusals;
  auto refuse = [&](std::string field, MailSettingsProblem problem) {
    refusals.push_back({std::move(field), problem});
  };
  // A line break first: it is the reason that matters, whatever else is wrong with the value.
  auto text = [&](const char* field, const std::string& value, bool required) {
    if (has_line_break(value))
      refuse(field, MailSettingsProblem::line_break);
    else if (required && value.empty())
      refuse(field, MailSettingsProblem::required);
    else if (value.size() > kMaxMailSettingBytes || render::find_invalid_utf8(value).has_value() ||
             render::has_control_character(value))
      refuse(field, MailSettingsProblem::invalid_text);
    else
      return true;
    return false;
  };
  store::MailSettings next = current;
  if (text("smtp_host", change.smtp_host, true)) {
    if (change.smtp_host.find_first_of(" /@:") != std::string::npos)
      refuse("smtp_host", MailSettingsProblem::invalid_text);
    next.smtp_host = change.smtp_host;
  }
  if (text("smtp_port", change.smtp_port, true)) {
    auto port = whole_number(change.smtp_port);
    if (!port || *port < 1 || *port > 65535)
      refuse("smtp_port", MailSettingsProblem::not_a_port);
    else
      next.smtp_port = *port;
  }
  next.starttls = change.starttls;
  if (text("username", change.username, false)) next.username = change.username;
  if (text("password", change.password, false)) {
    if (change.clear_password)
      next.password.clear();
    else if (!change.password.empty())
      next.password = change.password;
  }
  if (text("from_address", change.from_address, true)) {
    auto address = normalise_email(change.from_address);
    if (!address)
      refuse("from_address", MailSettingsProblem::not_an_address);
    else
      next.from_address = *address;
  }
  if (text("from_name", change.from_name, false)) next.from_name = change.from_name;
  if (text("rate_per_minute", change.rate_per_minute, true)) {
    auto rate = whole_number(change.rate_per_minute);
    if (!rate || *rate <= 0 || *rate > kMaxRatePerMinute)
      refuse("rate_per_minute", MailSettingsProblem::not_a_rate);
    else
      next.rate_per_minute = *rate;
  }
  if (refusals.empty()) current = std::move(next);
  return refusals;
}

}  // namespace gazette::newsletters
