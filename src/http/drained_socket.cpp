// wait_without_probe (drained_socket.h): the private members it sets, named once in the program
// as explicit instantiations must be.
#include "http/drained_socket.h"

#include <boost/version.hpp>

namespace gazette::http {

#if BOOST_VERSION == 107400 && defined(BOOST_ASIO_HAS_EPOLL)

namespace {

namespace asio = boost::asio;

// Gives `member_of(Tag{})`, the private member `Member`.
template <class Tag, typename Tag::type Member>
struct Expose {
  friend typename Tag::type member_of(Tag) { return Member; }
};

using BasicSocket = asio::basic_socket<asio::ip::tcp, asio::io_context::executor_type>;

struct SocketImplementation {
  using type = asio::detail::io_object_impl<asio::detail::reactive_socket_service<asio::ip::tcp>,
                                            asio::io_context::executor_type>
      BasicSocket::*;
  friend type member_of(SocketImplementation);
};
template struct Expose<SocketImplementation, &BasicSocket::impl_>;

using DescriptorState = asio::detail::epoll_reactor::descriptor_state;

struct TrySpeculative {
  using type = bool (DescriptorState::*)[asio::detail::epoll_reactor::max_ops];
  friend type member_of(TrySpeculative);
};
template struct Expose<TrySpeculative, &DescriptorState::try_speculative_>;

}  // namespace

void wait_without_probe(TcpSocketOfOneThread& socket) {
  auto& implementation = socket.*member_of(SocketImplementation{});
  auto* state = implementation.get_implementation().reactor_data_;
  if (!state) return;  // closed
  (state->*member_of(TrySpeculative{}))[asio::detail::epoll_reactor::read_op] = false;
}

#else

void wait_without_probe(TcpSocketOfOneThread&) {}

#endif

}  // namespace gazette::http
