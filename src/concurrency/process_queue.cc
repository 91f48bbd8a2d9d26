#include "gil/process_queue.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "gil/wire.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

void make_pipe(int fds[2], int flags) {
  if (pipe2(fds, O_CLOEXEC | flags) != 0) fail("pipe2");
}

// Waits for [fd] to be readable until [deadline]; false on timeout.
bool wait_readable(int fd, std::optional<Clock::time_point> deadline) {
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
  }
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

void read_all(int fd, char* out, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, out + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      fail("read");
    }
    if (r == 0) throw wire::FormatError("truncated frame: the queue's pipe closed inside a message");
    got += static_cast<size_t>(r);
  }
}

}  // namespace

ProcessQueue::ProcessQueue() {
  int data[2], rlock[2], wlock[2];
  make_pipe(data, 0);
  make_pipe(rlock, O_NONBLOCK);
  make_pipe(wlock, O_NONBLOCK);
  // A bigger pipe lets producers run further ahead of consumers; the kernel
  // caps it at /proc/sys/fs/pipe-max-size, and the default is fine too.
  fcntl(data[1], F_SETPIPE_SZ, 1 << 20);
  int shared = memfd_create("gil-demo-queue", MFD_CLOEXEC);
  if (shared < 0) fail("memfd_create");
  if (ftruncate(shared, sizeof(int64_t)) != 0) fail("ftruncate");
  fds_ = {data[0], data[1], rlock[0], rlock[1], wlock[0], wlock[1], shared};
  give_token(fds_[kWriteRlock]);
  give_token(fds_[kWriteWlock]);
  map_counter();
}

ProcessQueue::ProcessQueue(const Handles& handles) : fds_(handles) { map_counter(); }

void ProcessQueue::map_counter() {
  void* page = mmap(nullptr, sizeof(int64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fds_[kShared], 0);
  if (page == MAP_FAILED) fail("mmap");
  // A lock-free atomic in shared memory works across processes.
  static_assert(std::atomic<int64_t>::is_always_lock_free);
  counter_ = static_cast<std::atomic<int64_t>*>(page);
}

ProcessQueue::~ProcessQueue() {
  if (feeder_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(buffer_mutex_);
      closing_ = true;
      if (cancel_flush_) buffer_.clear();
    }
    buffer_changed_.notify_all();
    feeder_.join();
  }
  munmap(counter_, sizeof(int64_t));
  for (int fd : fds_) ::close(fd);
}

void ProcessQueue::put(std::string payload) {
  std::string frame = wire::frame(payload);
  counter_->fetch_add(1);
  {
    std::lock_guard<std::mutex> lock(buffer_mutex_);
    buffer_.push_back(std::move(frame));
    if (!feeder_.joinable()) feeder_ = std::thread([this] { feed(); });
  }
  buffer_changed_.notify_all();
}

void ProcessQueue::feed() {
  std::unique_lock<std::mutex> lock(buffer_mutex_);
  for (;;) {
    buffer_changed_.wait(lock, [&] { return !buffer_.empty() || closing_; });
    if (buffer_.empty()) return;  // closing, and everything is written
    std::string frame = std::move(buffer_.front());
    buffer_.pop_front();
    writing_ = true;
    lock.unlock();
    take_token(fds_[kReadWlock], std::nullopt);
    try {
      write_all(fds_[kWriteData], frame.data(), frame.size());
    } catch (const std::system_error&) {
      // Nobody can read any more; the message is lost with the queue.
    }
    give_token(fds_[kWriteWlock]);
    lock.lock();
    writing_ = false;
    buffer_changed_.notify_all();
  }
}

void ProcessQueue::flush() {
  std::unique_lock<std::mutex> lock(buffer_mutex_);
  buffer_changed_.wait(lock, [&] { return buffer_.empty() && !writing_; });
}

std::optional<std::string> ProcessQueue::get(std::optional<Clock::time_point> deadline) {
  if (!take_token(fds_[kReadRlock], deadline)) return std::nullopt;
  struct GiveBack {
    ProcessQueue* q;
    ~GiveBack() { q->give_token(q->fds_[kWriteRlock]); }
  } give_back{this};
  if (!wait_readable(fds_[kReadData], deadline)) return std::nullopt;
  char header[wire::kHeaderSize];
  read_all(fds_[kReadData], header, sizeof header);
  std::string_view h(header, sizeof header);
  std::string payload(wire::payload_length(h), '\0');
  read_all(fds_[kReadData], payload.data(), payload.size());
  wire::check_payload(h, payload);
  counter_->fetch_sub(1);
  return payload;
}

int64_t ProcessQueue::size() const { return counter_->load(); }

bool ProcessQueue::take_token(int read_fd, std::optional<Clock::time_point> deadline) {
  for (;;) {
    char token;
    ssize_t n = ::read(read_fd, &token, 1);
    if (n == 1) return true;
    if (n < 0 && errno != EAGAIN && errno != EINTR) fail("read");
    if (!wait_readable(read_fd, deadline)) return false;
  }
}

void ProcessQueue::give_token(int write_fd) { write_all(write_fd, "t", 1); }

}  // namespace gil
