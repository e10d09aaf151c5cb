// Reading article summaries (see rows.h).
#include "store/sqlite/rows.h"

namespace gazette::store::sqlite {

content::ArticleSummary read_summary(const Statement& row) {
  content::ArticleSummary summary;
  summary.id = content::ArticleId{row.column_int(0)};
  summary.slug = row.column_text(1);
  summary.title = row.column_text(2);
  summary.lead = row.column_text(3);
  summary.published_at = from_unix(row.column_int(4));
  summary.author = {row.column_text(5), row.column_text(6)};
  summary.section = {row.column_text(7), row.column_text(8)};
  if (!row.column_is_null(9)) {
    summary.image = content::MediaRef{row.column_text(9),
                                      row.column_text(10),
                                      static_cast<int>(row.column_int(11)),
                                      static_cast<int>(row.column_int(12)),
                                      {}};
  }
  summary.image_alt = row.column_text(13);
  return summary;
}

}  // namespace gazette::store::sqlite
