// mime_message (see mime_message.h). Every value that reaches a header has been checked or is
// encoded: addresses by normalise_email(), the subject and names as base64 encoded-words, and
// the unsubscribe URL is ours.
#include "newsletters/mime_message.h"

#include <sodium.h>

#include <ctime>

namespace gazette::newsletters {

namespace {

// RFC 2045: encoded lines of at most 76 characters.
constexpr std::size_t kBase64LineLength = 76;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::string base64_lines(std::string_view bytes) {
  auto encoded = base64(bytes);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += kBase64LineLength)
    out += encoded.substr(at, kBase64LineLength) + "\r\n";
  return out;
}

// An RFC 2047 encoded-word; the text is UTF-8 and may hold anything but is never read as
// header syntax.
std::string encoded_word(std::string_view text) {
  return "=?UTF-8?B?" + base64(text) + "?=";
}

std::string rfc5322_date(content::Timestamp now) {
  std::time_t seconds = now.time_since_epoch().count();
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return text;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

}  // namespace

std::string mime_message(const store::QueuedMail& queued, const Envelope& envelope,
                         content::Timestamp now) {
  const auto& mail = queued.mail;
  auto boundary = "gazette-" + random_hex(12);
  std::string out;
  out += "From: " + (envelope.from_name.empty() ? "" : encoded_word(envelope.from_name) + " ") +
         "<" + envelope.from_address + ">\r\n";
  out += "To: <" + mail.recipient + ">\r\n";
  out += "Subject: " + encoded_word(mail.subject) + "\r\n";
  out += "Date: " + rfc5322_date(now) + "\r\n";
  out += "Message-ID: <" + std::to_string(queued.id) + "." + random_hex(8) + "@" +
         envelope.message_id_domain + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (!mail.unsubscribe_url.empty()) {
    // RFC 8058: a mail client's "unsubscribe" button POSTs "List-Unsubscribe=One-Click" to the
    // URL, with no cookie and no page to read.
    out += "List-Unsubscribe: <" + mail.unsubscribe_url + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(mail.text_body);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(mail.html_body);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace gazette::newsletters
