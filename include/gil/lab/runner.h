// The runner: runs a workload in one execution mode and measures it.
//
// A workload is a MiniPy file that defines `work(worker, units)` (and may
// define DEFAULT_SIZE). The runner splits a fixed total of units between the
// workers, so runs in different modes do the same work and their times
// compare directly:
//
// - serial:  one thread calls work(0, u0), work(1, u1), ... in turn;
// - threads: one thread per worker, all behind the runtime's GIL;
// - processes: one worker process per worker (process_runner.h), each with
//   its own interpreter and GIL, fed over framed pipes.
//
// Each run gets a fresh Runtime. The top level of the file runs first with
// `__name__` set to "__gil_demo__", so an `if __name__ == "__main__":` block
// does not.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "gil/lab/workload.h"
#include "gil/threads/gil.h"
#include "gil/threads/live.h"

namespace gil {

// How the workers of a run execute.
enum class Mode { Serial, Threads, Processes };

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

  // Processes mode only.
  // The gil-demo binary the workers run; empty means this executable.
  std::string worker_exe;
  // How many times a task lost with its worker is run again on a fresh
  // worker before the run fails (--retry).
  int retries = 0;
  // Seconds the whole run may take before every worker is killed; unset
  // means no limit.
  std::optional<double> timeout_s;

  // Where each worker reports what it is doing while the run goes on
  // (--live), one LiveWorker per worker; null for none. Not owned.
  LiveBoard* live = nullptr;
  // Processes mode: where the runner says, as soon as it sees it, that a
  // worker process is stopped (SIGSTOP, Ctrl-Z's SIGTSTP, a debugger) and
  // so holds the run, which waits for it as CPython would. The CLI passes
  // stderr without --live (the live view shows it otherwise); null for
  // nowhere. Not owned.
  std::FILE* notices = nullptr;
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

  // Processes mode: the worker process that completed the task (or last held
  // it), how long from spawning it to its first message, its peak resident
  // memory, and how many processes the task was given to.
  int pid = 0;
  double spawn_s = 0;
  int64_t peak_rss_kib = 0;
  int attempts = 0;

  // A program's thread (`gil-demo run`): its Thread.name; empty for a
  // workload's worker.
  std::string name;
};

// What moving work to processes cost: messages and bytes in both directions
// (frames included) and the time spent encoding and decoding them, in the
// parent and in the workers.
struct IpcStats {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  double serialize_s = 0;
};

// A worker process that ended while it held a task, or ended badly.
struct WorkerFault {
  int pid = 0;
  // ExitStatus::describe(): "killed by signal 9 (SIGKILL)", "exit code 3".
  std::string status;
  // The task (worker number) it held, or -1.
  int task = -1;
  // Whether the task was given to another worker (--retry).
  bool retried = false;
};

// A time a worker process sent nothing while it was seen stopped (processes
// mode): from its last message to its next one (or its end, or the run's).
struct WorkerSilence {
  int pid = 0;
  // The worker (task) it held, or -1.
  int worker = -1;
  // Seconds into the run of its last message, and how long nothing came.
  double from_s = 0;
  double for_s = 0;
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
  // Processes mode: what the message passing cost, and every worker that
  // died.
  IpcStats ipc;
  std::vector<WorkerFault> faults;
  // Processes mode: every worker seen stopped, and how long it was silent.
  std::vector<WorkerSilence> silences;
  // Threads mode: resident memory the worker threads added, per thread.
  int64_t rss_per_thread_kib = 0;
  // Whether the run ended with an error (an exception in a worker...), and
  // its message.
  bool failed = false;
  std::string error;
};

// Runs [spec] and measures it. Throws WorkloadError when the workload cannot
// start; an exception inside a worker, or a worker process that dies, is
// reported in the result instead. Throws Interrupted when SIGINT or SIGTERM
// arrives during a processes run, after killing and reaping every worker.
// Throws std::system_error (or Asio's boost::system::system_error) when a
// worker process, its channel or the event loop cannot be made (a missing
// worker_exe, too many open files...), also after killing and reaping every
// worker already started; likewise when a worker thread cannot be started
// (no memory for its stack, the thread limit), after joining those that
// were, none of which ran work().
RunReport run_workload(const RunSpec& spec);

// A run stopped by SIGINT or SIGTERM; the CLI exits as the signal asks.
struct Interrupted : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Percentile [p] (0..100) of [samples], in microseconds; 0 when empty.
double percentile_us(std::vector<std::chrono::nanoseconds> samples, double p);

}  // namespace gil
