// The runner: runs a workload in one execution mode and measures it.
//
// A workload is a MiniPy file that defines `work(worker, units)` (and may
// define DEFAULT_SIZE). The runner splits a fixed total of units between the
// workers, so runs in different modes do the same work and their times
// compare directly:
//
// - serial:  one thread calls work(0, u0), work(1, u1), ... in turn;
// - threads: one thread per worker, all behind the runtime's GIL.
//
// Each run gets a fresh Runtime. The top level of the file runs first with
// `__name__` set to "__gil_demo__", so an `if __name__ == "__main__":` block
// does not.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gil/gil.h"

namespace gil {

// How the workers of a run execute.
enum class Mode { Serial, Threads };

std::string_view mode_name(Mode mode);
bool parse_mode(std::string_view name, Mode& mode);

// What to run.
struct RunSpec {
  Mode mode = Mode::Threads;
  // The workload's file and the name reports use for it ("cpu", or the path).
  std::string workload_path;
  std::string workload_name;
  int workers = 4;
  // Total units of work, split between the workers; unset means the
  // workload's DEFAULT_SIZE (or 100 when it has none).
  std::optional<int64_t> size;
  GilConfig gil;  // gil.record_activity turns on the timeline and trace data
};

// What one worker did.
struct WorkerReport {
  int worker = 0;
  int64_t units = 0;
  // repr() of work()'s return value.
  std::string result;
  GilThreadStats gil;
  // Changes of activity, when recorded; times count from the run's start.
  std::vector<ActivityChange> activity;
};

// What a run measured.
struct RunReport {
  RunSpec spec;
  int64_t size = 0;
  double wall_s = 0;
  // User + system CPU time of the whole process during the run.
  double cpu_s = 0;
  std::vector<WorkerReport> workers;
  // All workers' GIL statistics merged, and the switch count.
  GilThreadStats gil;
  uint64_t switches = 0;
  // Whether the run ended with an error (an exception in a worker...), and
  // its message.
  bool failed = false;
  std::string error;
};

// Thrown for a workload that cannot run: a missing file, a syntax error, no
// work() function. The message is one line.
struct WorkloadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs [spec] and measures it. Throws WorkloadError when the workload cannot
// start; an exception inside a worker is reported in the result instead.
RunReport run_workload(const RunSpec& spec);

// Percentile [p] (0..100) of [samples], in microseconds; 0 when empty.
double percentile_us(std::vector<std::chrono::nanoseconds> samples, double p);

}  // namespace gil
