// Loading a workload file and calling its entry point: the steps every
// execution mode shares, whether the interpreter runs in this process
// (serial, threads) or in a worker process (processes).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "gil/runtime/runtime.h"

namespace gil {

// Thrown for a workload that cannot run: a missing file, a syntax error, no
// work() function. The message is one line.
struct WorkloadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown when the workload's top level raised (its traceback already on
// stderr) or called sys.exit(): the program's own failure, not a usage
// error, so the process ends with [status] as `python3 FILE` would (1, or
// SystemExit's code).
struct WorkloadExit : WorkloadError {
  WorkloadExit(const std::string& message, int exit_status) : WorkloadError(message), status(exit_status) {}
  int status;
};

// Compiles [path] and runs its top level on [ts] (which holds the GIL) with
// `__name__` set to [module_name]; returns its work(worker, units) function.
// Throws WorkloadError, or WorkloadExit when the top level raised or exited.
Value load_workload(Runtime& rt, ThreadState& ts, const std::string& path, const char* module_name);

// The workload's DEFAULT_SIZE, or 100 when it defines none.
int64_t workload_default_size(Runtime& rt);

// What one call of work() produced.
struct WorkOutcome {
  bool ok = false;
  // The value it returned (Empty on failure), and its repr().
  Value value;
  std::string repr;
  // "worker 2 raised ValueError: ..." on failure.
  std::string error;
};

// Calls work(worker, units) on [ts], which holds the GIL. An exception is
// printed to stderr as "Exception in worker N:" and its traceback.
WorkOutcome call_work(ThreadState& ts, const Value& work, int worker, int64_t units);

// Resident set size of this process now, and at its peak, in KiB.
int64_t current_rss_kib();
int64_t peak_rss_kib();

}  // namespace gil
