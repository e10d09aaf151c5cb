// Embargo preview links: what an editor hands a partner to read a scheduled article before its
// time. Only the SHA-256 of a link's token is stored; a link is dead once revoked (or, above
// the store, once its article is public).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/types.h"
#include "store/write_transaction.h"

namespace gazette::store {

struct PreviewLink {
  std::int64_t id = 0;
  content::ArticleId article{};
  std::string token_hash;  // hex SHA-256 of the token in the link
  std::string label;       // who it was given to, for the editor's list
  content::Timestamp created_at{};
  std::optional<content::Timestamp> revoked_at;
};

class PreviewLinkStore {
 public:
  virtual ~PreviewLinkStore() = default;

  /// Records a new link for `article`; returns its id.
  virtual std::int64_t create_link(WriteTransaction& write, content::ArticleId article,
                                   std::string_view token_hash, std::string_view label,
                                   content::Timestamp now) = 0;
  /// Marks link `id` of `article` revoked at `now`; false when there is no such live link.
  virtual bool revoke_link(WriteTransaction& write, content::ArticleId article, std::int64_t id,
                           content::Timestamp now) = 0;
  /// The link whose token hashes to `token_hash`, revoked or not.
  virtual std::optional<PreviewLink> find_link(std::string_view token_hash) = 0;
  /// Every link of `article`, oldest first.
  virtual std::vector<PreviewLink> links_of(content::ArticleId article) = 0;
};

}  // namespace gazette::store
