// Deadline: one lazily moved timer per connection (see deadline.h).
#include "http/deadline.h"

namespace gazette::http {

void Deadline::watch(std::weak_ptr<void> owner, std::function<void()> on_expiry) {
  owner_ = std::move(owner);
  on_expiry_ = std::move(on_expiry);
  if (limit_ != Clock::time_point::max()) arm(limit_);
}

void Deadline::expire_after(Clock::duration timeout, Clock::time_point now) {
  limit_ = now + timeout;
  // A later limit is met when the timer fires (on_timer waits again); only a sooner one needs it.
  if (limit_ < due_ && on_expiry_) arm(limit_);
}

void Deadline::cancel() {
  on_expiry_ = nullptr;
  due_ = Clock::time_point::max();
  timer_.cancel();
}

void Deadline::arm(Clock::time_point when) {
  due_ = when;
  timer_.expires_at(when);  // a wait already pending ends with operation_aborted, ignored below
  // The owner is checked before anything else: a wait that completed just before the owner was
  // destroyed still runs its handler, after this Deadline is gone.
  timer_.async_wait([this, owner = owner_](boost::system::error_code error) {
    auto alive = owner.lock();
    if (!alive || error) return;
    on_timer();
  });
}

void Deadline::on_timer() {
  due_ = Clock::time_point::max();
  if (!on_expiry_) return;
  if (Clock::now() < limit_) return arm(limit_);  // the limit moved on since the timer was set
  auto expired = std::move(on_expiry_);
  on_expiry_ = nullptr;
  expired();
}

}  // namespace gazette::http
