// The spam defences that look at a comment's content and origin: links, word and address
// blocklists, and which address a comment comes from. (The signed form timestamp is in
// form_token.h; the rate limit, duplicates and the honeypot are decided by CommentService.)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "comments/comment_form.h"

namespace gazette::comments {

/// How many web addresses `body` holds (as the linkifier finds them).
std::size_t count_links(std::string_view body);

/// The first entry of `words` found in the comment's name, e-mail, website or text, compared
/// without regard to case (Unicode case folding, so "ÉTÉ" matches "été").
std::optional<std::string> find_blocked_word(const CheckedComment& comment,
                                             const std::vector<std::string>& words);

/// The first entry of `addresses` matching the comment's origin: an IP address equal to `ip`,
/// a prefix of it ending in '.' or ':' ("203.0.113."), an e-mail equal to `email`, or "@domain"
/// matching its domain.
std::optional<std::string> find_blocked_address(std::string_view email, std::string_view ip,
                                                const std::vector<std::string>& addresses);

/// The client's address: `peer` (the socket's), or, when `trust_forwarded_for` is set because a
/// reverse proxy stands in front, the last address of its X-Forwarded-For header.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           bool trust_forwarded_for);

}  // namespace gazette::comments
