// The contract of corrections in the open (content/corrections.h) on every backend: a save of
// a public article keeps what kind of change it was with its revision; every kind but a typo is
// kept as a public change note, dated, and moves the article's update date; corrections,
// clarifications and retractions are listed site-wide, newest first; a change to an article
// readers cannot see yet tells them nothing.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class CorrectionsContract : public ContractTest<BackendType> {
 protected:
  void SetUp() override {
    public_ = this->committed([&](store::WriteTransaction& write) {
      editor_ = *this->backend().accounts().create_user(
          write, {"zoe@example.fr", "Zoé", content::Role::editor, "hash", {"zoe", "Zoé"}}, kNow);
      return this->backend().content().save_article(write, article_draft("publie", "Publié"), kNow);
    });
  }

  // A newsroom save of the public article at `when`, saying what kind of change it is.
  content::SavedArticle edit_public(content::ChangeKind kind, const std::string& note,
                                    content::Timestamp when) {
    auto found = this->backend().editorial().find_article(public_.id).value();
    content::ArticleEdit edit;
    edit.id = public_.id;
    edit.expected_version = found.version;
    edit.slug = "publie";
    edit.title = "Publié (" + std::string(content::to_string(kind)) + ")";
    edit.lead = "Chapeau";
    edit.body_markdown = "Corps";
    edit.body_html = "<p>Corps</p>";
    edit.status = content::ArticleStatus::published;
    edit.published_at = kNow;
    edit.updated_at = when;
    edit.author_slug = kAuthor.slug;
    edit.section_slug = kSection.slug;
    edit.saved_by = editor_.id;
    edit.saved_by_name = editor_.name;
    edit.change = kind;
    edit.change_note = note;
    auto result = this->committed([&](store::WriteTransaction& write) {
      return this->backend().editorial().save_edit(write, edit, when);
    });
    EXPECT_TRUE(std::holds_alternative<content::SavedArticle>(result));
    return std::get<content::SavedArticle>(result);
  }

  content::Timestamp updated_at() {
    return this->backend().editorial().find_article(public_.id)->article.updated_at;
  }

  content::SavedArticle public_;
  content::User editor_;
};
TYPED_TEST_SUITE_P(CorrectionsContract);

TYPED_TEST_P(CorrectionsContract, ACorrectionIsKeptWithItsRevisionAndListedWithItsNote) {
  const std::string note = "Le maire s’appelle « Durand » <b>et non</b> Dupont 🙏";
  this->edit_public(content::ChangeKind::correction, note, kNow + kMinute);

  auto revisions = this->backend().editorial().revisions(this->public_.id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].change, content::ChangeKind::correction);
  EXPECT_EQ(revisions[0].change_note, note);

  auto notes = this->backend().content().change_notes(this->public_.id);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, content::ChangeKind::correction);
  EXPECT_EQ(notes[0].note, note);  // byte for byte: escaping is the page's job
  EXPECT_EQ(notes[0].changed_at, kNow + kMinute);
  EXPECT_EQ(this->updated_at(), kNow + kMinute);

  auto listed = this->backend().content().corrections({0, 10});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].change.id, notes[0].id);
  EXPECT_EQ(listed[0].article, this->public_.id);
  EXPECT_EQ(listed[0].title, "Publié (correction)");
  EXPECT_EQ(listed[0].section_slug, kSection.slug);
  EXPECT_EQ(listed[0].slug, "publie");
}

TYPED_TEST_P(CorrectionsContract, ATypoIsKeptWithItsRevisionAndShownToNobody) {
  this->edit_public(content::ChangeKind::typo, "", kNow + kMinute);
  EXPECT_EQ(this->updated_at(), kNow + kMinute);  // the index's catch-up follows it
  EXPECT_TRUE(this->backend().content().change_notes(this->public_.id).empty());
  EXPECT_TRUE(this->backend().content().corrections({0, 10}).empty());
  auto revisions = this->backend().editorial().revisions(this->public_.id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].change, content::ChangeKind::typo);
}

TYPED_TEST_P(CorrectionsContract, AnUpdateIsShownOnTheArticleButNotListedAsACorrection) {
  this->edit_public(content::ChangeKind::update, "Bilan revu à la hausse", kNow + kMinute);
  EXPECT_EQ(this->backend().content().change_notes(this->public_.id).size(), 1u);
  EXPECT_TRUE(this->backend().content().corrections({0, 10}).empty());
  EXPECT_EQ(this->updated_at(), kNow + kMinute);
}

TYPED_TEST_P(CorrectionsContract, RepublishingAFileRecordsItsChangeToo) {
  auto draft = article_draft("publie", "Publié");
  draft.updated_at = kNow + kMinute;
  draft.change = content::ChangeKind::clarification;
  draft.change_note = "Précision sur les chiffres";
  this->committed([&](store::WriteTransaction& write) {
    this->backend().content().save_article(write, draft, kNow + kMinute);
  });
  auto listed = this->backend().content().corrections({0, 10});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].change.kind, content::ChangeKind::clarification);
  EXPECT_EQ(listed[0].change.note, "Précision sur les chiffres");

  // Republished without a change: a typo, not noted.
  auto typo = article_draft("publie", "Publié !");
  typo.updated_at = kNow + 2 * kMinute;
  this->committed([&](store::WriteTransaction& write) {
    this->backend().content().save_article(write, typo, kNow + 2 * kMinute);
  });
  EXPECT_EQ(this->updated_at(), kNow + 2 * kMinute);
  EXPECT_EQ(this->backend().content().change_notes(this->public_.id).size(), 1u);
}

TYPED_TEST_P(CorrectionsContract, AChangeToAnArticleReadersCannotSeeTellsThemNothing) {
  auto draft = article_draft("futur", "Futur", kFarFuture);
  auto created = this->committed([&](store::WriteTransaction& write) {
    return this->backend().content().save_article(write, draft, kNow);
  });
  draft.change = content::ChangeKind::correction;
  draft.change_note = "Ne doit pas apparaître";
  this->committed([&](store::WriteTransaction& write) {
    this->backend().content().save_article(write, draft, kNow + kMinute);
  });
  EXPECT_TRUE(this->backend().content().change_notes(created.id).empty());
  EXPECT_TRUE(this->backend().content().corrections({0, 10}).empty());
}

TYPED_TEST_P(CorrectionsContract, CorrectionsAreListedNewestFirstAndPagedAndGoWithTheArticle) {
  this->edit_public(content::ChangeKind::correction, "Première", kNow + kMinute);
  this->edit_public(content::ChangeKind::retraction, "Retirée", kNow + 2 * kMinute);
  this->edit_public(content::ChangeKind::clarification, "Précision", kNow + 3 * kMinute);
  auto first = this->backend().content().corrections({0, 2});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].change.note, "Précision");
  EXPECT_EQ(first[1].change.note, "Retirée");
  auto second = this->backend().content().corrections({2, 2});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].change.note, "Première");
  auto notes = this->backend().content().change_notes(this->public_.id);
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0].note, "Première");  // oldest first on the article

  this->committed([&](store::WriteTransaction& write) {
    this->backend().editorial().delete_article(write, this->public_.id, kNow + 4 * kMinute);
  });
  EXPECT_TRUE(this->backend().content().corrections({0, 10}).empty());
}

REGISTER_TYPED_TEST_SUITE_P(CorrectionsContract,
                            ACorrectionIsKeptWithItsRevisionAndListedWithItsNote,
                            ATypoIsKeptWithItsRevisionAndShownToNobody,
                            AnUpdateIsShownOnTheArticleButNotListedAsACorrection,
                            RepublishingAFileRecordsItsChangeToo,
                            AChangeToAnArticleReadersCannotSeeTellsThemNothing,
                            CorrectionsAreListedNewestFirstAndPagedAndGoWithTheArticle);

}  // namespace gazette::contract
