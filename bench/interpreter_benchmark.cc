// Whole-program benchmarks of the MiniPy interpreter.
//
// Each program in bench/programs/ is read from disk once, then run through
// gil::run_program (parse + compile + run on a fresh Runtime) once per
// iteration, with its output sent to /dev/null. The reported time is the wall
// time of one whole run, in milliseconds.
//
// Every program is registered twice:
//   <name>/<size>        the measured size (the program's own default, the one
//                        scripts/compare_cpython.py times under CPython too);
//                        a fixed, small iteration count keeps the binary short.
//   Smoke/<name>/<size>  a tiny size, run by CTest (`bench.smoke`) to prove the
//                        benchmarks still build and run. Nothing asserts on time.
//
// A program that exits non-zero (a MiniPy error) marks its benchmark as
// errored, and the binary then exits 1, so the smoke test fails on it.

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <vector>

#include "gil/runtime/interpreter.h"

#ifndef GIL_BENCH_PROGRAMS_DIR
#error "GIL_BENCH_PROGRAMS_DIR must be defined (the bench/programs source directory)"
#endif

namespace {

struct Program {
  const char* name;  // file name without .py
  int size;          // sys.argv[1] for the measured benchmark
  int smoke_size;    // sys.argv[1] for the Smoke/ variant
  int iterations;    // fixed iteration count for the measured benchmark
};

// The sizes match the defaults in the programs themselves (tuned so each takes
// roughly 0.2-1 s under CPython 3.11).
constexpr Program kPrograms[] = {
    {"countdown", 3000000, 2000, 3},
    {"fib", 32, 12, 3},
    {"list_sum", 1000000, 2000, 3},
    {"string_build", 3000000, 2000, 3},
    {"word_count", 300000, 2000, 3},
};

std::atomic<int> g_failures{0};

std::FILE* dev_null() {
  static std::FILE* f = std::fopen("/dev/null", "w");
  return f;
}

struct Loaded {
  std::string filename;
  std::string source;
  std::string error;  // non-empty when the file could not be read
};

void run_benchmark(benchmark::State& state, const Loaded* program, int size) {
  if (!program->error.empty()) {
    ++g_failures;
    state.SkipWithError(program->error.c_str());
    return;
  }
  std::FILE* sink = dev_null();
  if (sink == nullptr) {
    ++g_failures;
    state.SkipWithError("cannot open /dev/null");
    return;
  }
  const std::vector<std::string> args{std::to_string(size)};
  for (auto _ : state) {
    int rc = gil::run_program(program->source, program->filename, args, sink, sink);
    if (rc != 0) {
      ++g_failures;
      static thread_local std::string message;
      message = program->filename + " " + args[0] + " exited with code " + std::to_string(rc) +
                " (run `gil-demo run " + program->filename + " " + args[0] + "` to see the error)";
      state.SkipWithError(message.c_str());
      break;
    }
  }
  state.counters["size"] = size;
}

void register_all() {
  // Loaded once, kept for the life of the process.
  static std::vector<Loaded> loaded;
  loaded.reserve(std::size(kPrograms));
  for (const Program& p : kPrograms) {
    Loaded l;
    l.filename = std::string(GIL_BENCH_PROGRAMS_DIR) + "/" + p.name + ".py";
    std::string error;
    if (!gil::read_file(l.filename, l.source, error)) l.error = "cannot read " + l.filename + ": " + error;
    loaded.push_back(std::move(l));
  }
  for (std::size_t i = 0; i < std::size(kPrograms); ++i) {
    const Program& p = kPrograms[i];
    const Loaded* l = &loaded[i];
    benchmark::RegisterBenchmark((std::string(p.name) + "/" + std::to_string(p.size)).c_str(), run_benchmark, l,
                                 p.size)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(p.iterations)
        ->UseRealTime();
  }
  for (std::size_t i = 0; i < std::size(kPrograms); ++i) {
    const Program& p = kPrograms[i];
    const Loaded* l = &loaded[i];
    benchmark::RegisterBenchmark(("Smoke/" + std::string(p.name) + "/" + std::to_string(p.smoke_size)).c_str(),
                                 run_benchmark, l, p.smoke_size)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (g_failures > 0) {
    std::fprintf(stderr, "interpreter_benchmark: %d benchmark(s) failed: a MiniPy program did not exit with 0\n",
                 g_failures.load());
    return 1;
  }
  return 0;
}
