// Modes, workloads and worker counts, each measured as a ratio against its
// own baseline within the same iteration:
//
//   BM_Speedup/<mode>/<workload>/<workers>   speedup = serial wall / mode wall
//   BM_MixedLatency/<policy>/<interval us>   the I/O worker's latency p50 and
//                                            p99 behind one CPU-bound worker
//   BM_TracingOverhead/<workers>             wall with --trace recording on,
//                                            over wall with it off, - 1
//   BM_ProcessScaling/<workers>              speedup of the cpu workload at
//                                            its default size (a few seconds
//                                            serially) in worker processes
//
// Modes: 0 serial, 1 threads, 2 processes.
//
// The figures are user counters (see bench/README.md); scripts/charts.py
// turns the JSON output (--benchmark_out=FILE --benchmark_out_format=json)
// into charts.
#include <benchmark/benchmark.h>

#include <string>

#include "gil/lab/runner.h"

#ifndef GIL_DEMO_EXE
#define GIL_DEMO_EXE ""
#endif
#ifndef GIL_WORKLOADS_DIR
#define GIL_WORKLOADS_DIR "demos/workloads"
#endif

namespace {

const char* const kWorkloads[] = {"cpu", "io", "mixed"};
// Sizes that take a few tenths of a second serially.
const int64_t kSizes[] = {1200, 200, 2400};
const gil::Mode kModes[] = {gil::Mode::Serial, gil::Mode::Threads, gil::Mode::Processes};

gil::RunSpec spec(int workload, gil::Mode mode, int workers) {
  gil::RunSpec s;
  s.mode = mode;
  s.workload_name = kWorkloads[workload];
  s.workload_path = std::string(GIL_WORKLOADS_DIR) + "/" + s.workload_name + ".py";
  s.workers = workers;
  s.size = kSizes[workload];
  s.worker_exe = GIL_DEMO_EXE;
  return s;
}

void BM_Speedup(benchmark::State& state) {
  auto mode = kModes[state.range(0)];
  int workload = static_cast<int>(state.range(1));
  int workers = static_cast<int>(state.range(2));
  double speedup = 0, wall = 0;
  for (auto _ : state) {
    gil::RunReport base = gil::run_workload(spec(workload, gil::Mode::Serial, workers));
    gil::RunReport run = gil::run_workload(spec(workload, mode, workers));
    speedup += base.wall_s / run.wall_s;
    wall += run.wall_s;
  }
  state.counters["speedup"] = speedup / static_cast<double>(state.iterations());
  state.counters["wall_s"] = wall / static_cast<double>(state.iterations());
  state.SetLabel(std::string(gil::mode_name(mode)) + " " + kWorkloads[workload] + " x" + std::to_string(workers));
}
BENCHMARK(BM_Speedup)
    ->ArgsProduct({{1, 2}, {0, 1, 2}, {1, 2, 4, 8}})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_MixedLatency(benchmark::State& state) {
  gil::RunSpec s = spec(2, gil::Mode::Threads, 2);
  s.gil.policy = static_cast<gil::GilPolicy>(state.range(0));
  s.gil.switch_interval = std::chrono::microseconds(state.range(1));
  double p50 = 0, p99 = 0;
  for (auto _ : state) {
    gil::RunReport run = gil::run_workload(s);
    p50 += gil::percentile_us(run.gil.io_latency, 50);
    p99 += gil::percentile_us(run.gil.io_latency, 99);
  }
  state.counters["io_p50_us"] = p50 / static_cast<double>(state.iterations());
  state.counters["io_p99_us"] = p99 / static_cast<double>(state.iterations());
  state.SetLabel(std::string(gil::gil_policy_name(s.gil.policy)));
}
BENCHMARK(BM_MixedLatency)
    ->ArgsProduct({{static_cast<int>(gil::GilPolicy::CPython), static_cast<int>(gil::GilPolicy::Fair)},
                   {500, 1000, 2000, 5000, 10000}})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_TracingOverhead(benchmark::State& state) {
  int workers = static_cast<int>(state.range(0));
  double overhead = 0;
  for (auto _ : state) {
    gil::RunSpec s = spec(0, gil::Mode::Threads, workers);
    s.size = 2400;
    gil::RunReport off = gil::run_workload(s);
    s.gil.record_activity = true;
    gil::RunReport on = gil::run_workload(s);
    overhead += on.wall_s / off.wall_s - 1;
  }
  state.counters["overhead"] = overhead / static_cast<double>(state.iterations());
}
BENCHMARK(BM_TracingOverhead)->Arg(4)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ProcessScaling(benchmark::State& state) {
  gil::RunSpec s = spec(0, gil::Mode::Processes, static_cast<int>(state.range(0)));
  s.size.reset();  // the workload's DEFAULT_SIZE
  double speedup = 0, serial = 0;
  for (auto _ : state) {
    gil::RunSpec base = s;
    base.mode = gil::Mode::Serial;
    gil::RunReport b = gil::run_workload(base);
    gil::RunReport run = gil::run_workload(s);
    speedup += b.wall_s / run.wall_s;
    serial += b.wall_s;
  }
  state.counters["speedup"] = speedup / static_cast<double>(state.iterations());
  state.counters["serial_s"] = serial / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ProcessScaling)->Arg(2)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
