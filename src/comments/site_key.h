// The site's comment key: signs what the server hands a reader and must recognise later (form
// timestamps, the link to a comment awaiting moderation, avatar names) without storing anything.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::comments {

class SiteKey {
 public:
  /// `secret_hex`: the key as the comment Store keeps it (hex of kSecretBytes random bytes).
  explicit SiteKey(std::string_view secret_hex);

  /// A fresh random key in hex, for a site that has none yet.
  static std::string generate_hex();

  /// HMAC-SHA-256 of `message` under this key, for `purpose` only (a MAC for one purpose is
  /// never valid for another), cut to `bytes` bytes, in hex.
  std::string sign(std::string_view purpose, std::string_view message, std::size_t bytes) const;
  /// Whether `mac_hex` is sign(purpose, message, its length), compared in constant time.
  bool verify(std::string_view purpose, std::string_view message, std::string_view mac_hex) const;

  /// 256 bits: the size HMAC-SHA-256 is designed for.
  static constexpr std::size_t kSecretBytes = 32;

 private:
  std::string key_;  // raw bytes
};

}  // namespace gazette::comments
