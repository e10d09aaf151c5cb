// The SQLite backend of the LiveStore: live coverage and its entries (migrations/0011).
#pragma once

#include "store/live_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteLiveStore final : public LiveStore {
 public:
  explicit SqliteLiveStore(ConnectionPool& pool) : pool_(pool) {}

  std::optional<content::LiveCoverage> coverage(content::ArticleId article) override;
  void start_coverage(WriteTransaction& write, content::ArticleId article,
                      content::Timestamp now) override;
  bool end_coverage(WriteTransaction& write, content::ArticleId article,
                    content::Timestamp now) override;
  std::optional<content::LiveEntryId> add_entry(WriteTransaction& write, content::ArticleId article,
                                                std::string_view author_slug,
                                                const content::LiveEntryText& text,
                                                content::Timestamp now) override;
  bool edit_entry(WriteTransaction& write, content::LiveEntryId id,
                  const content::LiveEntryText& text, content::Timestamp now) override;
  bool delete_entry(WriteTransaction& write, content::LiveEntryId id,
                    content::Timestamp now) override;
  void pin_entry(WriteTransaction& write, content::ArticleId article,
                 std::optional<content::LiveEntryId> id) override;
  std::optional<content::LiveEntry> find_entry(content::LiveEntryId id) override;
  std::vector<content::LiveEntry> entries(content::ArticleId article, std::size_t limit) override;
  std::vector<content::LiveCard> cards(const std::vector<content::ArticleId>& articles) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
