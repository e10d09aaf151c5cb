// A map from a page's cache key (its Host and target, joined) to what is kept for it, looked up
// by string_view with C++20's transparent lookup: a hit builds no std::string.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette::cache {

struct PageKeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const noexcept {
    return std::hash<std::string_view>{}(key);
  }
};

template <class Value>
using PagesByKey = std::unordered_map<std::string, Value, PageKeyHash, std::equal_to<>>;

}  // namespace gazette::cache
