// The processes mode of the runner: the parent side, driven by Boost.Asio,
// and the worker side, a hidden role of the gil-demo binary
// (`gil-demo __worker --channel-fd N ... PATH`).
//
// Each worker is a ChildProcess (process.h) joined to the parent by one
// socket pair. Every message is a wire-format tuple (wire.h) in a checked
// frame:
//
//   worker -> parent  ("hello", pid)                   first thing after exec
//   worker -> parent  ("loaded",) | ("load_failed", message)
//                                                      after running the
//                                                      workload's top level
//   parent -> worker  ("task", task, worker, units)    any number of times
//   worker -> parent  ("result", task, value, repr, start_ns, end_ns, stats,
//                      activity, serialize_ns, peak_rss_kib)
//                   | ("failed", task, message, serialize_ns)
//   parent closes its end: the worker exits 0.
//
// stats is (acquisitions, drop_requests, forced_switches, voluntary_releases,
// wait_ns, hold_ns, [io_latency_ns...]); activity is [(at_ns, activity,
// handed_over_from)...]. Times are CLOCK_MONOTONIC nanoseconds, which every
// process on the machine shares, so the parent can put the workers' activity
// on its own time axis.
//
// The parent is the task queue: it holds the tasks not yet given out and
// sends the next one to whichever worker reports a result, so a task lost
// with its worker can be run again elsewhere (RunSpec::retries).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "gil/lab/runner.h"

namespace gil {

// Runs [report]'s tasks (one per WorkerReport, already split) in worker
// processes and fills in their results, the IPC figures and any faults.
// [main] holds the GIL of the parent's runtime, which decodes the results.
// [start] is the run's start on the steady clock.
void run_processes(ThreadState& main, const RunSpec& spec, RunReport& report,
                   std::chrono::steady_clock::time_point start);

// The worker role, `gil-demo __worker` with [args]: --channel-fd N, the GIL
// configuration (--policy, --switch-us, --check-interval, --stats 0|1,
// --record 0|1) and the workload's path. Serves the protocol above until the
// parent closes the channel; returns the process exit code.
int run_worker(const std::vector<std::string>& args);

}  // namespace gil
