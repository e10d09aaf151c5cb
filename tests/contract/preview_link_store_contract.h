// The contract of store::PreviewLinkStore: a link is found by its token's hash, revoked once
// (and only for its own article), listed with its article, and gone with it.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class PreviewLinkStoreContract : public ContractTest<BackendType> {
 protected:
  content::ArticleId an_article(const std::string& slug) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, article_draft(slug, slug), kNow).id;
    });
  }
  std::int64_t create(content::ArticleId article, const std::string& hash,
                      const std::string& label) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().preview_links().create_link(write, article, hash, label, kNow);
    });
  }
  bool revoke(content::ArticleId article, std::int64_t id) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().preview_links().revoke_link(write, article, id, kNow + kMinute);
    });
  }
};
TYPED_TEST_SUITE_P(PreviewLinkStoreContract);

TYPED_TEST_P(PreviewLinkStoreContract, ALinkIsFoundByItsTokenHashWithWhatWasSaid) {
  auto article = this->an_article("embargo");
  auto id = this->create(article, "ab12", "AFP « Beyrouth » <b>");
  auto found = this->backend().preview_links().find_link("ab12");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->article, article);
  EXPECT_EQ(found->label, "AFP « Beyrouth » <b>");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(found->revoked_at);
  EXPECT_FALSE(this->backend().preview_links().find_link("AB12"));
  EXPECT_FALSE(this->backend().preview_links().find_link(""));
}

TYPED_TEST_P(PreviewLinkStoreContract, ALinkIsRevokedOnceAndOnlyThroughItsArticle) {
  auto article = this->an_article("embargo");
  auto other = this->an_article("autre");
  auto id = this->create(article, "ab12", "partenaire");
  EXPECT_FALSE(this->revoke(other, id));
  EXPECT_FALSE(this->backend().preview_links().find_link("ab12")->revoked_at);
  EXPECT_TRUE(this->revoke(article, id));
  EXPECT_EQ(this->backend().preview_links().find_link("ab12")->revoked_at, kNow + kMinute);
  EXPECT_FALSE(this->revoke(article, id));
}

TYPED_TEST_P(PreviewLinkStoreContract, AnArticlesLinksAreListedOldestFirstAndGoWithIt) {
  auto article = this->an_article("embargo");
  auto other = this->an_article("autre");
  this->create(article, "h1", "un");
  this->create(other, "h2", "deux");
  this->create(article, "h3", "trois");
  auto links = this->backend().preview_links().links_of(article);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].label, "un");
  EXPECT_EQ(links[1].label, "trois");
  this->committed([&](store::WriteTransaction& write) {
    this->backend().editorial().delete_article(write, article, kNow);
  });
  EXPECT_TRUE(this->backend().preview_links().links_of(article).empty());
  EXPECT_FALSE(this->backend().preview_links().find_link("h1"));
  EXPECT_TRUE(this->backend().preview_links().find_link("h2"));
}

REGISTER_TYPED_TEST_SUITE_P(PreviewLinkStoreContract, ALinkIsFoundByItsTokenHashWithWhatWasSaid,
                            ALinkIsRevokedOnceAndOnlyThroughItsArticle,
                            AnArticlesLinksAreListedOldestFirstAndGoWithIt);

}  // namespace gazette::contract
