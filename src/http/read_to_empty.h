// Reading a client's socket so that asio's reactor learns when a read emptied it.
//
// asio begins every read with a recv ("speculative"), and waits for epoll only when that recv
// finds nothing. After answering a keep-alive request whose recv took all the socket held, that
// first recv always finds nothing, and costs as much as any system call: on the 2-core virtual
// machines the reader pages are measured on, about a tenth of a cached page's server time.
//
// The reactor knows to skip it: a read that reports "done and exhausted" clears the socket's
// try_speculative_ flag, under the socket's reactor lock, in the same step as the recv; the next
// edge (bytes that arrived since) sets it again under the same lock, before any read waiting for
// it is performed. So no request is missed, whichever serving thread runs the reactor. asio
// reports it only for a read that met the end of the stream. For reads into a ReadToEmpty, the
// specialisation below also reports it when the recv took less than it asked for: on a stream
// socket, that is all the socket held.
//
// It specialises a member of asio's recv operation for our buffer type, so it depends on that
// operation's members: Boost 1.74's (Debian 12's) epoll reactor. With any other Boost a
// ReadToEmpty is an ordinary buffer and every read asks first, as asio always does.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/version.hpp>

namespace gazette::http {

/// A buffer a read fills from a stream socket; a read that leaves room in it tells the reactor
/// that the socket is empty, and the next read waits for the client without asking first.
struct ReadToEmpty : boost::asio::mutable_buffer {
  explicit ReadToEmpty(boost::asio::mutable_buffer buffer) : boost::asio::mutable_buffer(buffer) {}
};

}  // namespace gazette::http

#if BOOST_VERSION == 107400 && defined(BOOST_ASIO_HAS_EPOLL)

#include <boost/asio/detail/reactive_socket_recv_op.hpp>

namespace boost::asio::detail {

template <>
inline reactor_op::status reactive_socket_recv_op_base<gazette::http::ReadToEmpty>::do_perform(
    reactor_op* base) {
  auto* operation = static_cast<reactive_socket_recv_op_base*>(base);
  const mutable_buffer& buffer = operation->buffers_;
  bool stream = (operation->state_ & socket_ops::stream_oriented) != 0;
  if (!socket_ops::non_blocking_recv1(operation->socket_, buffer.data(), buffer.size(),
                                      operation->flags_, stream, operation->ec_,
                                      operation->bytes_transferred_))
    return not_done;  // nothing to read yet: the read waits for the socket's next edge
  // The end of the stream (asio's own rule), or less than asked: the socket is empty now.
  if (stream && (operation->bytes_transferred_ == 0 ||
                 (!operation->ec_ && operation->bytes_transferred_ < buffer.size())))
    return done_and_exhausted;
  return done;
}

}  // namespace boost::asio::detail

#endif
