#include "gil/ipc/connection.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "gil/ipc/wire.h"

namespace gil {

Connection::Connection(int fd) : fd_(fd) {}

Connection::Connection(Connection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

Connection::~Connection() { close(); }

void Connection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void Connection::send_bytes(std::string_view payload) {
  std::string message = wire::frame(payload);
  std::lock_guard<std::mutex> lock(send_mutex_);
  size_t sent = 0;
  while (sent < message.size()) {
    ssize_t n = ::send(fd_, message.data() + sent, message.size() - sent, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "send");
    }
    sent += static_cast<size_t>(n);
  }
}

bool Connection::read_exactly(char* out, size_t n, bool allow_eof, size_t before, size_t total) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd_, out + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "read");
    }
    if (r == 0) {
      if (got == 0 && allow_eof) return false;
      throw wire::FormatError("truncated frame: the channel closed after " + std::to_string(before + got) + " of " +
                              std::to_string(total ? total : n) + " bytes");
    }
    got += static_cast<size_t>(r);
  }
  return true;
}

std::optional<std::string> Connection::recv_bytes() {
  std::lock_guard<std::mutex> lock(recv_mutex_);
  char header[wire::kHeaderSize];
  if (!read_exactly(header, sizeof header, true)) return std::nullopt;
  std::string_view h(header, sizeof header);
  size_t length = wire::payload_length(h);
  // The buffer grows with the bytes that arrive, a chunk at a time, not to
  // the length the header announces: a header alone (up to 1 GiB) must not
  // make this process allocate and zero that much.
  constexpr size_t kChunk = size_t{1} << 20;
  std::string payload;
  while (payload.size() < length) {
    size_t got = payload.size();
    payload.resize(got + std::min(kChunk, length - got));
    read_exactly(payload.data() + got, payload.size() - got, false, got, length);
  }
  wire::check_payload(h, payload);
  return payload;
}

bool Connection::poll(std::chrono::milliseconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  for (;;) {
    int r = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw std::system_error(errno, std::generic_category(), "poll");
    return r > 0;
  }
}

std::pair<Connection, Connection> make_connection_pair() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    throw std::system_error(errno, std::generic_category(), "socketpair");
  return {Connection(fds[0]), Connection(fds[1])};
}

}  // namespace gil
