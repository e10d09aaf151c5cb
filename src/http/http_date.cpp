// Cached Date header values (see http_date.h).
#include "http/http_date.h"

#include <ctime>

namespace gazette::http {

std::string_view http_date_now() {
  // Per-thread memo of a pure function of the current second: no sharing, no lock.
  thread_local std::time_t formatted_second = 0;
  thread_local char text[32];
  thread_local std::size_t length = 0;
  std::time_t now = std::time(nullptr);
  if (now != formatted_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    formatted_second = now;
  }
  return {text, length};
}

}  // namespace gazette::http
