// The one process, among those sharing a database, that runs the jobs two must never run at
// once: scheduled publication and the related-articles catch-up. PostgreSQL: a session advisory
// lock on a connection of its own (another node takes over when the leader's connection
// closes); SQLite: the process is its own leader, as one machine runs every process.
#pragma once

#include <functional>
#include <utility>

namespace gazette::store {

class Leadership {
 public:
  virtual ~Leadership() = default;

  /// Starts seeking the lead: `lead` runs when this process becomes the leader, `step_down`
  /// when it stops being it (its lock lost with its connection), each on the leadership's own
  /// thread and one after the other. Called once.
  virtual void campaign(std::function<void()> lead, std::function<void()> step_down) = 0;
  /// Stops seeking it, stepping down first if leading (step_down has returned when this does).
  virtual void resign() = 0;
};

/// The leader of a database no other machine shares: leads from campaign() to resign().
class SoleLeadership final : public Leadership {
 public:
  ~SoleLeadership() override { resign(); }
  void campaign(std::function<void()> lead, std::function<void()> step_down) override {
    step_down_ = std::move(step_down);
    lead();
  }
  void resign() override {
    if (auto step_down = std::exchange(step_down_, nullptr)) step_down();
  }

 private:
  std::function<void()> step_down_;
};

}  // namespace gazette::store
