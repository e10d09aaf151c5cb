// A queued message as the bytes an SMTP server receives (RFC 5322 with MIME): multipart/
// alternative with a plain-text and an HTML part, each base64 (any UTF-8, any line length),
// the subject and sender's name as RFC 2047 words, and the RFC 8058 one-click unsubscribe
// headers when the message has a manage link.
#pragma once

#include <string>

#include "content/types.h"
#include "store/newsletter_store.h"

namespace gazette::newsletters {

struct Envelope {
  std::string from_address;
  std::string from_name;
  std::string message_id_domain;  // the right-hand side of Message-ID
};

std::string mime_message(const store::QueuedMail& queued, const Envelope& envelope,
                         content::Timestamp now);

}  // namespace gazette::newsletters
