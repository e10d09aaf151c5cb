// The list of the site's tables (see site_tables.h).
#include "store/copy/site_tables.h"

#include <algorithm>

namespace gazette::store::copy {

namespace {

using enum TableRole;

// Dependency order: each copied table comes after every table it references.
const std::vector<SiteTable>& tables() {
  static const std::vector<SiteTable> list = {
      // Content (SQLite 0001, 0003, 0006; PostgreSQL 0002).
      {.name = "settings", .holds_site = true},
      {.name = "media", .holds_site = true},
      {.name = "media_variants"},
      {.name = "authors", .holds_site = true},
      {.name = "sections", .holds_site = true},
      {.name = "categories", .holds_site = true, .self_references = {"parent_id"}},
      {.name = "tags", .holds_site = true},
      // Articles carry their kind and sponsor (SQLite 0019, PostgreSQL 0018).
      {.name = "articles", .holds_site = true},
      {.name = "article_categories"},
      {.name = "article_tags"},
      // Co-bylines (SQLite 0023, PostgreSQL 0022).
      {.name = "article_coauthors"},
      {.name = "sticky_articles"},
      // The newsroom (SQLite 0003, 0008; PostgreSQL 0003). Sessions come along, so nobody is
      // signed out by a move; failed sign-ins too, so a move does not reset their limits.
      {.name = "users", .holds_site = true},
      {.name = "sessions"},
      {.name = "sign_in_failures"},
      {.name = "article_revisions"},
      // Corrections in the open (SQLite 0012; PostgreSQL 0011).
      {.name = "article_changes"},
      // Comments (SQLite 0004, 0008). The form key comes along, so forms signed before the
      // move are still accepted, and the tokens already used, so none is accepted twice.
      {.name = "comments", .holds_site = true, .self_references = {"parent_id"}},
      {.name = "comment_closed_articles"},
      {.name = "comment_settings"},
      {.name = "used_form_tokens"},
      // Newsletters (SQLite 0013; PostgreSQL 0012): readers' subscriptions and the sending
      // settings move with the site, and so does the mail queue: what was sent to whom comes
      // along, so a digest already sent is not sent again from the new database.
      {.name = "newsletter_subscriptions", .holds_site = true},
      {.name = "newsletter_settings"},
      {.name = "mail_queue"},
      // WordPress imports (SQLite 0006): what was imported, the old addresses.
      {.name = "wxr_items"},
      {.name = "wxr_comments"},
      {.name = "redirects", .holds_site = true},
      // Embargo preview links (SQLite 0016; PostgreSQL 0015): links handed out keep working.
      {.name = "preview_links"},
      // Content API tokens and read keys (SQLite 0017; PostgreSQL 0016): scripts keep working.
      {.name = "api_tokens"},
      // Webhooks (SQLite 0018; PostgreSQL 0017): the addresses, whether private networks are
      // allowed, and the deliveries, so none queued is lost nor any delivered posted again.
      {.name = "webhooks"},
      {.name = "webhook_settings"},
      {.name = "webhook_deliveries"},
      // Live coverage (SQLite 0011; PostgreSQL 0010): an article's coverage and its entries.
      {.name = "live_coverage"},
      {.name = "live_entries"},

      // Discovery (SQLite 0002, 0007, 0009; PostgreSQL 0006, 0008): built again by the
      // target's catch-up.
      {.name = "search_index", .role = derived},
      {.name = "search_documents", .role = derived},
      {.name = "search_terms", .role = derived},
      {.name = "search_postings", .role = derived},
      {.name = "related_articles", .role = derived},
      // A view of search_index (fts5vocab), and a counter that must only grow: processes
      // holding documents of an older generation read what changed since.
      {.name = "search_vocabulary", .role = local},
      {.name = "search_index_generation", .role = local},

      // Each database's own.
      {.name = "schema_migrations", .role = local},
      {.name = "change_log", .role = local},
      // A backup file's manifest (sqlite/backup_file.h).
      {.name = "gazette_backup", .role = local},
  };
  return list;
}

}  // namespace

std::span<const SiteTable> site_tables() {
  return tables();
}

const SiteTable* find_site_table(std::string_view name) {
  const auto& list = tables();
  auto found = std::find_if(list.begin(), list.end(),
                            [name](const SiteTable& table) { return table.name == name; });
  return found == list.end() ? nullptr : &*found;
}

}  // namespace gazette::store::copy
