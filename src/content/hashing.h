// Content hashes in hex, for names and validators that must change whenever bytes do
// (media names, asset names, ETags). libsodium does the hashing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::content {

/// The SHA-256 of `bytes`: 64 hex digits.
std::string sha256_hex(std::string_view bytes);

/// A BLAKE2b hash of `bytes` cut to `digest_bytes` bytes (2 × that many hex digits): short
/// names for versions of one thing, where collisions between versions are what matters.
std::string short_hash_hex(std::string_view bytes, std::size_t digest_bytes);

}  // namespace gazette::content
