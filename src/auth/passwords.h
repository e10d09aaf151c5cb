// Passwords: argon2id hashes (libsodium's crypto_pwhash_str, salt and cost inside the string)
// and the passwords Gazette generates when nobody typed one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::auth {

/// Shorter passwords are refused: ten characters is the least a guessable word-plus-digits
/// scheme cannot satisfy by accident.
constexpr std::size_t kMinPasswordLength = 10;
/// Longer input is refused before hashing, so nobody makes the server hash megabytes.
constexpr std::size_t kMaxPasswordLength = 1024;

/// Why a password cannot be used, or nullopt when it can.
std::optional<std::string> password_problem(std::string_view password);

/// The argon2id hash of `password`, as a self-describing string to store.
std::string hash_password(std::string_view password);

/// Whether `password` matches `hash` (constant time in the password).
bool verify_password(std::string_view password, std::string_view hash);

/// A random password of 20 characters from an unambiguous alphabet (about 115 bits).
std::string generate_password();

/// `bytes` random bytes as unpadded base64url: tokens for cookies and forms.
std::string random_token(std::size_t bytes);
/// Whether `token` has the shape random_token(bytes) gives (its length, base64url characters):
/// anything else was not made here and is not worth looking up.
bool is_random_token(std::string_view token, std::size_t bytes);

}  // namespace gazette::auth
