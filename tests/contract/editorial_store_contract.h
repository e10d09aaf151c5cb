// The contract of store::EditorialStore: a newsroom save applies only over the version the
// editor opened (otherwise its text is kept as a revision and nothing else changes), refusals
// write nothing, lists page and filter, scheduled articles are published when due.
#pragma once

#include <thread>

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class EditorialStoreContract : public ContractTest<BackendType> {
 protected:
  void SetUp() override {
    // The section and author exist once an article of theirs was published; an editor signs.
    this->committed([&](store::WriteTransaction& write) {
      this->backend().content().save_article(write, article_draft("existant", "Existant"), kNow);
      editor_ = *this->backend().accounts().create_user(
          write, {"zoe@example.fr", "Zoé", content::Role::editor, "hash", {"zoe", "Zoé"}}, kNow);
    });
  }

  content::ArticleEdit edit(const std::string& slug, const std::string& title) {
    content::ArticleEdit edit;
    edit.slug = slug;
    edit.title = title;
    edit.lead = "Chapeau";
    edit.body_markdown = "Corps *" + title + "*";
    edit.body_html = "<p>Corps <em>" + title + "</em></p>";
    edit.status = content::ArticleStatus::draft;
    edit.published_at = kNow;
    edit.updated_at = kNow;
    edit.author_slug = kAuthor.slug;
    edit.section_slug = kSection.slug;
    edit.saved_by = editor_.id;
    edit.saved_by_name = editor_.name;
    return edit;
  }

  content::EditResult save(const content::ArticleEdit& edit, content::Timestamp now = kNow) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().editorial().save_edit(write, edit, now);
    });
  }

  content::SavedArticle saved(const content::EditResult& result) {
    EXPECT_TRUE(std::holds_alternative<content::SavedArticle>(result));
    return std::get<content::SavedArticle>(result);
  }

  content::User editor_;
};
TYPED_TEST_SUITE_P(EditorialStoreContract);

TYPED_TEST_P(EditorialStoreContract, ANewArticleIsSavedAsVersionOneWithItsRevision) {
  auto edit = this->edit("brouillon", kFrenchTitle);
  edit.tags = {{"fetes", "Fêtes"}};
  auto saved = this->saved(this->save(edit));
  EXPECT_TRUE(saved.created);
  EXPECT_FALSE(saved.after.visible);  // a draft

  auto& editorial = this->backend().editorial();
  auto found = editorial.find_article(saved.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->article.summary.title, kFrenchTitle);
  EXPECT_EQ(found->article.status, content::ArticleStatus::draft);
  EXPECT_EQ(found->article.tags.at(0).name, "Fêtes");
  auto revisions = editorial.revisions(saved.id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_TRUE(revisions[0].applied);
  EXPECT_EQ(revisions[0].article_version, found->version);
  EXPECT_EQ(revisions[0].saved_by_name, "Zoé");
  EXPECT_EQ(revisions[0].title, kFrenchTitle);
  auto revision = editorial.find_revision(saved.id, revisions[0].id);
  ASSERT_TRUE(revision.has_value());
  EXPECT_EQ(revision->body_markdown, "Corps *" + kFrenchTitle + "*");
  EXPECT_EQ(revision->tags, std::vector<std::string>{"Fêtes"});
  EXPECT_FALSE(editorial.find_article({999'999}).has_value());
}

TYPED_TEST_P(EditorialStoreContract, AnEditOverAStaleVersionIsKeptAsARevisionAndAppliesNothing) {
  auto created = this->saved(this->save(this->edit("article", "Premier")));
  auto& editorial = this->backend().editorial();
  auto opened = editorial.find_article(created.id)->version;

  auto mine = this->edit("article", "Le mien");
  mine.id = created.id;
  mine.expected_version = opened;
  this->saved(this->save(mine));

  auto theirs = this->edit("article", "Le leur");
  theirs.id = created.id;
  theirs.expected_version = opened;  // opened before my save
  auto result = this->save(theirs);
  ASSERT_TRUE(std::holds_alternative<content::EditConflict>(result));
  auto conflict = std::get<content::EditConflict>(result);
  EXPECT_EQ(conflict.current_version, opened + 1);

  EXPECT_EQ(editorial.find_article(created.id)->article.summary.title, "Le mien");
  auto revisions = editorial.revisions(created.id);  // newest first
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[0].id, conflict.kept_revision);
  EXPECT_FALSE(revisions[0].applied);
  EXPECT_EQ(revisions[0].title, "Le leur");
  EXPECT_TRUE(revisions[1].applied);
  EXPECT_EQ(revisions[1].title, "Le mien");
}

TYPED_TEST_P(EditorialStoreContract, ARefusedSaveWritesNothing) {
  auto& editorial = this->backend().editorial();
  auto refusal = [&](const content::ArticleEdit& edit) {
    auto result = this->save(edit);
    EXPECT_TRUE(std::holds_alternative<content::EditRefused>(result));
    return std::holds_alternative<content::EditRefused>(result)
               ? std::get<content::EditRefused>(result).reason
               : content::EditRefusal::article_gone;
  };
  auto taken = this->edit("existant", "Même adresse");
  EXPECT_EQ(refusal(taken), content::EditRefusal::slug_taken);
  auto no_section = this->edit("a", "A");
  no_section.section_slug = "inconnue";
  EXPECT_EQ(refusal(no_section), content::EditRefusal::no_section);
  auto no_author = this->edit("b", "B");
  no_author.author_slug = "personne";
  EXPECT_EQ(refusal(no_author), content::EditRefusal::no_author);
  auto no_image = this->edit("c", "C");
  no_image.image_name = "absente.jpg";
  EXPECT_EQ(refusal(no_image), content::EditRefusal::image_missing);
  auto gone = this->edit("d", "D");
  gone.id = content::ArticleId{999'999};
  EXPECT_EQ(refusal(gone), content::EditRefusal::article_gone);

  auto listing = editorial.list_articles({});
  EXPECT_EQ(listing.total, 1);  // only the article of the set-up
}

TYPED_TEST_P(EditorialStoreContract, TheListPagesFiltersAndShowsTheLastSavedFirst) {
  for (int i = 1; i <= 5; ++i) {
    auto edit = this->edit("article-" + std::to_string(i), "Été n°" + std::to_string(i));
    if (i % 2 == 0) edit.status = content::ArticleStatus::review;
    this->save(edit, kNow + i * kMinute);
  }
  auto& editorial = this->backend().editorial();
  store::NewsroomFilter filter;
  filter.page = {.offset = 0, .limit = 2};
  auto first = editorial.list_articles(filter);
  EXPECT_EQ(first.total, 6);
  ASSERT_EQ(first.rows.size(), 2u);
  EXPECT_EQ(first.rows[0].title, "Été n°5");
  EXPECT_EQ(first.rows[1].title, "Été n°4");
  filter.page = {.offset = 4, .limit = 2};
  auto last = editorial.list_articles(filter);
  ASSERT_EQ(last.rows.size(), 2u);
  EXPECT_EQ(last.rows[1].title, "Existant");

  store::NewsroomFilter review;
  review.status = content::ArticleStatus::review;
  EXPECT_EQ(editorial.list_articles(review).total, 2);
  store::NewsroomFilter titled;
  titled.title_contains = "N°3";  // ASCII letters match whatever their case
  auto found = editorial.list_articles(titled);
  ASSERT_EQ(found.rows.size(), 1u);
  EXPECT_EQ(found.rows[0].title, "Été n°3");
  store::NewsroomFilter by_author;
  by_author.author_slug = "personne";
  EXPECT_EQ(editorial.list_articles(by_author).total, 0);
  // An author's articles are those they signed first and those they co-signed.
  auto cosigned = this->edit("cosigne", "Cosigné");
  cosigned.coauthors = std::vector<content::Term>{{"lea-martin", "Léa Martin"}};
  this->save(cosigned, kNow + 9 * kMinute);
  by_author.author_slug = "lea-martin";
  auto signed_by_lea = editorial.list_articles(by_author);
  ASSERT_EQ(signed_by_lea.rows.size(), 1u);
  EXPECT_EQ(signed_by_lea.rows[0].title, "Cosigné");
  by_author.author_slug = kAuthor.slug;
  EXPECT_EQ(editorial.list_articles(by_author).total, 7);
}

TYPED_TEST_P(EditorialStoreContract, ADeletedArticleSaysWhereItWasAndTakesItsRevisions) {
  auto saved = this->saved(this->save(this->edit("a-supprimer", "À supprimer")));
  auto& editorial = this->backend().editorial();
  auto placement = this->committed([&](store::WriteTransaction& write) {
    return editorial.delete_article(write, saved.id, kNow);
  });
  ASSERT_TRUE(placement.has_value());
  EXPECT_EQ(placement->slug, "a-supprimer");
  EXPECT_FALSE(editorial.find_article(saved.id).has_value());
  EXPECT_TRUE(editorial.revisions(saved.id).empty());
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
                     return editorial.delete_article(write, saved.id, kNow);
                   })
                   .has_value());
}

TYPED_TEST_P(EditorialStoreContract, ScheduledArticlesArePublishedWhenDue) {
  auto edit = this->edit("programme", "Programmé");
  edit.status = content::ArticleStatus::scheduled;
  edit.published_at = kNow + 10 * kMinute;
  auto saved = this->saved(this->save(edit));
  auto& editorial = this->backend().editorial();
  EXPECT_EQ(editorial.next_due(kNow), kNow + 10 * kMinute);
  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
                    return editorial.publish_due(write, kNow + 5 * kMinute);
                  })
                  .empty());
  auto published = this->committed([&](store::WriteTransaction& write) {
    return editorial.publish_due(write, kNow + 10 * kMinute);
  });
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].id, saved.id);
  EXPECT_EQ(editorial.find_article(saved.id)->article.status, content::ArticleStatus::published);
  EXPECT_FALSE(editorial.next_due(kNow + 10 * kMinute).has_value());
}

TYPED_TEST_P(EditorialStoreContract, TwoEditorsSavingOverTheSameVersionApplyOnlyOne) {
  auto created = this->saved(this->save(this->edit("dispute", "Avant")));
  auto opened = this->backend().editorial().find_article(created.id)->version;
  auto other = this->backend().another_process();
  content::EditResult here, there;
  auto edit_here = this->edit("dispute", "Ici");
  auto edit_there = this->edit("dispute", "Là");
  for (auto* edit : {&edit_here, &edit_there}) {
    edit->id = created.id;
    edit->expected_version = opened;
  }
  std::thread first([&] {
    here = this->committed_in(this->backend(), [&](store::WriteTransaction& write) {
      return this->backend().editorial().save_edit(write, edit_here, kNow);
    });
  });
  std::thread second([&] {
    there = this->committed_in(*other, [&](store::WriteTransaction& write) {
      return other->editorial().save_edit(write, edit_there, kNow);
    });
  });
  first.join();
  second.join();
  EXPECT_NE(std::holds_alternative<content::SavedArticle>(here),
            std::holds_alternative<content::SavedArticle>(there));
  EXPECT_NE(std::holds_alternative<content::EditConflict>(here),
            std::holds_alternative<content::EditConflict>(there));
  EXPECT_EQ(this->backend().editorial().find_article(created.id)->version, opened + 1);
}

REGISTER_TYPED_TEST_SUITE_P(EditorialStoreContract, ANewArticleIsSavedAsVersionOneWithItsRevision,
                            AnEditOverAStaleVersionIsKeptAsARevisionAndAppliesNothing,
                            ARefusedSaveWritesNothing, TheListPagesFiltersAndShowsTheLastSavedFirst,
                            ADeletedArticleSaysWhereItWasAndTakesItsRevisions,
                            ScheduledArticlesArePublishedWhenDue,
                            TwoEditorsSavingOverTheSameVersionApplyOnlyOne);

}  // namespace gazette::contract
