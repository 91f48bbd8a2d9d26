// ProcessQueue: many producers and many consumers, as threads and as
// processes. Nothing is lost, nothing is duplicated, each producer's items
// arrive in the order it put them, and qsize() counts what is in flight.

#include <gtest/gtest.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gil/ipc/process_queue.h"
#include "gil/ipc/wire.h"

namespace gil {
namespace {

using Clock = std::chrono::steady_clock;

std::string item(int producer, int seq) { return std::to_string(producer) + ":" + std::to_string(seq); }

// Checks what the consumers got: every (producer, seq) once, in order per
// producer within each consumer.
void check_received(const std::vector<std::vector<std::string>>& per_consumer, int producers, int items) {
  std::map<std::string, int> seen;
  for (const auto& got : per_consumer) {
    std::map<int, int> last;
    for (const std::string& s : got) {
      ++seen[s];
      int p = std::stoi(s.substr(0, s.find(':')));
      int seq = std::stoi(s.substr(s.find(':') + 1));
      auto it = last.find(p);
      EXPECT_TRUE(it == last.end() || it->second < seq) << "producer " << p << " out of order at " << seq;
      last[p] = seq;
    }
  }
  EXPECT_EQ(static_cast<int>(seen.size()), producers * items) << "items lost";
  for (auto& [s, n] : seen) EXPECT_EQ(n, 1) << s << " received " << n << " times";
}

// Takes [total] items off [q] with [consumers] threads; what each got, with
// [strip] applied.
std::vector<std::vector<std::string>> consume(ProcessQueue& q, int consumers, int total,
                                              std::string (*strip)(const std::string&)) {
  std::vector<std::vector<std::string>> got(static_cast<size_t>(consumers));
  std::vector<std::thread> threads;
  std::mutex count_mutex;
  int remaining = total;
  for (int c = 0; c < consumers; ++c)
    threads.emplace_back([&, c] {
      for (;;) {
        {
          std::lock_guard<std::mutex> lock(count_mutex);
          if (remaining == 0) return;
          --remaining;
        }
        auto payload = q.get(std::nullopt);
        ASSERT_TRUE(payload);
        got[static_cast<size_t>(c)].push_back(strip(*payload));
      }
    });
  for (auto& t : threads) t.join();
  return got;
}

std::string as_is(const std::string& s) { return s; }
std::string without_padding(const std::string& s) { return s.substr(0, s.find('x')); }

class QueueThreads : public ::testing::TestWithParam<std::tuple<int, int>> {};

TEST_P(QueueThreads, NothingLostNothingDuplicatedOrderKept) {
  auto [producers, consumers] = GetParam();
  const int items = 500;
  ProcessQueue q;
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; ++p)
    threads.emplace_back([&q, p] {
      for (int i = 0; i < items; ++i) q.put(item(p, i) + std::string(static_cast<size_t>(i % 300), 'x'));
    });
  auto got = consume(q, consumers, producers * items, without_padding);
  for (auto& t : threads) t.join();
  check_received(got, producers, items);
  EXPECT_EQ(q.size(), 0);
}

INSTANTIATE_TEST_SUITE_P(Sweep, QueueThreads, ::testing::Combine(::testing::Values(1, 2, 4), ::testing::Values(1, 2, 4)));

TEST(ProcessQueue, GetTimesOutOnAnEmptyQueueAndSizeCountsWhatIsQueued) {
  ProcessQueue q;
  EXPECT_EQ(q.get(Clock::now()), std::nullopt);
  EXPECT_EQ(q.get(Clock::now() + std::chrono::milliseconds(20)), std::nullopt);
  q.put("a");
  q.put("b");
  EXPECT_EQ(q.size(), 2);
  EXPECT_EQ(q.get(std::nullopt), "a");
  EXPECT_EQ(q.size(), 1);
  EXPECT_EQ(q.get(std::nullopt), "b");
  EXPECT_EQ(q.size(), 0);
}

// Producers in child processes, which inherit the queue by fork; consumers
// as threads here.
TEST(ProcessQueue, ProducerProcessesAndConsumerThreads) {
  const int producers = 3, items = 400, consumers = 2;
  ProcessQueue q;
  std::vector<pid_t> children;
  for (int p = 0; p < producers; ++p) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      {
        ProcessQueue mine(q.handles());
        for (int i = 0; i < items; ++i) mine.put(item(p, i));
        mine.flush();
      }
      _exit(0);  // the descriptors were the child's own copies
    }
    children.push_back(pid);
  }
  auto got = consume(q, consumers, producers * items, as_is);
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  check_received(got, producers, items);
  EXPECT_EQ(q.size(), 0);
}

// A child whose feeder is inside a frame that cannot end: it puts an item
// far larger than the pipe holds, and nobody reads, so the feeder blocks
// with part of the frame in the pipe. Returns once the frame has begun.
pid_t start_writer_inside_a_frame(ProcessQueue& q) {
  pid_t pid = fork();
  if (pid == 0) {
    ProcessQueue mine(q.handles());
    mine.put(std::string(size_t{16} << 20, 'x'));
    for (;;) pause();
  }
  pollfd p{q.handles()[0], POLLIN, 0};
  while (::poll(&p, 1, -1) < 0) {
  }
  return pid;
}

bool mentions(const std::exception& e, const char* text) { return std::string(e.what()).find(text) != std::string::npos; }

// get() on the half frame a killed writer left: an error naming the cut
// message, with or without a timeout, whether the writer is still a zombie
// or already reaped; then every later get() says the queue lost its place
// (CPython's get() blocks forever on that half frame, ignoring its timeout).
class QueueWriterKilledInsideAFrame : public ::testing::TestWithParam<bool> {};

TEST_P(QueueWriterKilledInsideAFrame, GetReportsTheCutMessageInsteadOfWaiting) {
  bool reap_first = GetParam();
  ProcessQueue q;
  pid_t pid = start_writer_inside_a_frame(q);
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  if (reap_first) ASSERT_EQ(waitpid(pid, &status, 0), pid);
  // Reaped: no timeout at all, so only noticing the dead writer can end it.
  std::optional<Clock::time_point> deadline;
  if (!reap_first) deadline = Clock::now() + std::chrono::seconds(3);
  try {
    q.get(deadline);
    ADD_FAILURE() << "get() returned from a frame its writer never finished";
  } catch (const wire::FormatError& e) {
    EXPECT_TRUE(mentions(e, "the process writing this message ended after")) << e.what();
  }
  try {
    q.get(Clock::now() + std::chrono::seconds(3));
    ADD_FAILURE() << "get() read on after a cut message";
  } catch (const wire::FormatError& e) {
    EXPECT_TRUE(mentions(e, "lost its place")) << e.what();
  }
  if (!reap_first) ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

INSTANTIATE_TEST_SUITE_P(ReapedOrZombie, QueueWriterKilledInsideAFrame, ::testing::Bool());

// A stopped writer is alive: its frame may still end, so get() waits for it
// past its timeout, but a signal (Ctrl-C) ends the wait, and the queue,
// whose pipe no longer starts at a frame, is then damaged.
TEST(ProcessQueue, ASignalEndsAReadInsideTheFrameOfAStoppedWriter) {
  struct sigaction on_usr1{}, previous{};
  on_usr1.sa_handler = [](int) {};  // no SA_RESTART: poll() returns EINTR
  sigemptyset(&on_usr1.sa_mask);
  ASSERT_EQ(sigaction(SIGUSR1, &on_usr1, &previous), 0);
  ProcessQueue q;
  pid_t pid = start_writer_inside_a_frame(q);
  ASSERT_EQ(::kill(pid, SIGSTOP), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, WUNTRACED), pid);
  ASSERT_TRUE(WIFSTOPPED(status));

  std::atomic<bool> interrupt{false}, returned{false};
  std::optional<std::string> got = "not set";
  std::thread reader([&] {
    got = q.get(Clock::now(), [&] { return interrupt.load(); });  // a deadline already past
    returned = true;
  });
  // Once the reader has drained the pipe it is inside the frame, which the
  // stopped writer cannot end; then it is signalled until it gives up.
  pollfd p{q.handles()[0], POLLIN, 0};
  while (::poll(&p, 1, 0) > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  interrupt = true;
  while (!returned) {
    pthread_kill(reader.native_handle(), SIGUSR1);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  reader.join();
  EXPECT_FALSE(got.has_value());
  try {
    q.get(Clock::now());
    ADD_FAILURE() << "get() read on after a read given up inside a frame";
  } catch (const wire::FormatError& e) {
    EXPECT_TRUE(mentions(e, "lost its place")) << e.what();
  }
  ::kill(pid, SIGKILL);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  sigaction(SIGUSR1, &previous, nullptr);
}

}  // namespace
}  // namespace gil
