// The PostgreSQL schema, versioned: the embedded postgres/migrations/NNNN_*.sql files not yet
// applied, applied at start in one transaction (under an advisory lock: nodes starting at once
// migrate once).
#pragma once

#include <cstdint>

#include "store/postgres/connection.h"

namespace gazette::store::postgres {

/// Applies what is missing; returns how many migrations ran.
int migrate(Connection& connection, std::int64_t now_unix);

}  // namespace gazette::store::postgres
