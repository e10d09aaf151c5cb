// SiteKey: HMAC-SHA-256 from libsodium (see site_key.h).
#include "comments/site_key.h"

#include <sodium.h>

#include <stdexcept>

namespace gazette::comments {

SiteKey::SiteKey(std::string_view secret_hex) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  key_.resize(kSecretBytes);
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(key_.data()), key_.size(), secret_hex.data(),
                     secret_hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kSecretBytes)
    throw std::runtime_error("the stored comment key is not " + std::to_string(kSecretBytes) +
                             " bytes of hex");
}

std::string SiteKey::generate_hex() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[kSecretBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[kSecretBytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::string SiteKey::sign(std::string_view purpose, std::string_view message,
                          std::size_t bytes) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  // The purpose and a separator first: "form|123" can never be read as another purpose's message.
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(purpose.data()),
                                purpose.size());
  const unsigned char separator = 0;
  crypto_auth_hmacsha256_update(&state, &separator, 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  if (bytes > sizeof mac) bytes = sizeof mac;
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac, bytes);
  hex.pop_back();
  return hex;
}

bool SiteKey::verify(std::string_view purpose, std::string_view message,
                     std::string_view mac_hex) const {
  if (mac_hex.empty() || mac_hex.size() % 2 != 0 ||
      mac_hex.size() > crypto_auth_hmacsha256_BYTES * 2)
    return false;
  auto expected = sign(purpose, message, mac_hex.size() / 2);
  return sodium_memcmp(expected.data(), mac_hex.data(), expected.size()) == 0;
}

}  // namespace gazette::comments
