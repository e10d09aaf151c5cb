// The in-memory mirror of indexed documents (see indexed_documents.h).
#include "store/sqlite/indexed_documents.h"

#include <algorithm>
#include <string_view>

namespace gazette::store::sqlite {

namespace {

// Ids past this many entries of the dense vector go to the map: a vector of this size is
// 16 MiB, room for a site of millions of articles.
constexpr std::int64_t kMaxDenseIds = std::int64_t{1} << 20;
// Past this many documents written since the last snapshot, newest_first is sorted again rather
// than updated in place (each in-place move shifts the vector: 0.1 ms at 100,000 articles).
constexpr std::size_t kMaxMovedInDateOrder = 64;
// FTS5 keeps the totals bm25() reads (documents, tokens per column) in this record of its data
// table (FTS5_AVERAGES_ROWID in SQLite's fts5Int.h).
constexpr std::int64_t kAveragesRecord = 1;
// search_index's columns (migrations/0002): title, lead, body, keywords.
constexpr int kIndexColumns = 4;

// SQLite's variable-length integer (FTS5 writes docsize and the averages record with it): 7 bits
// a byte, high bit set on all but the last, and a ninth byte of 8 bits. Advances `bytes`.
std::uint64_t read_varint(std::string_view& bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < 9 && !bytes.empty(); ++i) {
    auto byte = static_cast<unsigned char>(bytes.front());
    bytes.remove_prefix(1);
    if (i == 8) return (value << 8) | byte;
    value = (value << 7) | (byte & 0x7F);
    if (!(byte & 0x80)) return value;
  }
  return value;
}

// The sum of a docsize blob's per-column token counts: what FTS5's xColumnSize(-1) returns.
std::int32_t document_length(std::string_view docsize) {
  std::uint64_t total = 0;
  while (!docsize.empty()) total += read_varint(docsize);
  return static_cast<std::int32_t>(total);
}

}  // namespace

void IndexSnapshot::set(std::int64_t id, const IndexedDocument& document) {
  if (id >= 0 && id < kMaxDenseIds) {
    auto index = static_cast<std::size_t>(id);
    if (index >= dense_.size()) dense_.resize(std::max(index + 1, dense_.size() * 2));
    dense_[index] = document;
    dense_[index].known = true;
  } else {
    auto& entry = sparse_[id] = document;
    entry.known = true;
  }
}

void IndexSnapshot::order_by_date(const std::vector<std::int64_t>& changed, bool sort_all) {
  auto newer = [this](std::int64_t a, std::int64_t b) {
    auto at = find(a)->published_at;
    auto bt = find(b)->published_at;
    return at != bt ? at > bt : a > b;
  };
  if (sort_all) {
    std::vector<std::pair<std::int64_t, std::int64_t>> dated;  // (published_at, id)
    for (std::size_t id = 0; id < dense_.size(); ++id)
      if (dense_[id].known) dated.emplace_back(dense_[id].published_at, id);
    for (const auto& [id, document] : sparse_) dated.emplace_back(document.published_at, id);
    std::sort(dated.begin(), dated.end(), std::greater<>());
    newest_first_.clear();
    newest_first_.reserve(dated.size());
    for (const auto& [published_at, id] : dated) newest_first_.push_back(id);
    return;
  }
  // The changed documents' entries stand where their former dates put them: out first (one
  // pass), then each in where its date puts it now.
  std::vector<std::int64_t> ids = changed;
  std::sort(ids.begin(), ids.end());
  std::erase_if(newest_first_,
                [&](std::int64_t id) { return std::binary_search(ids.begin(), ids.end(), id); });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (auto id : ids)
    newest_first_.insert(std::upper_bound(newest_first_.begin(), newest_first_.end(), id, newer),
                         id);
}

std::int64_t index_generation(Connection& connection) {
  auto statement = connection.prepare("SELECT generation FROM search_index_generation");
  return statement.step() ? statement.column_int(0) : 0;
}

std::int64_t next_index_generation(Connection& connection) {
  connection.prepare("UPDATE search_index_generation SET generation = generation + 1").run();
  return index_generation(connection);
}

std::shared_ptr<const IndexSnapshot> IndexedDocuments::current(Connection& connection) {
  auto generation = index_generation(connection);
  auto latest = [&] {
    std::lock_guard lock(latest_mutex_);
    return latest_;
  };
  if (auto held = latest(); held && held->generation >= generation) return held;

  std::lock_guard building(mutex_);
  auto held = latest();
  if (held && held->generation >= generation) return held;
  auto next = held ? std::make_shared<IndexSnapshot>(*held) : std::make_shared<IndexSnapshot>();
  {
    // Generation 0 is that of documents indexed before migrations/0009: all of them at first.
    auto statement = connection.prepare(
        "SELECT d.article_id, d.published_at, s.sz FROM search_documents d"
        " JOIN search_index_docsize s ON s.id = d.article_id WHERE d.generation > ?");
    statement.bind(1, held ? held->generation : std::int64_t{-1});
    std::vector<std::int64_t> changed;
    while (statement.step()) {
      auto id = statement.column_int(0);
      changed.push_back(id);
      auto docsize = statement.column_text(2);
      next->set(id, {statement.column_int(1), document_length(docsize), true});
    }
    next->order_by_date(changed, !held || changed.size() > kMaxMovedInDateOrder);
  }
  {
    auto statement = connection.prepare("SELECT block FROM search_index_data WHERE id = ?");
    statement.bind(1, kAveragesRecord);
    next->rows = 0;
    next->tokens = 0;
    if (statement.step()) {
      auto block = statement.column_text(0);
      std::string_view bytes(block);
      next->rows = static_cast<std::int64_t>(read_varint(bytes));
      for (int column = 0; column < kIndexColumns && !bytes.empty(); ++column)
        next->tokens += static_cast<std::int64_t>(read_varint(bytes));
    }
  }
  next->generation = generation;
  std::lock_guard lock(latest_mutex_);
  latest_ = next;
  return next;
}

}  // namespace gazette::store::sqlite
