// Response constructors used by every handler.
#include "http/message.h"

namespace gazette::http {

Response make_response(const Request& request, Status status, std::string content_type,
                       std::string body) {
  Response response{status, request.version()};
  response.set(beast_http::field::server, "Gazette");
  response.set(beast_http::field::content_type, content_type);
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

Response make_redirect(const Request& request, const LocalPath& location, Status status) {
  std::string_view verb = status == Status::moved_permanently ? "Moved to " : "See ";
  auto response = make_response(request, status, "text/plain; charset=utf-8",
                                std::string(verb) + location.text() + "\n");
  response.set(beast_http::field::location, location.text());
  return response;
}

}  // namespace gazette::http
