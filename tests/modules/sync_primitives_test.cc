// The invariants of queue.Queue, Semaphore and Barrier under MiniPy threads,
// over a sweep of thread counts and every GIL policy: every item put is got
// exactly once, a bounded queue never holds more than its maxsize, join()
// returns only when every task is done, a Semaphore(k) never admits more
// than k, and each round of a Barrier hands out every index once.

#include <gtest/gtest.h>

#include <string>

#include "gil/ipc/standard_library.h"
#include "gil/modules/threading.h"
#include "gil/runtime/interpreter.h"

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

class SyncPrimitivesTest : public ::testing::TestWithParam<Params> {
 protected:
  // Runs [source] with N bound to the thread count; returns its stdout.
  std::string run(const std::string& source) {
    testing::MemoryFile out, err;
    RuntimeConfig c;
    c.extensions = standard_library();
    c.gil.policy = GetParam().policy;
    c.gil.switch_interval = std::chrono::microseconds(200);
    c.gil.check_interval = 50;
    c.out = out.get();
    c.err = err.get();
    Runtime rt(std::move(c));
    std::string program = "N = " + std::to_string(GetParam().threads) + "\n" + source;
    EXPECT_EQ(run_source(rt, program, "sync_test.py"), 0) << err.text();
    return out.text();
  }
};

TEST_P(SyncPrimitivesTest, QueueDeliversEveryItemOnceWithinMaxsize) {
  std::string out = run(
      "import queue, threading\n"
      "q = queue.Queue(maxsize=2)\n"
      "got = []\n"
      "over = []\n"
      "def producer(k):\n"
      "    for i in range(200):\n"
      "        q.put(k * 1000 + i)\n"
      "        if q.qsize() > 2:\n"
      "            over.append(1)\n"
      "def consumer():\n"
      "    while True:\n"
      "        item = q.get()\n"
      "        if item is None:\n"
      "            q.task_done()\n"
      "            return\n"
      "        got.append(item)\n"
      "        q.task_done()\n"
      "ps = [threading.Thread(target=producer, args=(k,)) for k in range(N)]\n"
      "cs = [threading.Thread(target=consumer) for k in range(N)]\n"
      "for t in ps + cs:\n    t.start()\n"
      "for t in ps:\n    t.join()\n"
      "q.join()\n"
      "print(len(got) == 200 * N, q.unfinished_tasks)\n"
      "for c in cs:\n    q.put(None)\n"
      "for c in cs:\n    c.join()\n"
      "print(sorted(got) == sorted(k * 1000 + i for k in range(N) for i in range(200)), len(over))\n");
  EXPECT_EQ(out, "True 0\nTrue 0\n");
}

TEST_P(SyncPrimitivesTest, SemaphoreAdmitsAtMostItsValue) {
  std::string out = run(
      "import threading\n"
      "sem = threading.Semaphore(2)\n"
      "lock = threading.Lock()\n"
      "inside = [0]\n"
      "most = [0]\n"
      "def work():\n"
      "    for i in range(100):\n"
      "        with sem:\n"
      "            with lock:\n"
      "                inside[0] += 1\n"
      "                most[0] = max(most[0], inside[0])\n"
      "            for j in range(20):\n"
      "                pass\n"
      "            with lock:\n"
      "                inside[0] -= 1\n"
      "ts = [threading.Thread(target=work) for k in range(N)]\n"
      "for t in ts:\n    t.start()\n"
      "for t in ts:\n    t.join()\n"
      "print(most[0] <= 2, inside[0], sem.acquire(False), sem.acquire(False), sem.acquire(False))\n");
  EXPECT_EQ(out, "True 0 True True False\n");
}

TEST_P(SyncPrimitivesTest, BarrierHandsOutEveryIndexOncePerRound) {
  std::string out = run(
      "import threading\n"
      "b = threading.Barrier(N)\n"
      "seen = []\n"
      "lock = threading.Lock()\n"
      "def work():\n"
      "    for r in range(20):\n"
      "        i = b.wait()\n"
      "        with lock:\n"
      "            seen.append((r, i))\n"
      "ts = [threading.Thread(target=work) for k in range(N)]\n"
      "for t in ts:\n    t.start()\n"
      "for t in ts:\n    t.join()\n"
      "print(sorted(seen) == [(r, i) for r in range(20) for i in range(N)], b.broken, b.n_waiting)\n");
  EXPECT_EQ(out, "True False 0\n");
}

INSTANTIATE_TEST_SUITE_P(Policies, SyncPrimitivesTest,
                         ::testing::Values(Params{GilPolicy::CPython, 1}, Params{GilPolicy::CPython, 2},
                                           Params{GilPolicy::CPython, 4}, Params{GilPolicy::CPython, 8},
                                           Params{GilPolicy::Legacy, 4}, Params{GilPolicy::Fair, 4}),
                         param_name);

}  // namespace
}  // namespace gil
