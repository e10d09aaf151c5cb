// EventStream and EventStreamHub (see event_streams.h).
#include "http/event_streams.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <iterator>

namespace gazette::http {

namespace {

// An SSE comment: ignored by EventSource, enough for a proxy to see the stream alive.
const std::shared_ptr<const std::string>& heartbeat_comment() {
  static const auto comment = std::make_shared<const std::string>(":\n\n");
  return comment;
}

}  // namespace

EventStream::EventStream(EventStreamHub& hub, std::string channel, std::string address)
    : hub_(hub), channel_(std::move(channel)), address_(std::move(address)) {}

EventStream::~EventStream() {
  hub_.remove(this);
}

void EventStream::send(std::shared_ptr<const std::string> bytes, bool is_event) {
  std::unique_lock lock(mutex_);
  if (closed_) return;
  if (unsent_bytes_ + bytes->size() > hub_.limits_.max_unsent_bytes) {
    // Too far behind: dropped, rather than holding more and more for a reader who does not read.
    lock.unlock();
    hub_.note_dropped();
    close();
    return;
  }
  unsent_bytes_ += bytes->size();
  queued_.push_back(std::move(bytes));
  if (is_event) last_event_ = std::chrono::steady_clock::now();
  if (executor_ && !writing_) {
    writing_ = true;
    boost::asio::post(*executor_, [self = shared_from_this()] { self->write_queued(); });
  }
}

void EventStream::adopt(Socket socket, std::string head) {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;  // the socket closes as it goes out of scope
    socket_.emplace(std::move(socket));
    executor_ = socket_->get_executor();
    heartbeat_.emplace(*executor_);
    auto bytes = std::make_shared<const std::string>(std::move(head));
    unsent_bytes_ += bytes->size();
    queued_.push_front(std::move(bytes));
    writing_ = true;
  }
  // Called on the connection's strand, which is now the stream's.
  read_until_closed();
  arm_heartbeat();
  write_queued();
}

void EventStream::close() {
  std::lock_guard lock(mutex_);
  if (closed_) return;
  closed_ = true;
  queued_.clear();
  if (executor_)
    boost::asio::post(*executor_, [self = shared_from_this()] { self->close_on_executor(); });
}

void EventStream::write_queued() {
  {
    std::lock_guard lock(mutex_);
    if (closed_ || queued_.empty()) {
      writing_ = false;
      return;
    }
    writing_now_.assign(std::make_move_iterator(queued_.begin()),
                        std::make_move_iterator(queued_.end()));
    queued_.clear();
  }
  buffers_.clear();
  for (const auto& bytes : writing_now_) buffers_.push_back(boost::asio::buffer(*bytes));
  boost::asio::async_write(*socket_, buffers_,
                           [self = shared_from_this()](boost::system::error_code error,
                                                       std::size_t bytes) {
                             self->on_written(error, bytes);
                           });
}

void EventStream::on_written(boost::system::error_code error, std::size_t) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& bytes : writing_now_) unsent_bytes_ -= bytes->size();
  }
  writing_now_.clear();
  if (error) return close();
  write_queued();
}

void EventStream::read_until_closed() {
  socket_->async_read_some(boost::asio::buffer(discard_),
                           [self = shared_from_this()](boost::system::error_code error,
                                                       std::size_t) {
                             // The client went away (or the stream was closed).
                             if (error) return self->close();
                             self->read_until_closed();
                           });
}

void EventStream::arm_heartbeat() {
  heartbeat_->expires_after(hub_.limits_.heartbeat);
  heartbeat_->async_wait([self = shared_from_this()](boost::system::error_code error) {
    if (error) return;
    bool idle = false;
    {
      std::lock_guard lock(self->mutex_);
      if (self->closed_) return;
      idle = std::chrono::steady_clock::now() - self->last_event_ >= self->hub_.limits_.idle_timeout;
    }
    if (idle) return self->close();
    self->send(heartbeat_comment(), false);
    self->arm_heartbeat();
  });
}

void EventStream::close_on_executor() {
  boost::system::error_code ignored;
  if (heartbeat_) heartbeat_->cancel();
  if (socket_) {
    socket_->shutdown(boost::asio::socket_base::shutdown_both, ignored);
    socket_->close(ignored);
  }
}

std::variant<std::shared_ptr<EventStream>, StreamRefusal> EventStreamHub::open(
    std::string channel, std::string address) {
  std::lock_guard lock(mutex_);
  if (stopping_) return StreamRefusal::stopping;
  if (open_ >= limits_.total) return StreamRefusal::total_limit;
  auto& from_address = per_address_[address];
  if (from_address >= limits_.per_address) return StreamRefusal::address_limit;
  auto stream = std::make_shared<EventStream>(*this, channel, std::move(address));
  channels_[std::move(channel)].emplace(stream.get(), stream);
  ++from_address;
  ++open_;
  return stream;
}

void EventStreamHub::remove(EventStream* stream) {
  std::lock_guard lock(mutex_);
  if (auto channel = channels_.find(stream->channel()); channel != channels_.end()) {
    channel->second.erase(stream);
    if (channel->second.empty()) channels_.erase(channel);
  }
  if (auto address = per_address_.find(stream->address()); address != per_address_.end()) {
    if (--address->second == 0) per_address_.erase(address);
  }
  --open_;
}

std::vector<std::shared_ptr<EventStream>> EventStreamHub::streams_of(std::string_view channel) {
  std::vector<std::shared_ptr<EventStream>> streams;
  std::lock_guard lock(mutex_);
  auto found = channels_.find(std::string(channel));
  if (found == channels_.end()) return streams;
  streams.reserve(found->second.size());
  for (auto& [key, stream] : found->second) {
    if (auto alive = stream.lock()) streams.push_back(std::move(alive));
  }
  return streams;
}

void EventStreamHub::publish(std::string_view channel,
                             const std::shared_ptr<const std::string>& event) {
  // Released outside the lock: the last reference to a stream that closed meanwhile removes it.
  auto streams = streams_of(channel);
  for (auto& stream : streams) stream->send(event);
}

void EventStreamHub::close_all() {
  std::vector<std::shared_ptr<EventStream>> streams;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [name, channel] : channels_) {
      for (auto& [key, stream] : channel) {
        if (auto alive = stream.lock()) streams.push_back(std::move(alive));
      }
    }
  }
  for (auto& stream : streams) stream->close();
}

std::size_t EventStreamHub::open_count() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t EventStreamHub::dropped_count() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

void EventStreamHub::note_dropped() {
  std::lock_guard lock(mutex_);
  ++dropped_;
}

}  // namespace gazette::http
