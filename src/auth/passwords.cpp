// Argon2id through libsodium (see passwords.h).
#include "auth/passwords.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace gazette::auth {

namespace {

// libsodium's "interactive" cost: 64 MiB and about a tenth of a second, the recommended
// setting for sign-in on a server; the cost is stored in each hash, so it can grow later.
constexpr auto kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// No 0/O, 1/l/I: a generated password is read off a terminal and typed again.
constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kGeneratedLength = 20;

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return "at least " + std::to_string(kMinPasswordLength) + " characters";
  if (password.size() > kMaxPasswordLength)
    return "at most " + std::to_string(kMaxPasswordLength) + " characters";
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return hash;
}

bool verify_password(std::string_view password, std::string_view hash) {
  ensure_sodium();
  if (password.size() > kMaxPasswordLength) return false;
  std::string stored(hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

std::string generate_password() {
  ensure_sodium();
  std::string password;
  for (std::size_t i = 0; i < kGeneratedLength; ++i)
    password += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  return password;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                      '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool is_random_token(std::string_view token, std::size_t bytes) {
  if (token.size() + 1 !=
      sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
    return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

}  // namespace gazette::auth
