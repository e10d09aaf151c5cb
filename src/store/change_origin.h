// The name a process writes on its change-log rows, so that its change feed skips its own.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace gazette::store {

/// 64 random bits in hex: two processes, on one machine or several, never share an origin.
inline std::string random_change_origin() {
  std::random_device random;
  std::uint64_t bits = (std::uint64_t{random()} << 32) | random();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string origin(16, '0');
  for (auto& digit : origin) {
    digit = kHex[bits & 0xF];
    bits >>= 4;
  }
  return origin;
}

}  // namespace gazette::store
