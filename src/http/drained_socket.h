// Waiting for a keep-alive client's next request without first asking an empty socket.
//
// asio begins every read with a recv ("speculative"), and waits for epoll only when that recv
// finds nothing. After a response to a request whose recv drained the socket, that first recv
// always finds nothing, and costs as much as any system call: 1.2 µs on the 2-core machines the
// reader pages are measured on, about a tenth of a cached page's server time. asio skips it
// itself after a read that met the end of the stream (the reactor's per-descriptor flag
// try_speculative_), but has no public way to be told "drained" after a short read. This sets
// that flag, which is private: an explicit template instantiation may name a private member (the
// standard waives access checks there), and that is how it is reached.
//
// Why no request is lost: asio registers each socket once, edge-triggered. Bytes that arrive
// after the recv that drained the socket raise an edge; the reactor's next epoll_wait reports it,
// and handling it sets the flag back and performs the queued read. So the flag may be cleared
// only when no reactor turn ran between that recv and the wait (the reactor would have taken the
// edge with no read queued, and none would come again): the connection clears it only in the
// handler chain that the recv completed (connection_impl.h).
//
// The reactor's internals are Boost 1.74's (Debian 12's). With any other Boost, or a reactor
// that is not epoll, the wait asks the socket first, as asio always does.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace gazette::http {

/// The sockets this applies to: the server's (reply.h's Socket).
using TcpSocketOfOneThread =
    boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;

/// The next read of `socket` waits for the client's bytes without a recv first. Only for a socket
/// whose last recv, in this same handler chain, took all it held (see above).
void wait_without_probe(TcpSocketOfOneThread& socket);

}  // namespace gazette::http
