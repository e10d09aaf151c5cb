// The contract of store::TermStore: sections created once per slug, labels renamed (never onto
// another's slug), merged and deleted with the articles they leave, tag suggestions by prefix
// and use, author profiles.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class TermStoreContract : public ContractTest<BackendType> {
 protected:
  content::ArticleId publish(const std::string& slug, std::vector<content::Term> tags,
                             std::vector<content::Term> categories = {}) {
    auto draft = article_draft(slug, slug);
    draft.tags = std::move(tags);
    draft.categories = std::move(categories);
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().content().save_article(write, draft, kNow).id;
    });
  }
  std::vector<std::string> names(const std::vector<content::Term>& terms) {
    std::vector<std::string> names;
    for (const auto& term : terms) names.push_back(term.name);
    return names;
  }
};
TYPED_TEST_SUITE_P(TermStoreContract);

TYPED_TEST_P(TermStoreContract, ASectionIsCreatedOncePerSlugAndChangedOnlyWhenItExists) {
  auto& terms = this->backend().terms();
  auto save = [&](std::string_view slug, std::string_view name, bool create) {
    return this->committed([&](store::WriteTransaction& write) {
      return terms.save_section(write, slug, name, "Des idées 💡", create);
    });
  };
  EXPECT_TRUE(save("idees", "Idées", true));
  EXPECT_FALSE(save("idees", "Autres idées", true));
  EXPECT_FALSE(save("inconnue", "Inconnue", false));
  EXPECT_TRUE(save("idees", "Débats", false));
  auto section = this->backend().content().find_section("idees");
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->name, "Débats");
  EXPECT_EQ(section->description, "Des idées 💡");
  EXPECT_EQ(this->backend().content().sections().size(), 1u);
}

TYPED_TEST_P(TermStoreContract, LabelsAreListedByNameWithTheirArticleCount) {
  this->publish("a", {{"syrie", "Syrie"}, {"damas", "Damas"}}, {{"monde-arabe", "Monde arabe"}});
  this->publish("b", {{"syrie", "Syrie"}});
  auto tags = this->backend().terms().labels(store::LabelKind::tag);
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[0].term.slug, "damas");
  EXPECT_EQ(tags[0].articles, 1);
  EXPECT_EQ(tags[1].term.slug, "syrie");
  EXPECT_EQ(tags[1].articles, 2);
  EXPECT_EQ(this->names(this->backend().terms().categories()),
            std::vector<std::string>{"Monde arabe"});
}

TYPED_TEST_P(TermStoreContract, TagSuggestionsStartWithThePrefixMostUsedFirst) {
  this->publish("a", {{"syrie", "Syrie"}, {"syndicats", "Syndicats"}});
  this->publish("b", {{"syrie", "Syrie"}});
  this->publish("c", {{"sport", "Sport"}});
  auto& terms = this->backend().terms();
  EXPECT_EQ(this->names(terms.tags_starting_with("sy", 10)),
            (std::vector<std::string>{"Syrie", "Syndicats"}));
  EXPECT_EQ(this->names(terms.tags_starting_with("SY", 1)), std::vector<std::string>{"Syrie"});
  EXPECT_TRUE(terms.tags_starting_with("%", 10).empty());  // a prefix, never a pattern
}

TYPED_TEST_P(TermStoreContract, ALabelIsRenamedButNeverOntoAnotherOnesSlug) {
  this->publish("a", {{"syrie", "Syrie"}, {"damas", "Damas"}});
  auto& terms = this->backend().terms();
  auto rename = [&](std::string_view slug, std::string_view name, std::string_view new_slug) {
    return this->committed([&](store::WriteTransaction& write) {
      return terms.rename_label(write, store::LabelKind::tag, slug, name, new_slug);
    });
  };
  EXPECT_EQ(rename("syrie", "Damas", "damas"), store::LabelRename::slug_taken);
  EXPECT_EQ(rename("inconnu", "X", "x"), store::LabelRename::not_found);
  EXPECT_EQ(rename("syrie", "Syrie 🇸🇾", "syrie-2024"), store::LabelRename::done);
  EXPECT_EQ(this->backend().content().find_tag("syrie-2024")->name, "Syrie 🇸🇾");
  EXPECT_FALSE(this->backend().content().find_tag("syrie").has_value());
}

TYPED_TEST_P(TermStoreContract, AMergeFilesTheArticlesUnderTheOtherLabelAndSaysWhich) {
  auto a = this->publish("a", {{"syrie", "Syrie"}});
  auto b = this->publish("b", {{"syrie", "Syrie"}, {"damas", "Damas"}});
  this->publish("c", {{"damas", "Damas"}});
  auto& terms = this->backend().terms();
  auto moved = this->committed([&](store::WriteTransaction& write) {
    return terms.merge_label(write, store::LabelKind::tag, "syrie", "damas");
  });
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(*moved, (std::vector<content::ArticleId>{a, b}));
  EXPECT_FALSE(this->backend().content().find_tag("syrie").has_value());
  auto tags = terms.labels(store::LabelKind::tag);
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].articles, 3);
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
                     return terms.merge_label(write, store::LabelKind::tag, "damas", "damas");
                   })
                   .has_value());
}

TYPED_TEST_P(TermStoreContract, ADeletedLabelSaysWhichArticlesLostIt) {
  auto a = this->publish("a", {}, {{"conflits", "Conflits"}});
  auto& terms = this->backend().terms();
  auto taken = this->committed([&](store::WriteTransaction& write) {
    return terms.delete_label(write, store::LabelKind::category, "conflits");
  });
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(*taken, std::vector<content::ArticleId>{a});
  EXPECT_TRUE(terms.categories().empty());
  EXPECT_TRUE(this->backend().content().find_published_article("monde", "a")->categories.empty());
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
                     return terms.delete_label(write, store::LabelKind::category, "conflits");
                   })
                   .has_value());
}

TYPED_TEST_P(TermStoreContract, AnAuthorProfileKeepsItsNameRoleBioLinksAndPhoto) {
  this->publish("a", {});
  this->committed([&](store::WriteTransaction& write) {
    this->backend().media().save_image(write, image("abcd-zoe.jpg", "abcd", 400), {}, kNow);
  });
  auto& terms = this->backend().terms();
  auto save = [&](std::string_view slug, const std::optional<std::string>& photo) {
    store::AuthorProfileEdit profile{"Sara Dupont-Ærø", "Reporter à Alep 📷",
                                     "Correspondante à Beyrouth",
                                     {"https://x.com/sara", "https://sara.example/"}, photo};
    return this->committed(
        [&](store::WriteTransaction& write) { return terms.save_author_profile(write, slug, profile); });
  };
  EXPECT_TRUE(save(kAuthor.slug, std::string("abcd-zoe.jpg")));
  EXPECT_FALSE(save("personne", std::nullopt));
  auto profile = terms.find_author_profile(kAuthor.slug);
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->name, "Sara Dupont-Ærø");
  EXPECT_EQ(profile->bio, "Reporter à Alep 📷");
  EXPECT_EQ(profile->role, "Correspondante à Beyrouth");
  EXPECT_EQ(profile->links, (std::vector<std::string>{"https://x.com/sara", "https://sara.example/"}));
  ASSERT_TRUE(profile->photo.has_value());
  EXPECT_EQ(profile->photo->name, "abcd-zoe.jpg");
  // What readers' pages read is the same profile.
  EXPECT_EQ(this->backend().content().find_author(kAuthor.slug)->role, "Correspondante à Beyrouth");
  EXPECT_TRUE(save(kAuthor.slug, std::nullopt));
  EXPECT_FALSE(terms.find_author_profile(kAuthor.slug)->photo.has_value());
  EXPECT_EQ(terms.authors().size(), 1u);
  EXPECT_FALSE(terms.find_author_profile("personne").has_value());
}

TYPED_TEST_P(TermStoreContract, AGuestAuthorIsAddedOncePerSlug) {
  auto& terms = this->backend().terms();
  auto add = [&](const content::Term& author) {
    return this->committed(
        [&](store::WriteTransaction& write) { return terms.create_author(write, author); });
  };
  EXPECT_TRUE(add({"karim-haddad", "Karim Haddad"}));
  EXPECT_FALSE(add({"karim-haddad", "Karim H."}));
  EXPECT_EQ(terms.find_author_profile("karim-haddad")->name, "Karim Haddad");
}

REGISTER_TYPED_TEST_SUITE_P(TermStoreContract,
                            ASectionIsCreatedOncePerSlugAndChangedOnlyWhenItExists,
                            LabelsAreListedByNameWithTheirArticleCount,
                            TagSuggestionsStartWithThePrefixMostUsedFirst,
                            ALabelIsRenamedButNeverOntoAnotherOnesSlug,
                            AMergeFilesTheArticlesUnderTheOtherLabelAndSaysWhich,
                            ADeletedLabelSaysWhichArticlesLostIt,
                            AnAuthorProfileKeepsItsNameRoleBioLinksAndPhoto,
                            AGuestAuthorIsAddedOncePerSlug);

}  // namespace gazette::contract
