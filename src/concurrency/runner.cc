#include "gil/runner.h"

#include <sys/resource.h>

#include <algorithm>
#include <thread>

#include "gil/errors.h"
#include "gil/interpreter.h"
#include "gil/ops.h"
#include "gil/syntax_error.h"
#include "gil/threading.h"
#include "gil/vm.h"

namespace gil {

std::string_view mode_name(Mode mode) { return mode == Mode::Serial ? "serial" : "threads"; }

bool parse_mode(std::string_view name, Mode& mode) {
  if (name == "serial") mode = Mode::Serial;
  else if (name == "threads") mode = Mode::Threads;
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

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The global [name] of the workload, or Empty.
Value global(Runtime& rt, const char* name) {
  auto it = rt.globals.slots.find(rt.intern(name));
  return it == rt.globals.slots.end() ? Value() : rt.globals.values[it->second];
}

// Loads the workload's top level on [main], which holds the GIL, and returns
// its work() function.
Value load_workload(Runtime& rt, ThreadState& main, const RunSpec& spec) {
  std::string source, error;
  if (!read_file(spec.workload_path, source, error)) throw WorkloadError(error);
  Value code;
  try {
    code = compile_source(rt, source, spec.workload_path);
  } catch (const SyntaxError& e) {
    throw WorkloadError(spec.workload_path + ":" + std::to_string(e.line) + ":" + std::to_string(e.col) +
                        ": SyntaxError: " + e.what());
  }
  rt.globals.values[rt.global_slot(rt.name_module)] = make_str("__gil_demo__");
  try {
    run_module(main, code);
  } catch (PyException& pe) {
    print_traceback(main, pe.exception, rt.config.err);
    auto* e = as<ObjException>(pe.exception);
    throw WorkloadError(spec.workload_path + ": its top level raised " + e->type->name + ": " +
                        exception_message(main, e));
  }
  Value work = global(rt, "work");
  if (!is_kind(work, ObjKind::Function) || as<ObjFunction>(work)->code_obj()->param_count != 2)
    throw WorkloadError(spec.workload_path + " does not define the entry point work(worker, units)");
  return work;
}

int64_t workload_size(Runtime& rt, const RunSpec& spec) {
  if (spec.size) return *spec.size;
  Value dflt = global(rt, "DEFAULT_SIZE");
  return dflt.is_int() && dflt.as_int() > 0 ? dflt.as_int() : 100;
}

// Runs work(worker, units) on [ts], which holds the GIL; records the result or
// prints the traceback and marks the report failed.
void call_work(ThreadState& ts, const Value& work, WorkerReport& report, bool& failed, std::string& error) {
  Value args[2] = {Value::integer(report.worker), Value::integer(report.units)};
  try {
    report.result = repr(ts, call(ts, work, args, 2));
  } catch (PyException& pe) {
    auto* e = as<ObjException>(pe.exception);
    std::fflush(ts.rt.config.out);
    std::fprintf(ts.rt.config.err, "Exception in worker %d:\n", report.worker);
    print_traceback(ts, pe.exception, ts.rt.config.err);
    failed = true;
    if (error.empty())
      error = "worker " + std::to_string(report.worker) + " raised " + e->type->name + ": " + exception_message(ts, e);
  }
}

// Moves [ts]'s recorded activity into [w], counting from [start].
void take_activity(ThreadState& ts, WorkerReport& w, std::chrono::nanoseconds start) {
  for (auto& change : ts.activity) w.activity.push_back({change.at - start, change.activity, change.handed_over_from});
  ts.activity.clear();
}

void run_serial(ThreadState& main, const Value& work, RunReport& report, std::chrono::nanoseconds start) {
  Gil& gil = *main.rt.gil;
  for (auto& w : report.workers) {
    main.trace_id = w.worker;
    gil.record(main, ThreadActivity::Running);
    call_work(main, work, w, report.failed, report.error);
    gil.record(main, ThreadActivity::Done);
    take_activity(main, w, start);
  }
  for (auto& w : report.workers) w.gil = GilThreadStats{};
}

void run_threads(Runtime& rt, ThreadState& main, const Value& work, RunReport& report,
                 std::chrono::nanoseconds start) {
  std::vector<std::thread> threads;
  std::vector<char> failed(report.workers.size(), 0);
  std::vector<std::string> errors(report.workers.size());
  rt.gil->release(main);
  for (size_t i = 0; i < report.workers.size(); ++i) {
    threads.emplace_back([&, i] {
      ThreadState ts(rt, 1 << 16);
      ts.is_main = false;
      ts.trace_id = static_cast<int>(i);
      rt.gil->acquire(ts);
      bool f = false;
      call_work(ts, work, report.workers[i], f, errors[i]);
      failed[i] = f;
      rt.gil->record(ts, ThreadActivity::Done);
      rt.gil->release(ts);
      report.workers[i].gil = ts.gil_stats;
      take_activity(ts, report.workers[i], start);
    });
  }
  for (auto& t : threads) t.join();
  rt.gil->acquire(main);
  for (size_t i = 0; i < failed.size(); ++i) {
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
  Value work = load_workload(rt, main, spec);

  RunReport report;
  report.spec = spec;
  report.size = workload_size(rt, spec);
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
  else
    run_threads(rt, main, work, report, activity_start);
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
