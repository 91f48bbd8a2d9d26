#include "gil/ipc/process_queue.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "gil/ipc/process_state.h"
#include "gil/ipc/wire.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

void make_pipe(int fds[2], int flags) {
  if (pipe2(fds, O_CLOEXEC | flags) != 0) fail("pipe2");
}

// Waits for [fd] to be readable until [deadline]; false on timeout, or when
// a signal ends the wait and [interrupted] says to give up.
bool wait_readable(int fd, std::optional<Clock::time_point> deadline, const std::function<bool()>& interrupted) {
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    int timeout_ms = -1;
    if (deadline) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
      timeout_ms = static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(left, 1 << 30)));
    }
    int r = ::poll(&p, 1, timeout_ms);
    if (r > 0) return true;
    if (r == 0) {
      if (!deadline || Clock::now() >= *deadline) return false;
      continue;
    }
    if (errno != EINTR) fail("poll");
    if (interrupted && interrupted()) return false;
  }
}

// Writes [n] bytes to the queue's pipe, whose writing end is non-blocking:
// while it is full, waits for room or for [wake] to become readable, which
// means give up (cancel_join_thread at exit). Returns false when it gave up.
bool write_all_unless_woken(int fd, int wake, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EAGAIN) {
      pollfd p[2] = {{fd, POLLOUT, 0}, {wake, POLLIN, 0}};
      if (::poll(p, 2, -1) > 0 && p[1].revents) return false;
      continue;
    }
    if (w < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

void write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
}

// How long a reader inside a frame waits for more bytes before it looks
// whether the frame's writer is still there. Only the cost of noticing a
// dead writer depends on it, never what get() returns.
constexpr int kWriterCheckMs = 100;

// What get() says once a reader has given up inside a frame.
constexpr const char* kLostPlace =
    "an earlier message was cut short (its writer ended, or Ctrl-C interrupted the read inside it): the queue has "
    "lost its place in the pipe and cannot be read any further";

// Takes [sem], waiting until [deadline] (forever when unset); false on
// timeout, or when a signal ends the wait and [interrupted] says to give up.
bool take(sem_t* sem, std::optional<Clock::time_point> deadline, const std::function<bool()>& interrupted) {
  for (;;) {
    int r;
    if (!deadline) {
      r = sem_wait(sem);
    } else {
      auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline->time_since_epoch()).count();
      timespec at{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
      r = sem_clockwait(sem, CLOCK_MONOTONIC, &at);  // steady_clock is CLOCK_MONOTONIC
    }
    if (r == 0) return true;
    if (errno == ETIMEDOUT) return false;
    if (errno != EINTR) fail("sem_wait");
    if (interrupted && interrupted()) return false;
  }
}

}  // namespace

// The page every process of the queue maps.
struct ProcessQueue::Shared {
  std::atomic<int64_t> count;
  sem_t reader_lock;
  sem_t writer_lock;
  // The process whose feeder holds the writer lock and writes, or 0. Left
  // set by a writer that dies mid-write, which is how a reader stuck inside
  // a frame tells a dead writer from a slow one.
  std::atomic<pid_t> writer_pid;
  // Set when a reader gave up inside a frame: the pipe no longer starts at a
  // frame boundary, so nothing more can be read from it.
  std::atomic<bool> damaged;
};

ProcessQueue::ProcessQueue() {
  int data[2];
  make_pipe(data, 0);
  // A bigger pipe lets producers run further ahead of consumers; the kernel
  // caps it at /proc/sys/fs/pipe-max-size, and the default is fine too.
  fcntl(data[1], F_SETPIPE_SZ, 1 << 20);
  int shared = memfd_create("gil-demo-queue", MFD_CLOEXEC);
  if (shared < 0) fail("memfd_create");
  if (ftruncate(shared, sizeof(Shared)) != 0) fail("ftruncate");
  // Non-blocking, so that a feeder waiting for room can also be told to
  // give up; the flag is shared by every process's copy of this end.
  fcntl(data[1], F_SETFL, fcntl(data[1], F_GETFL) | O_NONBLOCK);
  fds_ = {data[0], data[1], shared};
  make_pipe(wake_, 0);
  map_shared();
  new (&shared_->count) std::atomic<int64_t>(0);
  new (&shared_->writer_pid) std::atomic<pid_t>(0);
  new (&shared_->damaged) std::atomic<bool>(false);
  if (sem_init(&shared_->reader_lock, 1, 1) != 0 || sem_init(&shared_->writer_lock, 1, 1) != 0) fail("sem_init");
}

ProcessQueue::ProcessQueue(const Handles& handles) : fds_(handles) {
  make_pipe(wake_, 0);
  map_shared();
}

void ProcessQueue::map_shared() {
  void* page = mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED, fds_[kShared], 0);
  if (page == MAP_FAILED) fail("mmap");
  // A lock-free atomic in shared memory works across processes.
  static_assert(std::atomic<int64_t>::is_always_lock_free && std::atomic<pid_t>::is_always_lock_free &&
                std::atomic<bool>::is_always_lock_free);
  shared_ = static_cast<Shared*>(page);
}

ProcessQueue::~ProcessQueue() {
  if (feeder_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(buffer_mutex_);
      closing_ = true;
      if (cancel_flush_) buffer_.clear();
    }
    buffer_changed_.notify_all();
    // A feeder stuck on a full pipe that nobody reads gives up (and may
    // leave a frame half written, as CPython's killed feeder does).
    if (cancel_flush_) write_all(wake_[1], "x", 1);
    feeder_.join();
  }
  munmap(shared_, sizeof(Shared));
  for (int fd : fds_) ::close(fd);
  ::close(wake_[0]);
  ::close(wake_[1]);
}

void ProcessQueue::put(std::string payload) {
  std::string frame = wire::frame(payload);
  shared_->count.fetch_add(1);
  {
    std::lock_guard<std::mutex> lock(buffer_mutex_);
    buffer_.push_back(std::move(frame));
    if (!feeder_.joinable()) {
      // Signals are for the interpreter's main thread, which may be blocked
      // in a get() that a Ctrl-C must interrupt.
      sigset_t all, previous;
      sigfillset(&all);
      pthread_sigmask(SIG_BLOCK, &all, &previous);
      feeder_ = std::thread([this] { feed(); });
      pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    }
  }
  buffer_changed_.notify_all();
}

void ProcessQueue::feed() {
  std::unique_lock<std::mutex> lock(buffer_mutex_);
  for (;;) {
    buffer_changed_.wait(lock, [&] { return !buffer_.empty() || closing_; });
    if (buffer_.empty()) return;  // closing, and everything is written
    // Everything buffered goes in one write: frames stay whole, because the
    // writer lock is held for all of it.
    std::string frames = std::move(buffer_.front());
    buffer_.pop_front();
    while (!buffer_.empty() && frames.size() < (1u << 20)) {
      frames += buffer_.front();
      buffer_.pop_front();
    }
    writing_ = true;
    lock.unlock();
    take(&shared_->writer_lock, std::nullopt, nullptr);
    shared_->writer_pid.store(getpid());
    try {
      write_all_unless_woken(fds_[kWriteData], wake_[0], frames.data(), frames.size());
    } catch (const std::system_error&) {
      // Nobody can read any more; the messages are lost with the queue.
    }
    // Cleared only once every byte is in the pipe, so a reader that sees 0
    // and then finds the pipe empty knows no more bytes are coming.
    shared_->writer_pid.store(0);
    sem_post(&shared_->writer_lock);
    lock.lock();
    writing_ = false;
    buffer_changed_.notify_all();
  }
}

void ProcessQueue::flush() {
  std::unique_lock<std::mutex> lock(buffer_mutex_);
  buffer_changed_.wait(lock, [&] { return buffer_.empty() && !writing_; });
}

std::optional<std::string> ProcessQueue::get(std::optional<Clock::time_point> deadline,
                                             const std::function<bool()>& interrupted) {
  if (shared_->damaged.load()) throw wire::FormatError(kLostPlace);
  if (!take(&shared_->reader_lock, deadline, interrupted)) return std::nullopt;
  struct GiveBack {
    Shared* shared;
    ~GiveBack() { sem_post(&shared->reader_lock); }
  } give_back{shared_};
  if (shared_->damaged.load()) throw wire::FormatError(kLostPlace);
  if (!wait_readable(fds_[kReadData], deadline, interrupted)) return std::nullopt;
  // A frame has begun: from here on, giving up loses this process's place
  // in the pipe, so only Ctrl-C or a writer known to be gone ends the read.
  char header[wire::kHeaderSize];
  FrameRead read{0, wire::kHeaderSize};
  if (!read_in_frame(header, sizeof header, read, interrupted)) return std::nullopt;
  std::string_view h(header, sizeof header);
  std::string payload(wire::payload_length(h), '\0');
  read.total += payload.size();
  if (!read_in_frame(payload.data(), payload.size(), read, interrupted)) return std::nullopt;
  wire::check_payload(h, payload);
  shared_->count.fetch_sub(1);
  return payload;
}

bool ProcessQueue::read_in_frame(char* out, size_t n, FrameRead& read, const std::function<bool()>& interrupted) {
  int fd = fds_[kReadData];
  while (n > 0) {
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, kWriterCheckMs);
    if (r < 0) {
      if (errno != EINTR) fail("poll");
      if (interrupted && interrupted()) {
        shared_->damaged.store(true);
        return false;
      }
      continue;
    }
    if (r == 0) {
      // Nothing for a while. A live writer (even a stopped one) may still
      // finish the frame, so keep waiting; a writer that has ended cannot.
      // Its last bytes went into the pipe before it ended or cleared
      // writer_pid, so one more look tells whether any are left.
      if (!process_ended(shared_->writer_pid.load())) continue;
      pollfd last{fd, POLLIN, 0};
      if (::poll(&last, 1, 0) > 0) continue;
      shared_->damaged.store(true);
      throw wire::FormatError("truncated frame: the process writing this message ended after " +
                              std::to_string(read.done) + " of its " +
                              (read.total > wire::kHeaderSize ? std::to_string(read.total) : "at least 12") +
                              " bytes; the queue cannot be read any further");
    }
    ssize_t got = ::read(fd, out, n);
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      fail("read");
    }
    if (got == 0) throw wire::FormatError("truncated frame: the queue's pipe closed inside a message");
    out += got;
    n -= static_cast<size_t>(got);
    read.done += static_cast<size_t>(got);
  }
  return true;
}

bool ProcessQueue::readable() const {
  pollfd p{fds_[kReadData], POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

int64_t ProcessQueue::size() const { return shared_->count.load(); }

}  // namespace gil
