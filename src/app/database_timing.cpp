// Tracing SQLite statements (see database_timing.h).
#include "app/database_timing.h"

#include <sqlite3.h>

#include <array>
#include <atomic>
#include <chrono>
#include <stdexcept>

namespace gazette::app {

namespace {

// SQLite calls an auto-extension with no context of ours, so the one timing being fed is
// published here for it; DatabaseTiming sets and clears it.
std::atomic<DatabaseTiming*> current_timing{nullptr};

// Statements this thread has started and not finished: a few at once (a query run while
// another's rows are read), found by address.
struct RunningStatements {
  static constexpr std::size_t kSlots = 8;
  std::array<void*, kSlots> statement{};
  std::array<std::chrono::steady_clock::time_point, kSlots> started{};
  std::size_t next = 0;
};
thread_local RunningStatements running;

int on_trace(unsigned type, void* context, void* statement, void* /*detail*/) {
  auto now = std::chrono::steady_clock::now();
  auto& timing = *static_cast<DatabaseTiming*>(context);
  auto& slots = running;
  for (std::size_t i = 0; i < RunningStatements::kSlots; ++i) {
    if (slots.statement[i] != statement) continue;
    // Started again (a trigger's program): the first start counts.
    if (type == SQLITE_TRACE_STMT) return 0;
    timing.statement_ran(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now - slots.started[i]));
    slots.statement[i] = nullptr;
    return 0;
  }
  if (type == SQLITE_TRACE_STMT) {
    slots.statement[slots.next] = statement;
    slots.started[slots.next] = now;
    slots.next = (slots.next + 1) % RunningStatements::kSlots;
  }
  return 0;
}

int trace_connection(sqlite3* connection, const char** /*error*/,
                     const sqlite3_api_routines* /*api*/) {
  if (auto* timing = current_timing.load())
    sqlite3_trace_v2(connection, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, on_trace, timing);
  return SQLITE_OK;
}

}  // namespace

DatabaseTiming::DatabaseTiming() {
  current_timing.store(this);
  if (sqlite3_auto_extension(reinterpret_cast<void (*)()>(trace_connection)) != SQLITE_OK)
    throw std::runtime_error("cannot trace SQLite statements");
}

DatabaseTiming::~DatabaseTiming() {
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(trace_connection));
  current_timing.store(nullptr);
}

}  // namespace gazette::app
