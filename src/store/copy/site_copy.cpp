// The site copier (see site_copy.h).
#include "store/copy/site_copy.h"

#include <algorithm>
#include <utility>

#include "store/copy/site_tables.h"

namespace gazette::store::copy {

namespace {

// Every table of `side` must be one the list knows: one it does not is a table a migration
// added without saying whether it is part of the site, and copying without it would lose rows.
void check_tables_known(CopySide& side, const std::set<std::string>& tables) {
  for (const auto& table : tables)
    if (!find_site_table(table))
      throw SchemaMismatch(side.name() + " has a table `" + table +
                           "` that the copy does not know (add it to "
                           "src/store/copy/site_tables.cpp: copied, derived or local)");
}

// "3 articles, 1 users": what makes `target` a site.
std::string site_in(CopyTarget& target, const std::set<std::string>& tables) {
  std::string found;
  for (const auto& table : site_tables()) {
    if (!table.holds_site || !tables.contains(std::string(table.name))) continue;
    auto rows = target.count(std::string(table.name));
    if (rows == 0) continue;
    if (!found.empty()) found += ", ";
    found += std::to_string(rows) + " " + std::string(table.name);
  }
  return found;
}

// The source's columns the target has too, in the source's order; a source column the target
// lacks would be lost, so it stops the copy.
std::vector<std::string> shared_columns(CopySource& source, CopyTarget& target,
                                        const std::string& table) {
  auto from = source.columns(table);
  auto to = target.columns(table);
  std::vector<std::string> missing;
  for (const auto& column : from)
    if (std::find(to.begin(), to.end(), column) == to.end()) missing.push_back(column);
  if (!missing.empty()) {
    std::string names;
    for (const auto& column : missing) names += (names.empty() ? "" : ", ") + table + "." + column;
    throw SchemaMismatch(target.name() + " has no column for " + names + " of " + source.name() +
                         " (is one of them older than the other? upgrade Gazette on both)");
  }
  return from;
}

// Copies the rows of one table; returns how many.
std::int64_t copy_rows(CopySource& source, CopyTarget& target, const SiteTable& entry,
                       const std::string& table) {
  auto columns = shared_columns(source, target, table);
  auto key = source.primary_key(table);
  if (key.empty()) key = columns;

  // Self-references are written after every row is in: a reply may have a smaller id than the
  // comment it answers (an imported thread), and the target checks references at each row.
  std::vector<std::pair<std::size_t, std::string>> deferred;
  for (auto column : entry.self_references) {
    auto found = std::find(columns.begin(), columns.end(), column);
    if (found != columns.end()) deferred.emplace_back(found - columns.begin(), *found);
  }
  if (!deferred.empty() && key.size() != 1)
    throw SchemaMismatch(table + ": a self-referencing table needs a one-column primary key");
  std::size_t key_index = 0;
  if (!deferred.empty())
    key_index = std::find(columns.begin(), columns.end(), key.front()) - columns.begin();
  struct Reference {
    Value key;
    std::size_t column;
    Value value;
  };
  std::vector<Reference> references;

  std::int64_t rows = 0;
  source.read(table, columns, key, [&](Row& row) {
    for (const auto& [index, name] : deferred) {
      if (std::holds_alternative<std::monostate>(row[index])) continue;
      references.push_back({row[key_index], index, std::move(row[index])});
      row[index] = std::monostate{};
    }
    target.insert(table, columns, row);
    ++rows;
  });
  target.end_table(table);
  for (const auto& reference : references)
    target.update(table, key.front(), reference.key, columns[reference.column], reference.value);
  return rows;
}

}  // namespace

std::int64_t CopyReport::rows() const {
  std::int64_t total = 0;
  for (const auto& table : tables) total += table.rows;
  return total;
}

CopyReport copy_site(CopySource& source, CopyTarget& target, const CopyOptions& options) {
  source.begin_snapshot();
  auto source_tables = source.tables();
  check_tables_known(source, source_tables);
  target.begin();
  auto target_tables = target.tables();
  check_tables_known(target, target_tables);

  if (!options.replace) {
    auto site = site_in(target, target_tables);
    if (!site.empty())
      throw TargetNotEmpty(target.name() + " already holds a site (" + site +
                               "); copy into an empty database, or add --replace to empty it first",
                           site);
  }
  // Emptied whether or not it holds a site: rows Gazette writes by itself when it opens a
  // database (the comment form key) give way to the source's. Derived tables first, then the
  // copied ones from the last: nothing is deleted while a row still references it.
  auto tables = site_tables();
  for (auto entry = tables.rbegin(); entry != tables.rend(); ++entry) {
    std::string name(entry->name);
    if (entry->role != TableRole::local && target_tables.contains(name)) target.clear(name);
  }

  CopyReport report;
  for (const auto& entry : tables) {
    if (entry.role != TableRole::copied) continue;
    std::string table(entry.name);
    bool on_source = source_tables.contains(table);
    bool on_target = target_tables.contains(table);
    if (!on_target) {
      auto rows = on_source ? source.count(table) : 0;
      if (rows > 0)
        throw SchemaMismatch(target.name() + " has no table `" + table + "` for the " +
                             std::to_string(rows) + " rows of " + source.name() +
                             " (is one of them older than the other? upgrade Gazette on both)");
    }
    std::int64_t rows = on_source && on_target ? copy_rows(source, target, entry, table) : 0;
    report.tables.push_back({table, rows, on_source, on_target});
  }
  target.announce_everything_changed();
  target.commit();
  return report;
}

std::size_t CopyReport::tables_written() const {
  return std::count_if(tables.begin(), tables.end(),
                       [](const CopiedTable& table) { return table.on_target; });
}

std::vector<CountMismatch> verify_counts(CopyTarget& target, const CopyReport& report) {
  std::vector<CountMismatch> mismatches;
  for (const auto& table : report.tables) {
    if (!table.on_target) continue;
    auto found = target.count(table.name);
    if (found != table.rows) mismatches.push_back({table.name, table.rows, found});
  }
  return mismatches;
}

}  // namespace gazette::store::copy
