// A change of the SMTP settings as the newsroom's form sends it (every field text, the password
// only when typed), and the checks it must pass before anything is saved: a port, an address a
// server accepts as MAIL FROM, a rate above zero, and no line break anywhere — a CR or LF in a
// value written into an SMTP command or a header would let it say more than it should.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/newsletter_store.h"

namespace gazette::newsletters {

struct MailSettingsChange {
  std::string smtp_host, smtp_port, username, from_address, from_name, rate_per_minute;
  bool starttls = true;
  std::string password;         // empty: keep the current one
  bool clear_password = false;  // the form's « remove the password » box
};

enum class MailSettingsProblem {
  required,
  line_break,
  invalid_text,
  not_a_port,
  not_an_address,
  not_a_rate
};

struct MailSettingsRefusal {
  std::string field;  // the form field's name ("smtp_port")
  MailSettingsProblem problem;
};

/// A host name or a value of the form is no longer than this.
inline constexpr std::size_t kMaxMailSettingBytes = 320;
/// More than a provider lets anyone send: a typing slip, not a rate.
inline constexpr std::int64_t kMaxRatePerMinute = 100000;

/// `change` applied to `current`, or every field that is wrong (and `current` untouched).
std::vector<MailSettingsRefusal> apply_mail_settings_change(const MailSettingsChange& change,
                                                            store::MailSettings& current);

std::string_view to_string(MailSettingsProblem problem);

}  // namespace gazette::newsletters
