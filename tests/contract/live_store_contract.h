// The contract of store::LiveStore: a coverage starts once and ends once; entries come back
// newest first with their author, photo and flags; an edit marks the entry, a deletion hides
// it; one entry is pinned at a time; cards say which articles are live and their latest entry.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class LiveStoreContract : public ContractTest<BackendType> {
 protected:
  content::ArticleId publish(const std::string& slug) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend()
          .content()
          .save_article(write, article_draft(slug, "Direct " + slug), kNow)
          .id;
    });
  }
  content::LiveEntryText text(const std::string& markdown, bool key = false) {
    return {markdown, "<p>" + markdown + "</p>", std::nullopt, key};
  }
  content::LiveEntryId post(content::ArticleId article, const content::LiveEntryText& entry,
                            content::Timestamp at) {
    return *this->committed([&](store::WriteTransaction& write) {
      return this->backend().live().add_entry(write, article, kAuthor.slug, entry, at);
    });
  }
};
TYPED_TEST_SUITE_P(LiveStoreContract);

TYPED_TEST_P(LiveStoreContract, ACoverageStartsOnceAndEndsOnce) {
  auto article = this->publish("offensive");
  auto& live = this->backend().live();
  EXPECT_FALSE(live.coverage(article).has_value());
  this->committed(
      [&](store::WriteTransaction& write) { live.start_coverage(write, article, kNow); });
  this->committed(
      [&](store::WriteTransaction& write) { live.start_coverage(write, article, kNow + kMinute); });
  auto coverage = this->backend().another_process()->live().coverage(article);
  ASSERT_TRUE(coverage.has_value());
  EXPECT_EQ(coverage->started_at, kNow);
  EXPECT_TRUE(coverage->live());
  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return live.end_coverage(write, article, kNow + 2 * kMinute);
  }));
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return live.end_coverage(write, article, kNow + 3 * kMinute);
  }));
  coverage = live.coverage(article);
  ASSERT_TRUE(coverage->ended_at.has_value());
  EXPECT_EQ(*coverage->ended_at, kNow + 2 * kMinute);
  EXPECT_FALSE(coverage->live());
}

TYPED_TEST_P(LiveStoreContract, EntriesComeBackNewestFirstWithAuthorAndFlags) {
  auto article = this->publish("offensive");
  auto first = this->post(article, this->text(kFrenchTitle), kNow);
  auto second =
      this->post(article, this->text("Les combattants entrent dans Damas", true), kNow + kMinute);
  auto entries = this->backend().another_process()->live().entries(article, 10);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, second);
  EXPECT_TRUE(entries[0].key_event);
  EXPECT_EQ(entries[0].created_at, kNow + kMinute);
  EXPECT_EQ(entries[1].id, first);
  EXPECT_EQ(entries[1].body_markdown, kFrenchTitle);
  EXPECT_EQ(entries[1].body_html, "<p>" + kFrenchTitle + "</p>");
  EXPECT_EQ(entries[1].author.slug, kAuthor.slug);
  EXPECT_EQ(entries[1].author.name, kAuthor.name);
  EXPECT_FALSE(entries[1].key_event);
  EXPECT_FALSE(entries[1].edited_at.has_value());
  EXPECT_EQ(this->backend().live().entries(article, 1).size(), 1u);
}

TYPED_TEST_P(LiveStoreContract, AnEditMarksTheEntryAndADeletionHidesIt) {
  auto article = this->publish("offensive");
  auto& live = this->backend().live();
  auto id = this->post(article, this->text("Homs en fête"), kNow);
  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return live.edit_entry(write, id, this->text("Homs célèbre", true), kNow + kMinute);
  }));
  auto edited = live.find_entry(id);
  ASSERT_TRUE(edited.has_value());
  EXPECT_EQ(edited->body_markdown, "Homs célèbre");
  EXPECT_TRUE(edited->key_event);
  ASSERT_TRUE(edited->edited_at.has_value());
  EXPECT_EQ(*edited->edited_at, kNow + kMinute);
  EXPECT_EQ(edited->created_at, kNow);

  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return live.delete_entry(write, id, kNow + 2 * kMinute);
  }));
  EXPECT_TRUE(live.entries(article, 10).empty());
  auto deleted = live.find_entry(id);
  ASSERT_TRUE(deleted.has_value());
  EXPECT_TRUE(deleted->deleted_at.has_value());
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return live.edit_entry(write, id, this->text("trop tard"), kNow + 3 * kMinute);
  }));
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return live.delete_entry(write, content::LiveEntryId{id.value + 100}, kNow);
  }));
}

TYPED_TEST_P(LiveStoreContract, OneEntryIsPinnedAtATime) {
  auto article = this->publish("offensive");
  auto& live = this->backend().live();
  auto first = this->post(article, this->text("un"), kNow);
  auto second = this->post(article, this->text("deux"), kNow + kMinute);
  this->committed([&](store::WriteTransaction& write) { live.pin_entry(write, article, first); });
  this->committed([&](store::WriteTransaction& write) { live.pin_entry(write, article, second); });
  EXPECT_FALSE(live.find_entry(first)->pinned);
  EXPECT_TRUE(live.find_entry(second)->pinned);
  this->committed(
      [&](store::WriteTransaction& write) { live.pin_entry(write, article, std::nullopt); });
  EXPECT_FALSE(live.find_entry(second)->pinned);
}

TYPED_TEST_P(LiveStoreContract, APhotoMustBeAStoredImage) {
  auto article = this->publish("offensive");
  auto& live = this->backend().live();
  this->committed([&](store::WriteTransaction& write) {
    return this->backend().media().save_image(write, image("f00d-damas.jpg", "f00d", 1200),
                                              {image("f00d-damas-320.jpg", "f00d3", 320)}, kNow);
  });
  auto with_photo = this->text("Place des Omeyyades");
  with_photo.photo = content::LivePhotoChoice{"f00d-damas.jpg", "La place", "AFP", "Une foule"};
  auto id = this->post(article, with_photo, kNow);
  auto entry = live.find_entry(id);
  ASSERT_TRUE(entry->photo.has_value());
  EXPECT_EQ(entry->photo->image.name, "f00d-damas.jpg");
  EXPECT_EQ(entry->photo->credit, "AFP");
  EXPECT_EQ(entry->photo->alt, "Une foule");
  ASSERT_EQ(entry->photo->image.variants.size(), 1u);

  auto missing = this->text("Sans image");
  missing.photo = content::LivePhotoChoice{"absente.jpg", "", "", ""};
  auto refused = this->committed([&](store::WriteTransaction& write) {
    return live.add_entry(write, article, kAuthor.slug, missing, kNow);
  });
  EXPECT_FALSE(refused.has_value());
}

TYPED_TEST_P(LiveStoreContract, CardsSayWhichArticlesAreLiveAndTheirLatestEntry) {
  auto live_article = this->publish("offensive");
  auto ended_article = this->publish("hier");
  auto plain_article = this->publish("ordinaire");
  auto& live = this->backend().live();
  this->committed([&](store::WriteTransaction& write) {
    live.start_coverage(write, live_article, kNow);
    live.start_coverage(write, ended_article, kNow);
    live.end_coverage(write, ended_article, kNow + kMinute);
  });
  this->post(live_article, this->text("un"), kNow + kMinute);
  auto latest = this->post(live_article, this->text("deux"), kNow + 2 * kMinute);
  this->committed([&](store::WriteTransaction& write) {
    live.delete_entry(write, latest, kNow + 3 * kMinute);
  });
  auto cards = live.cards({live_article, ended_article, plain_article});
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].article, live_article);
  EXPECT_TRUE(cards[0].live);
  ASSERT_TRUE(cards[0].latest_entry.has_value());
  EXPECT_EQ(*cards[0].latest_entry, kNow + kMinute);
  EXPECT_EQ(cards[1].article, ended_article);
  EXPECT_FALSE(cards[1].live);
  EXPECT_FALSE(cards[1].latest_entry.has_value());
}

TYPED_TEST_P(LiveStoreContract, ARolledBackPostKeepsNothing) {
  auto article = this->publish("offensive");
  {
    auto write = this->backend().database().begin_write();
    this->backend().live().start_coverage(*write, article, kNow);
    this->backend().live().add_entry(*write, article, kAuthor.slug, this->text("annulé"), kNow);
  }
  EXPECT_FALSE(this->backend().live().coverage(article).has_value());
  EXPECT_TRUE(this->backend().live().entries(article, 10).empty());
}

REGISTER_TYPED_TEST_SUITE_P(LiveStoreContract, ACoverageStartsOnceAndEndsOnce,
                            EntriesComeBackNewestFirstWithAuthorAndFlags,
                            AnEditMarksTheEntryAndADeletionHidesIt, OneEntryIsPinnedAtATime,
                            APhotoMustBeAStoredImage,
                            CardsSayWhichArticlesAreLiveAndTheirLatestEntry,
                            ARolledBackPostKeepsNothing);

}  // namespace gazette::contract
