// The id of the comment a POST created, read from its 303's Location, as a reader's browser
// would follow it: /comments/ID/received?key=… (held) or …#comment-ID (published).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <regex>

#include "http_client.h"

namespace gazette::testing {

inline std::int64_t posted_comment_id(const HttpResponse& response) {
  std::smatch match;
  auto location = response.header("location");
  if (std::regex_search(location, match, std::regex(R"(/comments/(\d+)/received\?key=)")) ||
      std::regex_search(location, match, std::regex(R"(#comment-(\d+)$)")))
    return std::stoll(match[1]);
  ADD_FAILURE() << "no comment id in Location: " << location;
  return 0;
}

}  // namespace gazette::testing
