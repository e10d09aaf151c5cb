// The write path every service takes: a body runs in one write transaction, which commits the
// store writes and the change-log entries of what the body announced together; once committed
// (and the writer released), the announced events are published on this process's event bus —
// page cache, search index, related lists. Only services use it, so only services write and
// only services publish events.
//
//   auto saved = write_path_.run([&](store::WriteTransaction& write) {
//     auto saved = store_.save_article(write, draft, now);
//     write.announce(content::ArticleChanged{saved.id, saved.before, saved.after});
//     return saved;
//   });
#pragma once

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "content/events.h"
#include "store/write_transaction.h"

namespace gazette::publishing {

class WritePath {
 public:
  WritePath(store::Database& database, const content::EventBus& events)
      : database_(database), events_(events) {}

  /// Runs `body(write)` in one transaction and returns what it returns. It commits when the body
  /// returns and rolls back when it throws (nothing written, nothing announced, the exception
  /// goes on). The events the body announced are published after the commit, in order; a
  /// process killed in between leaves them in the change log, where other processes read them.
  template <class Body>
  std::invoke_result_t<Body&, store::WriteTransaction&> run(Body&& body);

  /// Writes more with every write, in its own transaction, from what it announced (webhook
  /// deliveries): run after the body, before the commit, so both commit or neither does. Set
  /// at start-up only, before any write.
  using BeforeCommit = std::function<void(store::WriteTransaction&)>;
  void before_commit(BeforeCommit hook) { before_commit_ = std::move(hook); }

 private:
  void publish(const std::vector<content::Event>& events) const {
    for (const auto& event : events) events_.publish(event);
  }

  store::Database& database_;
  const content::EventBus& events_;
  BeforeCommit before_commit_;
};

template <class Body>
std::invoke_result_t<Body&, store::WriteTransaction&> WritePath::run(Body&& body) {
  using Result = std::invoke_result_t<Body&, store::WriteTransaction&>;
  std::vector<content::Event> announced;
  if constexpr (std::is_void_v<Result>) {
    {
      auto write = database_.begin_write();
      body(*write);
      if (before_commit_) before_commit_(*write);
      write->commit();
      announced = write->announced();
    }  // the writer is let go before the subscribers run: they may write in turn
    publish(announced);
  } else {
    std::optional<Result> result;
    {
      auto write = database_.begin_write();
      result.emplace(body(*write));
      if (before_commit_) before_commit_(*write);
      write->commit();
      announced = write->announced();
    }
    publish(announced);
    return std::move(*result);
  }
}

}  // namespace gazette::publishing
