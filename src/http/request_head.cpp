// Reading a parsed request's head in one pass (see request_head.h).
#include "http/request_head.h"

#include <iterator>

#include "http/cookies.h"

namespace gazette::http {

RequestHead head_of(const Request& request) {
  RequestHead head;
  head.method = request.method();
  head.target = request.target();
  head.version = request.version();
  head.keep_alive = request.keep_alive();
  // One walk over the fields instead of a lookup per field (each compares names without regard
  // to case along Beast's tree), from the last to the first: the first of repeated fields is
  // written last and wins, as in a lookup.
  for (auto field = std::make_reverse_iterator(request.end());
       field != std::make_reverse_iterator(request.begin()); ++field) {
    switch (field->name()) {
      case beast_http::field::host:
        head.host = field->value();
        break;
      case beast_http::field::accept_encoding:
        head.accept_encoding = field->value();
        break;
      case beast_http::field::if_none_match:
        head.if_none_match = field->value();
        break;
      case beast_http::field::if_modified_since:
        head.if_modified_since = field->value();
        break;
      case beast_http::field::cookie:
        if (cookie_in(field->value(), kSessionCookie)) head.has_session_cookie = true;
        break;
      case beast_http::field::authorization:
        head.has_authorization = true;
        break;
      default:
        break;
    }
  }
  return head;
}

}  // namespace gazette::http
