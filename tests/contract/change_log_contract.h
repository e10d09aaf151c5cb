// The contract of writes and the change log: a write and the announcements made in it commit
// together or not at all; other processes read the announcements in order, each process tells
// its own; writes do not nest, and a store refuses another database's write.
#pragma once

#include <stdexcept>
#include <thread>

#include "content/event_codec.h"
#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class ChangeLogContract : public ContractTest<BackendType> {
 protected:
  /// Saves `slug` and announces it, as ArticleService does.
  content::SavedArticle save_and_announce(store::WriteTransaction& write, const std::string& slug) {
    auto saved =
        this->backend().content().save_article(write, article_draft(slug, "Titre " + slug), kNow);
    write.announce(content::ArticleChanged{saved.id, saved.before, saved.after});
    return saved;
  }
};
TYPED_TEST_SUITE_P(ChangeLogContract);

TYPED_TEST_P(ChangeLogContract, ARolledBackWriteLeavesNeitherTheChangeNorItsLogRow) {
  auto other = this->backend().another_process();
  {
    auto write = this->backend().database().begin_write();
    this->save_and_announce(*write, "annule");
    EXPECT_EQ(write->announced().size(), 1u);
  }  // destroyed uncommitted: rolled back
  EXPECT_FALSE(this->backend().content().find_published_article("monde", "annule").has_value());
  EXPECT_TRUE(this->backend().change_log().entries_after(0).empty());
  EXPECT_TRUE(other->change_log().entries_after(0).empty());
  EXPECT_EQ(other->change_log().latest_id(), 0);
  // The database takes the next write.
  this->committed([&](store::WriteTransaction& write) { this->save_and_announce(write, "suite"); });
  EXPECT_EQ(other->change_log().entries_after(0).size(), 1u);
}

TYPED_TEST_P(ChangeLogContract, AnnouncementsCommitWithTheirWriteAndAreReadInOrder) {
  auto other = this->backend().another_process();
  EXPECT_EQ(other->change_log().latest_id(), 0);
  auto saved = this->committed([&](store::WriteTransaction& write) {
    auto saved = this->save_and_announce(write, "premier");
    write.announce(content::SettingsChanged{});
    return saved;
  });
  this->committed([&](store::WriteTransaction& write) {
    write.announce(content::TermChanged{content::TermChanged::Kind::tag, "été-🌞"});
  });

  auto entries = other->change_log().entries_after(0);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_LT(entries[0].id, entries[1].id);
  EXPECT_LT(entries[1].id, entries[2].id);
  for (const auto& entry : entries) EXPECT_FALSE(entry.own);  // written by another process
  auto first = content::decode_event(entries[0].payload);
  ASSERT_TRUE(std::holds_alternative<content::ArticleChanged>(first));
  EXPECT_EQ(std::get<content::ArticleChanged>(first).id, saved.id);
  EXPECT_TRUE(
      std::holds_alternative<content::SettingsChanged>(content::decode_event(entries[1].payload)));
  auto third = content::decode_event(entries[2].payload);
  ASSERT_TRUE(std::holds_alternative<content::TermChanged>(third));
  EXPECT_EQ(std::get<content::TermChanged>(third).slug, "été-🌞");

  EXPECT_EQ(other->change_log().latest_id(), entries[2].id);
  EXPECT_TRUE(other->change_log().entries_after(entries[2].id).empty());
  auto after_first = other->change_log().entries_after(entries[0].id);
  EXPECT_EQ(after_first.size(), 2u);
  // The writer's own process knows the entries are its own (it published them already).
  for (const auto& entry : this->backend().change_log().entries_after(0)) EXPECT_TRUE(entry.own);
}

TYPED_TEST_P(ChangeLogContract, AnAnnouncementIsInvisibleUntilItsWriteCommits) {
  auto other = this->backend().another_process();
  auto write = this->backend().database().begin_write();
  this->save_and_announce(*write, "en-cours");
  EXPECT_TRUE(other->change_log().entries_after(0).empty());
  write->commit();
  EXPECT_EQ(other->change_log().entries_after(0).size(), 1u);
}

TYPED_TEST_P(ChangeLogContract, TheChangeTokenMovesWithACommitOfAnyProcess) {
  auto other = this->backend().another_process();
  auto before = this->backend().change_log().change_token();
  this->committed_in(*other, [&](store::WriteTransaction& write) {
    other->content().save_article(write, article_draft("ailleurs", "Ailleurs"), kNow);
    write.announce(content::SettingsChanged{});
  });
  EXPECT_NE(this->backend().change_log().change_token(), before);
}

TYPED_TEST_P(ChangeLogContract, WritesDoNotNestOnOneThread) {
  auto write = this->backend().database().begin_write();
  EXPECT_THROW(this->backend().database().begin_write(), std::logic_error);
  write->commit();
  EXPECT_THROW(write->commit(), std::logic_error);
  EXPECT_THROW(write->announce(content::SettingsChanged{}), std::logic_error);
  // Once it is gone, the thread may write again.
  write.reset();
  this->committed([&](store::WriteTransaction& write) { this->save_and_announce(write, "apres"); });
}

TYPED_TEST_P(ChangeLogContract, AStoreRefusesTheWriteOfAnotherDatabase) {
  TypeParam elsewhere;
  auto write = elsewhere.database().begin_write();
  EXPECT_THROW(
      this->backend().content().save_article(*write, article_draft("ailleurs", "Ailleurs"), kNow),
      std::logic_error);
}

TYPED_TEST_P(ChangeLogContract, TwoWritersAtOnceRunOneAfterTheOther) {
  auto other = this->backend().another_process();
  constexpr int kWritesEach = 5;
  auto writer = [&](Backend& backend, const std::string& prefix) {
    for (int i = 0; i < kWritesEach; ++i)
      this->committed_in(backend, [&](store::WriteTransaction& write) {
        auto saved = backend.content().save_article(
            write, article_draft(prefix + std::to_string(i), prefix), kNow);
        write.announce(content::ArticleChanged{saved.id, saved.before, saved.after});
      });
  };
  std::thread here([&] { writer(this->backend(), "ici-"); });
  std::thread there([&] { writer(*other, "la-"); });
  here.join();
  there.join();
  EXPECT_EQ(this->backend().change_log().entries_after(0).size(), 2u * kWritesEach);
  EXPECT_EQ(this->backend()
                .content()
                .published_articles({}, {.offset = 0, .limit = 100}, std::nullopt)
                .articles.size(),
            2u * kWritesEach);
}

REGISTER_TYPED_TEST_SUITE_P(ChangeLogContract, ARolledBackWriteLeavesNeitherTheChangeNorItsLogRow,
                            AnnouncementsCommitWithTheirWriteAndAreReadInOrder,
                            AnAnnouncementIsInvisibleUntilItsWriteCommits,
                            TheChangeTokenMovesWithACommitOfAnyProcess, WritesDoNotNestOnOneThread,
                            AStoreRefusesTheWriteOfAnotherDatabase,
                            TwoWritersAtOnceRunOneAfterTheOther);

}  // namespace gazette::contract
