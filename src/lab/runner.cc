#include "gil/lab/runner.h"

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "gil/ipc/standard_library.h"
#include "gil/lab/process_runner.h"
#include "gil/modules/threading.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {

std::string_view mode_name(Mode mode) {
  switch (mode) {
    case Mode::Serial: return "serial";
    case Mode::Threads: return "threads";
    case Mode::Processes: return "processes";
  }
  return "?";
}

bool parse_mode(std::string_view name, Mode& mode) {
  if (name == "serial") mode = Mode::Serial;
  else if (name == "threads") mode = Mode::Threads;
  else if (name == "processes") mode = Mode::Processes;
  else return false;
  return true;
}

double percentile_us(std::vector<std::chrono::nanoseconds> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  auto rank = static_cast<size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
  return static_cast<double>(samples[std::min(rank, samples.size() - 1)].count()) / 1000.0;
}

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this process and of its reaped children (worker processes).
double cpu_seconds() {
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage usage{};
    getrusage(who, &usage);
    total += seconds(usage.ru_utime) + seconds(usage.ru_stime);
  }
  return total;
}

// Runs work() for [w] on [ts], which holds the GIL, and records the outcome.
void run_work(ThreadState& ts, const Value& work, WorkerReport& w, bool& failed, std::string& error) {
  WorkOutcome outcome = call_work(ts, work, w.worker, w.units);
  w.result = std::move(outcome.repr);
  if (outcome.ok) return;
  failed = true;
  if (error.empty()) error = std::move(outcome.error);
}

// Moves [ts]'s recorded activity into [w], counting from [start].
void take_activity(ThreadState& ts, WorkerReport& w, std::chrono::nanoseconds start) {
  for (auto& change : ts.activity) w.activity.push_back({change.at - start, change.activity, change.handed_over_from});
  ts.activity.clear();
}

void run_serial(ThreadState& main, const Value& work, RunReport& report, std::chrono::nanoseconds start) {
  Gil& gil = *main.rt.gil;
  LiveBoard* live = report.spec.live;
  for (auto& w : report.workers) {
    main.trace_id = w.worker;
    main.live = live ? &(*live)[w.worker] : nullptr;
    gil.record(main, ThreadActivity::Running);
    run_work(main, work, w, report.failed, report.error);
    gil.record(main, ThreadActivity::Done);
    take_activity(main, w, start);
  }
  main.live = nullptr;
  for (auto& w : report.workers) w.gil = GilThreadStats{};
}

// Worker threads wait here before they run anything, so that a run whose
// threads cannot all be created (no memory for a stack, the system's thread
// or mapping limit) is called off before any work() runs: the threads
// already started then end at once and can be joined. They wait without a
// ThreadState, so that thousands of waiting threads cost only their stacks.
class StartGate {
 public:
  // A worker thread waits for the main thread's decision; true: go.
  bool wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    decided_.wait(lock, [&] { return open_; });
    return go_;
  }
  // The main thread starts the run ([go]) or calls it off.
  void open(bool go) {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    go_ = go;
    decided_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable decided_;
  bool open_ = false;  // guarded by mutex_
  bool go_ = false;    // guarded by mutex_
};

// The body of worker thread [i]: waits at the gate, then runs work() and
// records what it did.
struct WorkerThread {
  Runtime& rt;
  const Value& work;
  RunReport& report;
  StartGate& gate;
  std::chrono::nanoseconds start;
  std::vector<char>& failed;
  std::vector<std::string>& errors;
  std::vector<int64_t>& rss_at_end;

  void operator()(size_t i) {
    if (!gate.wait()) return;
    std::optional<ThreadState> state;
    try {
      state.emplace(rt, 1 << 16);
    } catch (const std::bad_alloc&) {
      // An exception must not leave a thread: that would abort the process.
      failed[i] = 1;
      errors[i] = "worker " + std::to_string(i) + " could not start: out of memory for its interpreter stack";
      return;
    }
    ThreadState& ts = *state;
    ts.is_main = false;
    ts.trace_id = static_cast<int>(i);
    if (report.spec.live) ts.live = &(*report.spec.live)[static_cast<int>(i)];
    rt.gil->acquire(ts);
    bool f = false;
    run_work(ts, work, report.workers[i], f, errors[i]);
    failed[i] = f;
    rt.gil->record(ts, ThreadActivity::Done);
    rss_at_end[i] = current_rss_kib();
    rt.gil->release(ts);
    report.workers[i].gil = ts.gil_stats;
    take_activity(ts, report.workers[i], start);
  }
};

// Starts one thread per worker behind the GIL and joins them. Throws
// std::system_error when a thread cannot be started, after joining those that
// were, with the GIL held by [main] again.
void run_threads(Runtime& rt, ThreadState& main, const Value& work, RunReport& report,
                 std::chrono::nanoseconds start) {
  size_t n = report.workers.size();
  std::vector<std::thread> threads;
  std::vector<char> failed(n, 0);
  std::vector<std::string> errors(n);
  std::vector<int64_t> rss_at_end(n, 0);
  threads.reserve(n);
  StartGate gate;
  WorkerThread body{rt, work, report, gate, start, failed, errors, rss_at_end};
  int64_t rss_before = current_rss_kib();
  rt.gil->release(main);
  try {
    for (size_t i = 0; i < n; ++i) threads.emplace_back(body, i);
  } catch (const std::system_error& e) {
    size_t started = threads.size();
    gate.open(false);
    for (auto& t : threads) t.join();
    rt.gil->acquire(main);
    throw std::system_error(e.code(), "cannot start worker thread " + std::to_string(started) + " of " +
                                          std::to_string(n));
  }
  gate.open(true);
  for (auto& t : threads) t.join();
  rt.gil->acquire(main);
  int64_t grown = *std::max_element(rss_at_end.begin(), rss_at_end.end()) - rss_before;
  report.rss_per_thread_kib = std::max<int64_t>(grown, 0) / static_cast<int64_t>(n);
  for (size_t i = 0; i < n; ++i) {
    if (!failed[i]) continue;
    report.failed = true;
    if (report.error.empty()) report.error = errors[i];
  }
}

}  // namespace

RunReport run_workload(const RunSpec& spec) {
  if (spec.workers < 1) throw WorkloadError("--workers must be a positive number");
  RuntimeConfig config;
  config.argv = {spec.workload_path};
  config.gil = spec.gil;
  config.extensions = standard_library();
  Runtime rt(std::move(config));
  ThreadState main(rt);
  // Holds the GIL for the main thread, and gives it back however this
  // function ends, so that the Runtime can always wind down.
  struct Hold {
    ThreadState& ts;
    explicit Hold(ThreadState& t) : ts(t) { ts.rt.gil->acquire(ts); }
    ~Hold() {
      if (ts.holds_gil) ts.rt.gil->release(ts);
    }
  } hold(main);
  Value work = load_workload(rt, main, spec.workload_path, "__gil_demo__");

  RunReport report;
  report.spec = spec;
  report.size = spec.size ? *spec.size : workload_default_size(rt);
  for (int i = 0; i < spec.workers; ++i) {
    WorkerReport w;
    w.worker = i;
    w.units = report.size / spec.workers + (i < report.size % spec.workers ? 1 : 0);
    report.workers.push_back(std::move(w));
  }

  main.gil_stats = GilThreadStats{};
  uint64_t switches_before = rt.gil->switch_count();
  double cpu_before = cpu_seconds();
  auto start = Clock::now();
  std::chrono::nanoseconds activity_start = rt.gil->now();
  main.activity.clear();
  if (spec.mode == Mode::Serial)
    run_serial(main, work, report, activity_start);
  else if (spec.mode == Mode::Threads)
    run_threads(rt, main, work, report, activity_start);
  else
    run_processes(main, spec, report, start);
  report.wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  report.cpu_s = cpu_seconds() - cpu_before;
  report.switches = rt.gil->switch_count() - switches_before;
  if (spec.mode == Mode::Serial) {
    report.gil = main.gil_stats;
  } else {
    for (auto& w : report.workers) report.gil.merge(w.gil);
  }
  threading_shutdown(main);  // in case the workload started threads itself
  return report;
}

}  // namespace gil
