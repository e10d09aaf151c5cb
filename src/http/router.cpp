// Prefix routing (see router.h).
#include "http/router.h"

#include <algorithm>

namespace gazette::http {

void Router::add(std::string prefix, Handler handler) {
  routes_.emplace_back(std::move(prefix), std::move(handler));
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Answer Router::operator()(const Request& request) const {
  std::string_view target = request.target();
  for (const auto& [prefix, handler] : routes_) {
    if (target.starts_with(prefix)) return handler(request);
  }
  return fallback_(request);
}

}  // namespace gazette::http
