// Connections: framed messages between threads, with many producers and many
// consumers on one channel. Nothing is lost, nothing is duplicated, each
// producer's order is kept, and a damaged or cut frame is reported.

#include <gtest/gtest.h>
#include <unistd.h>

#include <map>
#include <set>
#include <thread>
#include <vector>

#include "gil/ipc/connection.h"
#include "gil/ipc/wire.h"

namespace gil {
namespace {

TEST(Connection, SendsAndReceivesWholeMessagesBothWays) {
  auto [a, b] = make_connection_pair();
  a.send_bytes("ping");
  EXPECT_TRUE(b.poll(std::chrono::milliseconds(1000)));
  EXPECT_EQ(b.recv_bytes(), "ping");
  std::thread reader([&a = a] { EXPECT_EQ(a.recv_bytes()->size(), 3u << 20); });
  b.send_bytes(std::string(3 << 20, 'x'));  // larger than the socket buffer
  reader.join();
  b.send_bytes("");
  EXPECT_EQ(a.recv_bytes(), "");
  EXPECT_FALSE(a.poll(std::chrono::milliseconds(0)));
}

TEST(Connection, EndOfFileBetweenFramesIsNotAnError) {
  auto [a, b] = make_connection_pair();
  a.send_bytes("last");
  a.close();
  EXPECT_EQ(b.recv_bytes(), "last");
  EXPECT_EQ(b.recv_bytes(), std::nullopt);
}

TEST(Connection, ACutOrCorruptedFrameIsReported) {
  {
    auto [a, b] = make_connection_pair();
    std::string f = wire::frame("hello world");
    ASSERT_EQ(::write(a.fd(), f.data(), f.size() - 3), static_cast<ssize_t>(f.size() - 3));
    a.close();
    EXPECT_THROW(b.recv_bytes(), wire::FormatError);
  }
  {
    auto [a, b] = make_connection_pair();
    std::string f = wire::frame("hello world");
    f[f.size() - 1] ^= 1;
    ASSERT_EQ(::write(a.fd(), f.data(), f.size()), static_cast<ssize_t>(f.size()));
    EXPECT_THROW(b.recv_bytes(), wire::FormatError);
  }
  {
    auto [a, b] = make_connection_pair();
    ASSERT_EQ(::write(a.fd(), "garbage-bytes", 13), 13);
    EXPECT_THROW(b.recv_bytes(), wire::FormatError);
  }
}

class ManyToMany : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(ManyToMany, NothingLostOrDuplicatedAndEachProducersOrderKept) {
  auto [producers, consumers] = GetParam();
  const int per_producer = 500;
  auto [tx, rx] = make_connection_pair();
  std::vector<std::thread> threads;
  std::mutex seen_mutex;
  std::map<int, std::vector<int>> seen;  // producer -> sequence numbers, per consumer order
  std::vector<std::map<int, int>> last_seen(static_cast<size_t>(consumers));
  std::atomic<bool> order_broken{false};
  for (int c = 0; c < consumers; ++c) {
    threads.emplace_back([&, c, rx = &rx] {
      while (auto message = rx->recv_bytes()) {
        if (*message == "stop") break;
        int producer = std::stoi(message->substr(0, message->find(':')));
        int n = std::stoi(message->substr(message->find(':') + 1));
        auto& last = last_seen[static_cast<size_t>(c)];
        if (last.count(producer) && last[producer] >= n) order_broken = true;
        last[producer] = n;
        std::lock_guard<std::mutex> lock(seen_mutex);
        seen[producer].push_back(n);
      }
    });
  }
  std::vector<std::thread> senders;
  for (int p = 0; p < producers; ++p)
    senders.emplace_back([&, p, tx = &tx] {
      for (int n = 0; n < per_producer; ++n) tx->send_bytes(std::to_string(p) + ":" + std::to_string(n));
    });
  for (auto& s : senders) s.join();
  for (int c = 0; c < consumers; ++c) tx.send_bytes("stop");
  for (auto& t : threads) t.join();
  EXPECT_FALSE(order_broken.load());
  ASSERT_EQ(seen.size(), static_cast<size_t>(producers));
  for (auto& [producer, numbers] : seen) {
    std::set<int> unique(numbers.begin(), numbers.end());
    EXPECT_EQ(numbers.size(), static_cast<size_t>(per_producer)) << "producer " << producer;
    EXPECT_EQ(unique.size(), static_cast<size_t>(per_producer)) << "producer " << producer;
  }
}

INSTANTIATE_TEST_SUITE_P(Counts, ManyToMany,
                         ::testing::Values(std::pair{1, 1}, std::pair{4, 1}, std::pair{1, 4}, std::pair{4, 4},
                                           std::pair{8, 3}));

}  // namespace
}  // namespace gil
