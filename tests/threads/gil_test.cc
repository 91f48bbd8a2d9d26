// The GIL's invariants, over every policy and a sweep of thread counts:
// at most one holder at a time, bytecode runs only under the lock, blocking
// calls run without it, and the statistics add up.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "gil/ipc/standard_library.h"
#include "gil/modules/threading.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/threads/gil.h"

#include "../support/capture.h"

namespace gil {
namespace {

struct Params {
  GilPolicy policy;
  int threads;
};

std::string param_name(const ::testing::TestParamInfo<Params>& info) {
  return std::string(gil_policy_name(info.param.policy)) + "_" + std::to_string(info.param.threads) + "threads";
}

class GilTest : public ::testing::TestWithParam<Params> {
 protected:
  RuntimeConfig config() const {
    RuntimeConfig c;
    c.extensions = standard_library();
    c.gil.policy = GetParam().policy;
    c.gil.switch_interval = std::chrono::microseconds(200);
    c.gil.check_interval = 50;
    return c;
  }
};

// Threads that take and release the lock directly never overlap: a plain
// counter changed only inside the lock never reads more than one holder, and
// unguarded increments made under the lock sum exactly.
TEST_P(GilTest, AtMostOneHolderAtATime) {
  Runtime rt(config());
  const int n = GetParam().threads;
  const int rounds = 2000;
  int inside = 0;           // guarded by the GIL
  int64_t increments = 0;   // guarded by the GIL
  std::atomic<int> overlaps{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < n; ++t) {
    threads.emplace_back([&] {
      ThreadState ts(rt, 64);
      for (int i = 0; i < rounds; ++i) {
        rt.gil->acquire(ts);
        if (++inside != 1) ++overlaps;
        if (rt.gil->holder() != &ts) ++overlaps;
        ++increments;
        --inside;
        if (i % 3 == 0)
          rt.gil->yield_on_request(ts);  // exercise the drop-and-retake path
        rt.gil->release(ts);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_EQ(increments, int64_t{n} * rounds);
  EXPECT_EQ(rt.gil->holder(), nullptr);
}

// A probe module whose functions MiniPy threads call: each checks that the
// caller holds the GIL, or (inside ReleaseGil) that it does not.
struct Probe {
  std::atomic<int64_t> calls{0};
  std::atomic<int64_t> violations{0};
};
Probe* probe_for_test = nullptr;  // set by the test that registers the module

Value probe_check(ThreadState& ts, Value*, int, ObjTuple*) {
  ++probe_for_test->calls;
  if (ts.rt.gil->holder() != &ts || !ts.holds_gil) ++probe_for_test->violations;
  return Value::none();
}

Value probe_blocking(ThreadState& ts, Value*, int, ObjTuple*) {
  ++probe_for_test->calls;
  ReleaseGil unlocked(ts);
  if (ts.rt.gil->holder() == &ts || ts.holds_gil) ++probe_for_test->violations;
  std::this_thread::yield();
  return Value::none();
}

Value make_probe_module(ThreadState& ts) {
  auto* m = new_object<ObjModule>(ts, "probe");
  Value module = Value::adopt(m);
  m->attrs.emplace_back(ts.rt.intern("check"), make_native("check", probe_check));
  m->attrs.emplace_back(ts.rt.intern("blocking"), make_native("blocking", probe_blocking));
  return module;
}

TEST_P(GilTest, BytecodeRunsOnlyUnderTheLockAndBlockingCallsWithoutIt) {
  Probe probe;
  probe_for_test = &probe;
  testing::MemoryFile out, err;
  RuntimeConfig c = config();
  c.out = out.get();
  c.err = err.get();
  Runtime rt(std::move(c));
  register_module(rt, "probe", make_probe_module);
  std::string source =
      "import threading, probe\n"
      "def work(k):\n"
      "    total = 0\n"
      "    for i in range(300):\n"
      "        probe.check()\n"
      "        total += i * k\n"
      "        if i % 10 == 0:\n"
      "            probe.blocking()\n"
      "    results.append(total)\n"
      "results = []\n"
      "threads = [threading.Thread(target=work, args=(k,)) for k in range(" +
      std::to_string(GetParam().threads) +
      ")]\n"
      "for t in threads:\n    t.start()\n"
      "for t in threads:\n    t.join()\n"
      "print(sum(results))\n";
  EXPECT_EQ(run_source(rt, source, "probe_test.py"), 0) << err.text();
  int n = GetParam().threads;
  EXPECT_EQ(out.text(), std::to_string(44850 * (n * (n - 1) / 2)) + "\n");
  EXPECT_EQ(probe.calls.load(), 300 * n + 30 * n);
  EXPECT_EQ(probe.violations.load(), 0);
}

// The main thread spins on a flag only another thread can set, so the
// program ends only if the holder is made to let go. Under the legacy policy
// that can take arbitrarily long (the point of the demonstration), so this
// runs for the policies that hand the lock over.
TEST_P(GilTest, AWaitingThreadGetsTheLockFromASpinningHolder) {
  if (GetParam().policy == GilPolicy::Legacy) GTEST_SKIP() << "legacy has no handoff";
  testing::MemoryFile out, err;
  RuntimeConfig c = config();
  c.out = out.get();
  c.err = err.get();
  Runtime rt(std::move(c));
  std::string source =
      "import threading\n"
      "flags = []\n"
      "def setter(k):\n    flags.append(k)\n"
      "threads = [threading.Thread(target=setter, args=(k,)) for k in range(" +
      std::to_string(GetParam().threads) +
      ")]\n"
      "for t in threads:\n    t.start()\n"
      "while len(flags) < len(threads):\n    pass\n"
      "print(sorted(flags) == list(range(len(threads))))\n";
  EXPECT_EQ(run_source(rt, source, "spin.py"), 0) << err.text();
  EXPECT_EQ(out.text(), "True\n");
  EXPECT_GE(rt.gil->switch_count(), static_cast<uint64_t>(GetParam().threads));
}

// Holds never overlap, so the hold times of all threads add up to no more
// than the time they all ran; each sleep is one voluntary release.
TEST_P(GilTest, StatisticsAddUp) {
  testing::MemoryFile out, err;
  RuntimeConfig c = config();
  c.out = out.get();
  c.err = err.get();
  Runtime rt(std::move(c));
  ThreadState main(rt);
  auto start = std::chrono::steady_clock::now();
  std::string source =
      "import threading, time\n"
      "def work():\n"
      "    n = 0\n"
      "    for i in range(5):\n"
      "        time.sleep(0.001)\n"
      "        for j in range(2000):\n"
      "            n += j\n"
      "threads = [threading.Thread(target=work) for k in range(" +
      std::to_string(GetParam().threads) +
      ")]\n"
      "for t in threads:\n    t.start()\n"
      "for t in threads:\n    t.join()\n";
  ASSERT_EQ(run_source(rt, source, "stats.py"), 0) << err.text();
  auto wall = std::chrono::steady_clock::now() - start;
  rt.gil->acquire(main);
  ThreadStatsReport report = collect_thread_stats(main);
  rt.gil->release(main);
  int n = GetParam().threads;
  ASSERT_EQ(report.per_thread.size(), static_cast<size_t>(n + 1));
  std::chrono::nanoseconds hold{0};
  for (size_t i = 1; i < report.per_thread.size(); ++i) {
    const GilThreadStats& s = report.per_thread[i].stats;
    EXPECT_EQ(s.voluntary_releases, 5u);
    EXPECT_EQ(s.io_latency.size(), 5u);
    EXPECT_GE(s.acquisitions, 6u);  // the start, and after each sleep
    hold += s.hold;
  }
  EXPECT_LE(hold, wall);
}

INSTANTIATE_TEST_SUITE_P(Policies, GilTest,
                         ::testing::Values(Params{GilPolicy::CPython, 2}, Params{GilPolicy::CPython, 4},
                                           Params{GilPolicy::CPython, 8}, Params{GilPolicy::Legacy, 2},
                                           Params{GilPolicy::Legacy, 4}, Params{GilPolicy::Legacy, 8},
                                           Params{GilPolicy::Fair, 2}, Params{GilPolicy::Fair, 4},
                                           Params{GilPolicy::Fair, 8}),
                         param_name);

// A thread whose record takes over the memory of one that has ended is a
// different thread: taking the lock after it is a switch. The records are
// built in one buffer in turn, so the second has the first's address.
TEST(GilSwitches, ANewThreadAtADeadThreadsAddressIsASwitch) {
  for (GilPolicy policy : {GilPolicy::CPython, GilPolicy::Legacy, GilPolicy::Fair}) {
    RuntimeConfig c;
    c.gil.policy = policy;
    Runtime rt(std::move(c));
    alignas(ThreadState) unsigned char storage[sizeof(ThreadState)];
    const int generations = 4;
    uint64_t serials[generations];
    for (int i = 0; i < generations; ++i) {
      auto* ts = new (storage) ThreadState(rt, 64);
      serials[i] = ts->serial;
      rt.gil->acquire(*ts);
      rt.gil->release(*ts);
      ts->~ThreadState();
    }
    EXPECT_EQ(rt.gil->switch_count(), static_cast<uint64_t>(generations)) << gil_policy_name(policy);
    for (int i = 1; i < generations; ++i) EXPECT_NE(serials[i], serials[i - 1]);
  }
}

// Threads on one lock get distinct serials, whichever thread makes them.
TEST(GilSwitches, SerialsAreUniquePerLock) {
  for (int n : {1, 2, 4, 8}) {
    Runtime rt(RuntimeConfig{});
    std::vector<uint64_t> serials(static_cast<size_t>(n) * 16);
    std::vector<std::thread> threads;
    for (int t = 0; t < n; ++t)
      threads.emplace_back([&, t] {
        for (int i = 0; i < 16; ++i) {
          ThreadState ts(rt, 64);
          serials[static_cast<size_t>(t) * 16 + i] = ts.serial;
        }
      });
    for (auto& t : threads) t.join();
    std::sort(serials.begin(), serials.end());
    EXPECT_EQ(std::adjacent_find(serials.begin(), serials.end()), serials.end()) << n << " threads";
    EXPECT_NE(serials.front(), 0u);
  }
}

TEST(GilPolicyNames, RoundTrip) {
  for (GilPolicy p : {GilPolicy::CPython, GilPolicy::Legacy, GilPolicy::Fair}) {
    GilPolicy parsed;
    ASSERT_TRUE(parse_gil_policy(gil_policy_name(p), parsed));
    EXPECT_EQ(parsed, p);
  }
  GilPolicy unused;
  EXPECT_FALSE(parse_gil_policy("nogil", unused));
}

}  // namespace
}  // namespace gil
