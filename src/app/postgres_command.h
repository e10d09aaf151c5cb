// `--db postgresql://…`: opens the PostgreSQL database (connect, migrate) and reports in one
// line what failed. The PostgreSQL stores are being written (issue 13): until every store
// passes the contract suites, no command runs on PostgreSQL yet, and this says so.
#pragma once

#include <string>

namespace gazette::app {

/// Exit code: 1 when the database cannot be opened (one line on stderr naming what failed),
/// 1 too, with its own line, while the backend is not complete.
int open_postgres(const std::string& uri);

}  // namespace gazette::app
