// PreviewLinkService (see preview_link_service.h).
#include "publishing/preview_link_service.h"

#include "auth/passwords.h"
#include "content/hashing.h"

namespace gazette::publishing {

namespace {

// 256 bits: a live link cannot be guessed.
constexpr std::size_t kTokenBytes = 32;

}  // namespace

bool PreviewLinkService::under_embargo(const content::Article& article, content::Timestamp now) {
  return (article.status == content::ArticleStatus::scheduled ||
          article.status == content::ArticleStatus::published) &&
         article.summary.published_at > now;
}

std::optional<NewPreviewLink> PreviewLinkService::create(content::ArticleId id,
                                                         std::string_view label) {
  auto now = clock_.now();
  auto found = editorial_.find_article(id);
  if (!found || !under_embargo(found->article, now)) return std::nullopt;
  if (label.size() > kMaxPreviewLabelBytes) return std::nullopt;  // the form says so first
  NewPreviewLink link;
  link.token = auth::random_token(kTokenBytes);
  link.id = write_path_.run([&](store::WriteTransaction& write) {
    return links_.create_link(write, id, content::sha256_hex(link.token), label, now);
  });
  return link;
}

bool PreviewLinkService::revoke(content::ArticleId id, std::int64_t link) {
  auto now = clock_.now();
  return write_path_.run(
      [&](store::WriteTransaction& write) { return links_.revoke_link(write, id, link, now); });
}

std::optional<EmbargoedArticle> PreviewLinkService::open(std::string_view token) {
  if (!auth::is_random_token(token, kTokenBytes)) return std::nullopt;
  auto link = links_.find_link(content::sha256_hex(token));
  if (!link || link->revoked_at) return std::nullopt;
  auto found = editorial_.find_article(link->article);
  auto now = clock_.now();
  if (!found || !under_embargo(found->article, now)) return std::nullopt;
  auto until = found->article.summary.published_at;
  return EmbargoedArticle{std::move(found->article), until};
}

}  // namespace gazette::publishing
