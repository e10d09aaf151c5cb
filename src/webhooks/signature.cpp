// signature and new_secret with libsodium (see signature.h).
#include "webhooks/signature.h"

#include <array>
#include <stdexcept>

#include <sodium.h>

namespace gazette::webhooks {

namespace {

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string text(size * 2, '\0');
  sodium_bin2hex(text.data(), text.size() + 1, bytes, size);
  return text;
}

}  // namespace

std::string signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  auto update = [&state](std::string_view part) {
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                  part.size());
  };
  update(timestamp);
  update(".");
  update(body);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  return "sha256=" + hex(mac.data(), mac.size());
}

std::string new_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return hex(bytes.data(), bytes.size());
}

}  // namespace gazette::webhooks
