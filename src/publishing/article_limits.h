// Limits of an article's parts, shared by every writer that takes them from a person or a
// program (the newsroom's editor, the Content API): generous for news writing and far below
// what would hurt.
#pragma once

#include <cstddef>

namespace gazette::publishing {

constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::size_t kMaxLeadBytes = 2000;
constexpr std::size_t kMaxBodyBytes = 512 * 1024;
constexpr std::size_t kMaxCaptionBytes = 500;  // a photo's caption, and its alt text
constexpr std::size_t kMaxCreditBytes = 200;   // a photo's credit: a name or an agency
constexpr std::size_t kMaxTermBytes = 100;
constexpr std::size_t kMaxTermsPerKind = 30;

}  // namespace gazette::publishing
