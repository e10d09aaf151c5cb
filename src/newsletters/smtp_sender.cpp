// send_smtp with libcurl (see smtp_sender.h). curl_global_init is called once by the
// dispatcher's constructor (MailDispatcher), before any thread sends.
#include "newsletters/smtp_sender.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace gazette::newsletters {

namespace {

struct Upload {
  const std::string& bytes;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  auto room = size * count;
  auto left = upload->bytes.size() - upload->offset;
  auto n = left < room ? left : room;
  std::memcpy(buffer, upload->bytes.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// Keeps the server's last answer line: libcurl reports a success without its text, and the
// newsroom's test message shows the server's own words.
int keep_reply(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) *static_cast<std::string*>(user) = std::move(line);
  return 0;
}

}  // namespace

SendResult send_smtp(const store::MailSettings& settings, const std::string& recipient,
                     const std::string& message) {
  if (settings.smtp_host.empty() || settings.from_address.empty())
    return {SendResult::Kind::try_again, "no SMTP server or sender address in the settings"};
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {SendResult::Kind::try_again, "libcurl could not start"};
  auto url = "smtp://" + settings.smtp_host + ":" + std::to_string(settings.smtp_port);
  auto from = "<" + settings.from_address + ">";
  auto to = "<" + recipient + ">";
  curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients_guard(recipients,
                                                                               curl_slist_free_all);
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {0};
  std::string reply;
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, keep_reply);
  curl_easy_setopt(handle, CURLOPT_DEBUGDATA, &reply);
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);  // only calls keep_reply: nothing printed
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_USE_SSL, settings.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE);
  if (!settings.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings.password.c_str());
  }
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, kSmtpTimeoutSeconds);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  auto code = curl_easy_perform(handle);
  if (code == CURLE_OK) return {SendResult::Kind::sent, "", reply};
  long response = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response);
  std::string text = error[0] ? error : curl_easy_strerror(code);
  if (response > 0) text = std::to_string(response) + " " + text;
  // 5xx: the server refused for good (no such mailbox, rejected): a bounce, not tried again.
  // A refused sign-in is our settings' fault, not the address's: tried again once fixed.
  bool permanent = response >= 500 && response < 600 && code != CURLE_LOGIN_DENIED;
  return {permanent ? SendResult::Kind::refused : SendResult::Kind::try_again, text, reply};
}

}  // namespace gazette::newsletters
