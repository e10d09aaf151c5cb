// The SQLite backend of the MediaStore: images and their resized copies (migrations/0003).
#pragma once

#include "store/media_store.h"
#include "store/sqlite/connection_pool.h"

namespace gazette::store::sqlite {

class SqliteMediaStore final : public MediaStore {
 public:
  explicit SqliteMediaStore(ConnectionPool& pool) : pool_(pool) {}

  content::MediaRef save_image(WriteTransaction& write, const content::NewMedia& original,
                               const std::vector<content::NewMedia>& variants,
                               content::Timestamp now) override;
  std::optional<content::MediaRef> find_image(std::string_view name) override;
  std::vector<LibraryImage> list_images(std::string_view search, int limit) override;
  bool save_image_details(WriteTransaction& write, std::string_view name,
                          const ImageDetails& details) override;
  std::int64_t count_image_uses(std::string_view name) override;
  std::vector<content::ArticleId> articles_with_main_image(std::string_view name) override;
  bool delete_image(WriteTransaction& write, std::string_view name) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
