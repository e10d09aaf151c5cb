// Files compiled into the binary (the default theme, the SQL migrations): see
// cmake/embed_files.cmake. Each accessor returns the files in a stable order.
#pragma once

#include <string_view>
#include <vector>

namespace gazette::embedded {

/// One file compiled into the binary: its path relative to the embedded folder and its bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view bytes;
};

/// The default theme: templates/, assets/ and i18n/ of themes/default.
const std::vector<EmbeddedFile>& default_theme();

/// The SQLite migrations, named NNNN_verb_what.sql.
const std::vector<EmbeddedFile>& sqlite_migrations();

/// The PostgreSQL migrations (src/store/postgres/migrations/), named NNNN_verb_what.sql.
const std::vector<EmbeddedFile>& postgres_migrations();

/// The demo articles (src/demo/articles/*.md).
const std::vector<EmbeddedFile>& demo_articles();

/// The newsroom's templates/, i18n/ and assets/ (src/newsroom/).
const std::vector<EmbeddedFile>& newsroom_files();

/// The newsroom's scripts bundled at build time from npm (assets/editor.js: src/newsroom/editor/).
const std::vector<EmbeddedFile>& newsroom_bundle();
/// The Content API's openapi.json (src/api/).
const std::vector<EmbeddedFile>& api_files();

}  // namespace gazette::embedded
