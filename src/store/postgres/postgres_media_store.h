// Uploaded images on PostgreSQL (store/media_store.h): bytes in bytea, so every node serves
// every image.
#pragma once

#include "store/media_store.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresMediaStore final : public store::MediaStore {
 public:
  explicit PostgresMediaStore(PostgresDatabase& database) : database_(database) {}

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
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
