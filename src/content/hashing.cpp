// Hex content hashes with libsodium (see hashing.h).
#include "content/hashing.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace gazette::content {

namespace {
// libsodium must be initialised before use; after the first call this is a cheap check, and it
// keeps every caller (tests included) from depending on start-up order.
void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string short_hash_hex(std::string_view bytes, std::size_t digest_bytes) {
  // libsodium makes digests of 16 bytes or more; a shorter name is a prefix of one.
  if (digest_bytes == 0 || digest_bytes > crypto_generichash_BYTES_MAX)
    throw std::invalid_argument("short_hash_hex: digest size out of range");
  ensure_sodium();
  std::vector<unsigned char> digest(
      std::max<std::size_t>(digest_bytes, crypto_generichash_BYTES_MIN));
  if (crypto_generichash(digest.data(), digest.size(),
                         reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                         nullptr, 0) != 0)
    throw std::runtime_error("short_hash_hex: hashing failed");
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.resize(digest_bytes * 2);
  return hex;
}

}  // namespace gazette::content
