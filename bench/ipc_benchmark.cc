// What message passing between processes costs, measured in one run against
// its floor:
//
//   BM_RawPipePingPong            one byte each way between two processes
//                                 over a pair of pipes: the kernel's floor
//   BM_ConnectionPingPong/<size>  the same with gil-demo's framed Connection
//                                 (header, CRC-32) and a <size>-byte payload
//   BM_MultiprocessingCosts/<interpreter>
//                                 bench/ipc/ipc_costs.py run by CPython (0)
//                                 and by gil-demo (1): worker start-up, Pipe
//                                 round trip, Queue throughput for 64-byte
//                                 and 1 MiB messages. pipe_rtt_over_raw is the
//                                 round trip over the raw floor measured in
//                                 this run.
//
// The figures are user counters; scripts/charts.py draws them.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gil/ipc/connection.h"

#ifndef GIL_DEMO_EXE
#define GIL_DEMO_EXE "gil-demo"
#endif
#ifndef GIL_IPC_PROGRAM
#define GIL_IPC_PROGRAM "bench/ipc/ipc_costs.py"
#endif

namespace {

using Clock = std::chrono::steady_clock;

// The raw floor's median round trip in this run, for the ratios.
double raw_rtt_us = 0;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

void BM_RawPipePingPong(benchmark::State& state) {
  int to_child[2], to_parent[2];
  if (pipe(to_child) != 0 || pipe(to_parent) != 0) return state.SkipWithError("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    close(to_child[1]);  // or the child never sees the end of its input
    close(to_parent[0]);
    char c;
    while (read(to_child[0], &c, 1) == 1 && write(to_parent[1], &c, 1) == 1) {
    }
    _exit(0);
  }
  close(to_child[0]);
  close(to_parent[1]);
  std::vector<double> samples;
  char c = 'x';
  for (auto _ : state) {
    auto start = Clock::now();
    if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1) state.SkipWithError("ping failed");
    samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  close(to_child[1]);
  close(to_parent[0]);
  waitpid(pid, nullptr, 0);
  raw_rtt_us = median(samples);
  state.counters["rtt_us"] = raw_rtt_us;
}
BENCHMARK(BM_RawPipePingPong)->Iterations(20000)->UseRealTime();

void BM_ConnectionPingPong(benchmark::State& state) {
  auto [parent, child] = gil::make_connection_pair();
  pid_t pid = fork();
  if (pid == 0) {
    parent.close();
    while (auto message = child.recv_bytes()) child.send_bytes(*message);
    _exit(0);
  }
  child.close();
  std::string payload(static_cast<size_t>(state.range(0)), 'x');
  std::vector<double> samples;
  for (auto _ : state) {
    auto start = Clock::now();
    parent.send_bytes(payload);
    if (!parent.recv_bytes()) state.SkipWithError("echo failed");
    samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  parent.close();
  waitpid(pid, nullptr, 0);
  state.counters["rtt_us"] = median(samples);
  if (raw_rtt_us > 0) state.counters["rtt_over_raw"] = median(samples) / raw_rtt_us;
}
BENCHMARK(BM_ConnectionPingPong)->Arg(64)->Iterations(2000)->UseRealTime();
BENCHMARK(BM_ConnectionPingPong)->Arg(1 << 20)->Iterations(50)->UseRealTime();

// Runs [command] and parses the JSON object it prints last.
nlohmann::json run_json(const std::string& command) {
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {};
  std::string out;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (pclose(pipe) != 0) return {};
  size_t brace = out.rfind('{');
  if (brace == std::string::npos) return {};
  return nlohmann::json::parse(out.substr(brace), nullptr, false);
}

void BM_MultiprocessingCosts(benchmark::State& state) {
  bool minipy = state.range(0) == 1;
  std::string interpreter = minipy ? std::string(GIL_DEMO_EXE) + " run" : "/usr/bin/python3";
  std::string command = interpreter + " " + GIL_IPC_PROGRAM + " " + std::to_string(state.range(1) / 100.0);
  nlohmann::json figures;
  for (auto _ : state) figures = run_json(command);
  if (!figures.is_object()) return state.SkipWithError(("no figures from: " + command).c_str());
  for (auto& [key, value] : figures.items()) state.counters[key] = value.get<double>();
  if (raw_rtt_us > 0) state.counters["pipe_rtt_over_raw"] = figures["pipe_rtt_us"].get<double>() / raw_rtt_us;
  state.SetLabel(minipy ? "gil-demo" : "CPython");
}
// Second argument: the program's scale in percent (its repetition counts).
BENCHMARK(BM_MultiprocessingCosts)->Args({0, 100})->Args({1, 100})->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
