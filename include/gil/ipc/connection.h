// Connection: one end of a duplex channel of framed messages over a socket
// (wire.h frames), the transport under multiprocessing.Pipe and the runner's
// task and result queues.
//
// Thread safety: any number of threads may send and receive on one
// Connection; whole frames never interleave (sends are serialised by one
// mutex, receives by another). Callers that hold the GIL release it around
// the blocking calls (ReleaseGil).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace gil {

class Connection {
 public:
  // Takes ownership of the socket [fd].
  explicit Connection(int fd);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Frames [payload] and writes it whole. Throws std::system_error when the
  // peer is gone (EPIPE) or the write fails.
  void send_bytes(std::string_view payload);
  // Reads one whole frame and returns its payload, or nullopt when the peer
  // closed the channel between frames. Throws wire::FormatError for a frame
  // cut short, a bad header or a checksum mismatch.
  std::optional<std::string> recv_bytes();
  // Whether a frame (or end of file) can be read within [timeout].
  bool poll(std::chrono::milliseconds timeout);

  int fd() const { return fd_; }
  // Closes the socket; later calls fail with EBADF.
  void close();

 private:
  // Reads exactly [n] bytes into [out]; false at end of file before any byte.
  // [before] bytes of a [total]-byte payload came earlier (for the message).
  bool read_exactly(char* out, size_t n, bool allow_eof, size_t before = 0, size_t total = 0);

  int fd_;
  std::mutex send_mutex_;
  std::mutex recv_mutex_;
};

// A connected pair of Connections (socketpair), both close-on-exec.
std::pair<Connection, Connection> make_connection_pair();

}  // namespace gil
