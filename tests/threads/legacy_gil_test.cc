// What the legacy policy (Python 2's GIL) does, as behaviour: the holder
// releases every check interval of instructions, nobody hands the lock over,
// and the releasing thread may take it straight back while another waits.
// The slowdown this causes is measured by scripts/compare_threads_cpython.py,
// never asserted here.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "gil/ipc/standard_library.h"
#include "gil/modules/threading.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/interpreter.h"
#include "gil/threads/gil.h"

#include "../support/capture.h"

namespace gil {
namespace {

RuntimeConfig legacy_config(int check_interval) {
  RuntimeConfig c;
  c.extensions = standard_library();
  c.gil.policy = GilPolicy::Legacy;
  c.gil.check_interval = check_interval;
  return c;
}

// With nobody waiting, a tick releases and re-takes: the same thread holds
// the lock after every tick, each tick counts as an acquisition, and no
// switch, drop request or forced switch happens.
TEST(LegacyGil, ATickWithoutWaitersKeepsTheLock) {
  Runtime rt(legacy_config(100));
  ThreadState ts(rt, 64);
  rt.gil->acquire(ts);
  uint64_t switches = rt.gil->switch_count();
  for (int i = 0; i < 1000; ++i) {
    rt.gil->legacy_tick(ts);
    ASSERT_EQ(rt.gil->holder(), &ts);
    ASSERT_TRUE(ts.holds_gil);
  }
  EXPECT_EQ(ts.gil_stats.acquisitions, 1001u);
  EXPECT_EQ(rt.gil->switch_count(), switches);
  EXPECT_EQ(ts.gil_stats.drop_requests, 0u);
  EXPECT_EQ(ts.gil_stats.forced_switches, 0u);
  EXPECT_EQ(rt.eval_breaker.load() & kGilDropRequest, 0u);
  rt.gil->release(ts);
  EXPECT_EQ(rt.gil->holder(), nullptr);
}

// A second thread waits for the lock while the holder ticks. There is no
// handoff: after some ticks the holder has the lock again without the waiter
// having held it in between (it lost the race), and nobody ever sets a drop
// request or waits for a successor. The waiter still gets the lock now and
// then (a tick is a real release), and holds never overlap.
TEST(LegacyGil, TheReleasingThreadMayTakeTheLockStraightBack) {
  Runtime rt(legacy_config(100));
  std::atomic<bool> stop{false};
  std::atomic<bool> waiting{false};
  std::atomic<int> waiter_holds{0};
  std::atomic<int> overlaps{0};
  ThreadState holder(rt, 64);
  rt.gil->acquire(holder);
  std::thread waiter([&] {
    ThreadState ts(rt, 64);
    while (!stop.load()) {
      waiting.store(true);
      rt.gil->acquire(ts);
      if (rt.gil->holder() != &ts) ++overlaps;
      ++waiter_holds;
      rt.gil->release(ts);
    }
    EXPECT_EQ(ts.gil_stats.drop_requests, 0u);
    EXPECT_EQ(ts.gil_stats.forced_switches, 0u);
  });
  while (!waiting.load()) std::this_thread::yield();
  int retakes = 0;
  const int ticks = 20000;
  for (int i = 0; i < ticks; ++i) {
    int before = waiter_holds.load();
    rt.gil->legacy_tick(holder);
    if (rt.gil->holder() != &holder) ++overlaps;
    if (waiter_holds.load() == before) ++retakes;
  }
  stop.store(true);
  rt.gil->release(holder);
  waiter.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_GT(retakes, 0) << "the holder never took the lock straight back";
  EXPECT_EQ(holder.gil_stats.drop_requests, 0u);
  EXPECT_EQ(holder.gil_stats.forced_switches, 0u);
  EXPECT_EQ(rt.eval_breaker.load() & kGilDropRequest, 0u);
  // Every tick is an acquisition, whoever won it.
  EXPECT_EQ(holder.gil_stats.acquisitions, static_cast<uint64_t>(ticks) + 1);
}

// The eval loop ticks once per instruction: the same thread running the
// same code takes the lock about ten times as often with an interval of 1
// as with an interval of 10.
TEST(LegacyGil, TheHolderReleasesEveryCheckIntervalOfInstructions) {
  auto acquisitions = [](int check_interval) {
    testing::MemoryFile out, err;
    RuntimeConfig c = legacy_config(check_interval);
    c.out = out.get();
    c.err = err.get();
    Runtime rt(std::move(c));
    ThreadState main(rt);
    std::string source =
        "import threading\n"
        "def work():\n"
        "    n = 5000\n"
        "    while n > 0:\n"
        "        n -= 1\n"
        "t = threading.Thread(target=work)\n"
        "t.start()\n"
        "t.join()\n";
    EXPECT_EQ(run_source(rt, source, "ticks.py"), 0) << err.text();
    rt.gil->acquire(main);
    ThreadStatsReport report = collect_thread_stats(main);
    rt.gil->release(main);
    EXPECT_EQ(report.per_thread.size(), 2u);
    return report.per_thread.back().stats.acquisitions;
  };
  uint64_t every = acquisitions(1);
  uint64_t every10 = acquisitions(10);
  // The loop alone is thousands of instructions; thread start and end add
  // a few acquisitions that do not scale with the interval.
  EXPECT_GT(every, 5000u);  // at least one instruction per pass
  EXPECT_NEAR(static_cast<double>(every10), static_cast<double>(every) / 10, 3.0);
}

}  // namespace
}  // namespace gil
