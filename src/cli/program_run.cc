#include "gil/cli/program_run.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "gil/cli/report.h"
#include "gil/cli/timeline.h"
#include "gil/modules/threading.h"

namespace gil {
namespace {

double seconds(std::chrono::nanoseconds ns) { return std::chrono::duration<double>(ns).count(); }

// CPU time of this process, every thread of it included.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

// The threads' records as the report of a threads run: one "worker" per
// thread, numbered by trace id, the main thread first.
RunReport report_of(ThreadState& main, const std::string& path, double cpu_s) {
  Runtime& rt = main.rt;
  // The main thread's current hold ends now; count it, as a finishing
  // thread counts its own.
  GilThreadStats main_stats = main.gil_stats;
  if (rt.gil->config().collect_stats) main_stats.hold += std::chrono::steady_clock::now() - main.gil_acquired_at;
  rt.gil->record(main, ThreadActivity::Done);
  ThreadStatsReport threads = collect_thread_stats(main);
  threads.per_thread.front().stats = main_stats;

  RunReport r;
  r.spec.mode = Mode::Threads;
  r.spec.workload_path = path;
  r.spec.workload_name = path;
  r.spec.gil = rt.gil->config();
  // sys.setswitchinterval may have changed it: report the one in force.
  r.spec.gil.switch_interval = rt.gil->switch_interval();
  r.spec.workers = static_cast<int>(threads.per_thread.size());
  r.wall_s = seconds(rt.gil->now());
  r.cpu_s = cpu_s;
  r.switches = rt.gil->switch_count();
  for (ThreadRecord& t : threads.per_thread) {
    WorkerReport w;
    w.worker = t.trace_id;
    w.name = t.name;
    w.gil = std::move(t.stats);
    w.activity = std::move(t.activity);
    r.gil.merge(w.gil);
    r.workers.push_back(std::move(w));
  }
  // In starting order, as the threads were numbered.
  std::stable_sort(r.workers.begin(), r.workers.end(),
                   [](const WorkerReport& a, const WorkerReport& b) { return a.worker < b.worker; });
  return r;
}

}  // namespace

void configure_lenses(RuntimeConfig& config, const ProgramLenses& lenses, const std::string& path, LiveBoard* board,
                      ProgramRecord& record) {
  config.gil = lenses.gil;
  config.gil.record_activity = lenses.records_activity();
  config.main_thread_trace_id = 0;
  config.live = board;
  double cpu_before = cpu_seconds();
  config.at_program_end = [&record, path, cpu_before](ThreadState& main) {
    record.report = report_of(main, path, cpu_seconds() - cpu_before);
    record.complete = true;
  };
}

bool write_json_file(const std::string& path, const nlohmann::json& json, const char* what, int indent) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::fprintf(stderr, "gil-demo: error: cannot write %s '%s': %s\n", what, path.c_str(), std::strerror(errno));
    return false;
  }
  std::string text = json.dump(indent) + "\n";
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) std::fprintf(stderr, "gil-demo: error: writing %s '%s' failed\n", what, path.c_str());
  return ok;
}

bool show_lenses(const ProgramRecord& record, const ProgramLenses& lenses, const std::vector<std::string>& argv) {
  if (!record.complete) return true;  // the program never ran (a SyntaxError)
  const RunReport& r = record.report;
  std::fflush(stdout);
  if (lenses.summary) std::fprintf(stderr, "\n%s", format_program_summary(r).c_str());
  if (lenses.timeline) {
    TimelineStyle style{terminal_width(100, STDERR_FILENO), isatty(STDERR_FILENO) && !std::getenv("NO_COLOR")};
    std::fprintf(stderr, "\n%s", render_timeline(r, style).c_str());
  }
  bool ok = true;
  if (!lenses.trace_file.empty()) ok = write_json_file(lenses.trace_file, chrome_trace(r), "trace", -1) && ok;
  if (!lenses.stats_file.empty()) {
    Comparison c;
    c.run = r;
    nlohmann::json stats = to_json(c);
    stats["program"] = argv.front();
    stats["argv"] = argv;
    ok = write_json_file(lenses.stats_file, stats, "statistics", 2) && ok;
  }
  return ok;
}

}  // namespace gil
