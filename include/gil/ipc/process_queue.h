// ProcessQueue: a first-in first-out queue of messages between processes,
// with any number of producers and consumers in any number of processes,
// built the way CPython's multiprocessing.Queue is:
//
// - the messages travel in wire.h frames through one pipe, whose buffer is
//   raised to 1 MiB where the kernel allows;
// - put() never blocks: it appends to a buffer that a feeder thread of the
//   putting process writes into the pipe, as CPython's does;
// - whole frames never interleave: writers take a writer lock around what
//   they write, readers a reader lock around each frame. The locks are
//   process-shared POSIX semaphores in a page of shared memory (memfd), as
//   CPython's are, so taking one costs no system call unless it is contended;
// - the feeder writes everything buffered so far in one write, under one
//   hold of the writer lock, so small messages share system calls;
// - qsize() reads a counter in the same page, raised by put() and lowered by
//   get().
//
// All of its state is file descriptors, so a child process gets the same
// queue by inheriting them (handles() and the constructor from handles).
// If a process dies between taking and returning a lock, the lock is lost
// and the queue stays blocked: CPython's queue has the same limit.
//
// A writer that dies inside a frame (a child killed while its feeder writes
// a large item) leaves half a frame in the pipe, on which CPython's get()
// blocks forever, deaf to its timeout and to Ctrl-C. Here a reader inside a
// frame watches the writer (its pid is in the shared page): once the writer
// has ended and the pipe is empty, get() throws wire::FormatError naming the
// cut message, whatever its timeout, and so does every later get() in every
// process, as the pipe no longer starts at a frame boundary. Ctrl-C ends a
// read inside a frame too, with the same consequence. A writer that is alive
// (slow, or stopped) is waited for past the timeout: the timeout bounds the
// wait for a message to begin, as in CPython, since giving up on a message
// in flight would lose it and every one after it.
//
// Thread safety: every method may be called from any thread of any process
// that holds the queue. None needs the GIL; callers release it around get().
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace gil {

class ProcessQueue {
 public:
  // The descriptors a queue is made of, in a fixed order.
  using Handles = std::array<int, 3>;

  // A new queue. Throws std::system_error when the kernel refuses a pipe.
  ProcessQueue();
  // The queue whose descriptors [handles] this process inherited; takes
  // ownership of them.
  explicit ProcessQueue(const Handles& handles);
  // Flushes what put() buffered (blocking until it is in the pipe), then
  // closes the descriptors.
  ~ProcessQueue();
  ProcessQueue(const ProcessQueue&) = delete;
  ProcessQueue& operator=(const ProcessQueue&) = delete;

  // Queues [payload] (a wire-format value) and returns at once.
  void put(std::string payload);
  // Takes the oldest message, waiting until [deadline] (forever when
  // unset) for one to begin; nullopt on timeout, or when a signal ends the
  // wait (also inside a frame, which damages the queue) and [interrupted]
  // (may be null) says to give up. Throws wire::FormatError for a damaged
  // frame, one whose writer ended inside it, and on a damaged queue.
  std::optional<std::string> get(std::optional<std::chrono::steady_clock::time_point> deadline,
                                 const std::function<bool()>& interrupted = nullptr);
  // Whether a message is waiting in the pipe now (what CPython's empty()
  // asks; put()s still in a feeder's buffer do not count).
  bool readable() const;
  // Messages put and not yet taken, by every process.
  int64_t size() const;
  // Waits until every message this process put is in the pipe.
  void flush();
  // Discards unsent messages on destruction instead of waiting, also a
  // write blocked on a full pipe (for a process that must exit although
  // nobody reads).
  void cancel_flush() { cancel_flush_ = true; }

  const Handles& handles() const { return fds_; }

 private:
  enum Fd { kReadData, kWriteData, kShared };
  struct Shared;
  // How far get() is into a frame: bytes read, and the frame's size (the
  // header's alone until the header is read).
  struct FrameRead {
    size_t done;
    size_t total;
  };
  void map_shared();
  void feed();
  // Reads [n] bytes of the frame get() has begun into [out]; false when a
  // signal interrupted and [interrupted] said to give up. Throws
  // wire::FormatError when the frame's writer has ended without finishing
  // it. Either way the queue is then damaged.
  bool read_in_frame(char* out, size_t n, FrameRead& read, const std::function<bool()>& interrupted);

  Handles fds_;
  Shared* shared_ = nullptr;
  // This process's own pipe that tells a blocked feeder to give up.
  int wake_[2] = {-1, -1};

  // The feeder: frames put() queued and the thread that writes them.
  std::mutex buffer_mutex_;
  std::condition_variable buffer_changed_;
  std::deque<std::string> buffer_;  // guarded by buffer_mutex_
  bool writing_ = false;            // guarded by buffer_mutex_
  bool closing_ = false;            // guarded by buffer_mutex_
  std::thread feeder_;              // started by the first put()
  std::atomic<bool> cancel_flush_{false};
};

}  // namespace gil
