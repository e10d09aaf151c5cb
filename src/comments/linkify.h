// Links in a reader's plain text: finds the web addresses a person typed and turns them into
// <a rel="nofollow ugc noopener"> with everything else escaped. Only http(s) and www. addresses
// become links, so "javascript:" and the like stay text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::comments {

/// A web address found in text: bytes [begin, end) and the URL it points to.
struct FoundLink {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string href;  // "www.x.fr" becomes "https://www.x.fr"
};

/// The web addresses in `text`, in order. Trailing punctuation ("see http://x.fr.") is not part
/// of an address, nor is a closing parenthesis the address did not open.
std::vector<FoundLink> find_links(std::string_view text);

/// `text` escaped for HTML, each address found a link that search engines do not follow.
std::string linkify_html(std::string_view text);

}  // namespace gazette::comments
