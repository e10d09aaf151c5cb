// The site's tables, as the copy (site_copy.h) and the backups of every backend see them: which
// are copied, in what order (a table after those it references), and which are left out —
// derived data the target computes again, or what belongs to one database only. Every table of
// either backend's schema must be named here: a migration adding a table without saying what it
// is makes the copy refuse to run, naming the table, rather than leave its rows behind.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace gazette::store::copy {

enum class TableRole {
  /// Part of the site: copied, ids kept.
  copied,
  /// Computed from the copied tables (the search index, related lists): emptied on the target,
  /// whose catch-up builds them again.
  derived,
  /// One database's own (its migrations, its change log): neither copied nor emptied.
  local,
};

struct SiteTable {
  std::string_view name;
  TableRole role = TableRole::copied;
  /// Whether a row here means the database holds a site (the copy refuses to overwrite one).
  /// Rows Gazette writes by itself when it opens a database — the comment form key — do not.
  bool holds_site = false;
  /// Columns referencing a row of the same table (a reply's parent comment): written once
  /// every row is there, as the referenced row may come later in key order.
  std::vector<std::string_view> self_references = {};
};

/// Every table named above, the copied ones in dependency order.
std::span<const SiteTable> site_tables();

/// The entry for `name`, or nullptr when the list does not know it.
const SiteTable* find_site_table(std::string_view name);

}  // namespace gazette::store::copy
