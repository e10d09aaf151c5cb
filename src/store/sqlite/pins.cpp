// Pinning and unpinning (see pins.h).
#include "store/sqlite/pins.h"

namespace gazette::store::sqlite {

void write_pin(Connection& connection, std::int64_t article_id, bool pinned) {
  connection
      .prepare(pinned ? "INSERT OR IGNORE INTO sticky_articles (article_id) VALUES (?)"
                      : "DELETE FROM sticky_articles WHERE article_id = ?")
      .bind(1, article_id)
      .run();
}

}  // namespace gazette::store::sqlite
