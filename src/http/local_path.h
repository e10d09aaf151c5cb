// A path on this site, the only thing a redirect's Location may hold: every redirect of the
// reader site, the comments and the newsroom is built from one (see make_redirect).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::http {

/// Longer than any path of ours (slugs are cut at 200 bytes) and within what every browser and
/// proxy accepts in a URL (about 2,000 characters), so a Location header stays small.
inline constexpr std::size_t kMaxLocalPathBytes = 2048;

class LocalPath {
 public:
  /// `text` as a path on this site, or nullopt. It must start with one '/' ("//host" and "/\host"
  /// are read by browsers as another host), hold only the characters a URI's path, query and
  /// fragment may hold (no space, no control character, no backslash, nothing outside ASCII:
  /// nothing can end the header or be read two ways), with every '%' starting an escape, and be
  /// at most kMaxLocalPathBytes long.
  static std::optional<LocalPath> parse(std::string_view text);
  /// `text`, built by our code from parts already checked (ids, slugs, encoded values); a text
  /// that is not a local path is a bug, thrown as std::logic_error (a logged 500).
  static LocalPath checked(std::string_view text);

  const std::string& text() const { return text_; }

 private:
  explicit LocalPath(std::string_view text) : text_(text) {}
  std::string text_;
};

}  // namespace gazette::http
