// The signed timestamp a comment form carries: when the reader got the form, signed with the
// site key, so the server can tell a form filled faster than a person types (a script) or long
// ago (scraped and replayed) without storing anything per visitor. A random part makes each
// token one of a kind, so that a used one can be remembered and refused (see CommentService).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "comments/site_key.h"
#include "content/types.h"

namespace gazette::comments {

/// Why a form token is refused.
enum class TokenProblem { missing, forged, too_fast, too_old };

/// The outcome of checking a token: no problem, or which, and the form's age for the log.
struct TokenCheck {
  std::optional<TokenProblem> problem;
  std::int64_t age_seconds = 0;
  /// When the token was handed out (meaningful when it is ours).
  content::Timestamp issued_at{};
};

class FormTokens {
 public:
  explicit FormTokens(const SiteKey& key) : key_(key) {}

  /// A token saying "this form was handed out at `now`": "UNIXTIME.NONCE.MAC", NONCE random.
  std::string issue(content::Timestamp now) const;

  /// Checks `token` at `now`: it must be ours and at least `min_seconds`, at most `max_seconds`
  /// old. (Whether it was used already is the comment store's to say.)
  TokenCheck check(std::string_view token, content::Timestamp now, std::int64_t min_seconds,
                   std::int64_t max_seconds) const;

 private:
  const SiteKey& key_;
};

}  // namespace gazette::comments
