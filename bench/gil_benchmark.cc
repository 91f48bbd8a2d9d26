// The GIL's own cost, each figure next to its baseline in the same run:
//
//   BM_StdMutexLockUnlock      a plain std::mutex, uncontended
//   BM_GilAcquireRelease       the GIL, uncontended (one thread)
//   BM_CondvarPingPong         two threads handing a turn back and forth
//                              through a mutex + condition variable
//   BM_GilHandoff              two threads handing the GIL back and forth
//                              through drop requests (switch interval 1 us):
//                              from a drop request to the other thread running
//
// Ratios: GilAcquireRelease / StdMutexLockUnlock, GilHandoff / CondvarPingPong
// (time per item; see bench/README.md).
#include <benchmark/benchmark.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "gil/runtime/runtime.h"
#include "gil/threads/gil.h"

namespace {

void BM_StdMutexLockUnlock(benchmark::State& state) {
  std::mutex m;
  for (auto _ : state) {
    m.lock();
    m.unlock();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StdMutexLockUnlock);

void BM_GilAcquireRelease(benchmark::State& state) {
  gil::RuntimeConfig config;
  config.gil.collect_stats = state.range(0) != 0;
  gil::Runtime rt(config);
  gil::ThreadState ts(rt, 64);
  for (auto _ : state) {
    rt.gil->acquire(ts);
    rt.gil->release(ts);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(state.range(0) ? "with statistics" : "statistics off");
}
BENCHMARK(BM_GilAcquireRelease)->Arg(0)->Arg(1);

constexpr int kHandoffs = 2000;

void BM_CondvarPingPong(benchmark::State& state) {
  for (auto _ : state) {
    std::mutex m;
    std::condition_variable cv;
    int turn = 0;
    auto player = [&](int me) {
      for (int i = 0; i < kHandoffs / 2; ++i) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return turn == me; });
        turn = 1 - me;
        cv.notify_all();
      }
    };
    std::thread a(player, 0), b(player, 1);
    a.join();
    b.join();
  }
  state.SetItemsProcessed(state.iterations() * kHandoffs);
}
BENCHMARK(BM_CondvarPingPong)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_GilHandoff(benchmark::State& state) {
  auto policy = static_cast<gil::GilPolicy>(state.range(0));
  for (auto _ : state) {
    gil::RuntimeConfig config;
    config.gil.policy = policy;
    config.gil.switch_interval = std::chrono::microseconds(1);
    gil::Runtime rt(config);
    std::atomic<int> handoffs{0};
    // Each thread plays the eval loop: it polls the eval breaker and yields
    // when a drop request arrives, until enough handoffs happened.
    auto player = [&] {
      gil::ThreadState ts(rt, 64);
      rt.gil->acquire(ts);
      while (handoffs.load(std::memory_order_relaxed) < kHandoffs) {
        if (rt.eval_breaker.load(std::memory_order_relaxed) & gil::kGilDropRequest) {
          handoffs.fetch_add(1, std::memory_order_relaxed);
          rt.gil->yield_on_request(ts);
        }
      }
      rt.gil->release(ts);
    };
    std::thread a(player), b(player);
    a.join();
    b.join();
  }
  state.SetItemsProcessed(state.iterations() * kHandoffs);
  state.SetLabel(std::string(gil::gil_policy_name(policy)));
}
BENCHMARK(BM_GilHandoff)
    ->Arg(static_cast<int>(gil::GilPolicy::CPython))
    ->Arg(static_cast<int>(gil::GilPolicy::Fair))
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
