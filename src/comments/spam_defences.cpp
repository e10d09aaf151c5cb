// Content and origin checks of the spam defences (see spam_defences.h).
#include "comments/spam_defences.h"

#include <unicode/unistr.h>

#include "comments/linkify.h"
#include "render/text.h"

namespace gazette::comments {

namespace {

std::string fold_case(std::string_view text) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(folded);
  return folded;
}

}  // namespace

std::size_t count_links(std::string_view body) {
  return find_links(body).size();
}

std::optional<std::string> find_blocked_word(const CheckedComment& comment,
                                             const std::vector<std::string>& words) {
  std::string haystack =
      fold_case(comment.name + "\n" + comment.email + "\n" + comment.website + "\n" + comment.body);
  for (const auto& word : words) {
    auto needle = fold_case(render::trim(word));
    if (!needle.empty() && haystack.find(needle) != std::string::npos) return word;
  }
  return std::nullopt;
}

std::optional<std::string> find_blocked_address(std::string_view email, std::string_view ip,
                                                const std::vector<std::string>& addresses) {
  auto folded_email = fold_case(email);
  for (const auto& entry : addresses) {
    auto address = std::string(render::trim(entry));
    if (address.empty()) continue;
    if (address.front() == '@') {
      auto domain = fold_case(address);
      if (folded_email.ends_with(domain)) return entry;
    } else if (address.find('@') != std::string::npos) {
      if (fold_case(address) == folded_email) return entry;
    } else if (address == ip ||
               ((address.back() == '.' || address.back() == ':') && ip.starts_with(address))) {
      return entry;
    }
  }
  return std::nullopt;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           bool trust_forwarded_for) {
  if (trust_forwarded_for) {
    // The proxy appends the address it saw last; earlier ones are whatever the client claimed.
    auto last = forwarded_for.substr(
        forwarded_for.rfind(',') == std::string_view::npos ? 0 : forwarded_for.rfind(',') + 1);
    auto address = render::trim(last);
    if (!address.empty()) return std::string(address);
  }
  return std::string(peer);
}

}  // namespace gazette::comments
