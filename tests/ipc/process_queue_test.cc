// ProcessQueue: many producers and many consumers, as threads and as
// processes. Nothing is lost, nothing is duplicated, each producer's items
// arrive in the order it put them, and qsize() counts what is in flight.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gil/ipc/process_queue.h"

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

}  // namespace
}  // namespace gil
