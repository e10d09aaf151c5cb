// Sends one message through the SMTP server of the settings, with libcurl's smtp:// client
// (STARTTLS required unless turned off, AUTH when a user name is set). Says whether the server
// took it, and when not, whether to try again (a connection problem, a 4xx) or not (a 5xx:
// a bounce, the address refused).
#pragma once

#include <string>

#include "store/newsletter_store.h"

namespace gazette::newsletters {

struct SendResult {
  enum class Kind { sent, try_again, refused };
  Kind kind = Kind::sent;
  std::string error;  // what the server or the connection said, one line
  std::string reply;  // the server's last answer ("250 Message accepted"), when it answered
};

/// A slow server is given up after this long and tried again later: a send never holds the
/// sender (and the queue behind it) for long.
inline constexpr long kSmtpTimeoutSeconds = 60;

SendResult send_smtp(const store::MailSettings& settings, const std::string& recipient,
                     const std::string& message);

}  // namespace gazette::newsletters
