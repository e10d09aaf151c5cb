// The first step of every request: which part of Gazette answers it, by path prefix (the
// newsroom, search, feeds…), with the reader site as the fallback for everything else.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http/answer.h"

namespace gazette::http {

class Router {
 public:
  explicit Router(Handler fallback) : fallback_(std::move(fallback)) {}

  /// Sends requests whose path starts with `prefix` to `handler`; the longest prefix wins.
  /// Register during start-up only: routing then reads the table without a lock.
  void add(std::string prefix, Handler handler);

  Answer operator()(const Request& request) const;

 private:
  std::vector<std::pair<std::string, Handler>> routes_;  // longest prefix first
  Handler fallback_;
};

}  // namespace gazette::http
