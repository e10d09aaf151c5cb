// The links a subscriber receives, signed with the site key so that nobody can confirm or end
// somebody else's subscription by guessing a number: the confirmation link (good for
// kConfirmationDays) and the manage/unsubscribe link (good for as long as the mails that carry
// it are read: it never expires).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "comments/site_key.h"
#include "content/types.h"
#include "store/newsletter_store.h"

namespace gazette::newsletters {

/// Every newsletter path starts with this.
inline constexpr std::string_view kNewsletterPrefix = "/newsletter/";
inline constexpr std::string_view kSubscribePath = "/newsletter/subscribe";
inline constexpr std::string_view kConfirmPath = "/newsletter/confirm";
inline constexpr std::string_view kManagePath = "/newsletter/manage";

/// A week: long enough for a reader back from a weekend, short enough that an old mail found
/// in a stranger's inbox no longer confirms anything.
inline constexpr std::chrono::days kConfirmationDays{7};

enum class LinkProblem { forged, expired };

class SubscriptionLinks {
 public:
  explicit SubscriptionLinks(const comments::SiteKey& key) : key_(key) {}

  /// "/newsletter/confirm?s=ID&e=EXPIRES&m=MAC", good until `now` + kConfirmationDays.
  std::string confirm_path(store::SubscriptionId id, content::Timestamp now) const;
  /// The subscription a confirmation link names, or why it is refused.
  struct Confirmation {
    std::optional<store::SubscriptionId> id;
    std::optional<LinkProblem> problem;
  };
  Confirmation check_confirmation(std::string_view id, std::string_view expires,
                                  std::string_view mac, content::Timestamp now) const;

  /// "/newsletter/manage?a=ADDRESS&m=MAC": the page to see and end one's subscriptions, and the
  /// one-click unsubscribe address (RFC 8058) of every message.
  std::string manage_path(std::string_view email) const;
  bool is_manage_link(std::string_view email, std::string_view mac) const;

 private:
  const comments::SiteKey& key_;
};

}  // namespace gazette::newsletters
