// gil-demo's command line: the main command (run a workload in a mode and
// compare it with a serial baseline) and the subcommands `run` and `dis`.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <csignal>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include "gil/cli/live_display.h"
#include "gil/cli/program_run.h"
#include "gil/cli/report.h"
#include "gil/cli/timeline.h"
#include "gil/ipc/multiprocessing.h"
#include "gil/ipc/standard_library.h"
#include "gil/lab/process_runner.h"
#include "gil/lab/runner.h"
#include "gil/language/syntax_error.h"
#include "gil/runtime/debug.h"
#include "gil/runtime/interpreter.h"

#ifndef GIL_DEMOS_DIR
#define GIL_DEMOS_DIR "demos"
#endif

namespace {

constexpr const char* kExamples = R"(
With no arguments, runs the classroom demo: CPU-bound and I/O-bound threads.

Examples:
  gil-demo --mode threads --workload cpu              threads do not speed up CPU work
  gil-demo --mode threads --workload io --workers 8   ...but they do speed up I/O
  gil-demo --workload mixed --gil fair                the convoy effect, and its fix
  gil-demo --workload cpu --workers 2 --gil legacy    Python 2's GIL: slower than serial
  gil-demo --mode processes --workload cpu --workers 2   processes do speed up CPU work
  gil-demo --workload my_work.py --json               your own workload (defines work(worker, units))
  gil-demo run demos/programs/primes.py 100000        run a MiniPy program
  gil-demo dis demos/programs/primes.py               show its bytecode
)";

// Exit code for bad command-line input, as argparse uses.
constexpr int kUsageError = 2;

int usage_error(const std::string& message) {
  std::fprintf(stderr, "gil-demo: error: %s\n", message.c_str());
  return kUsageError;
}

// A run that could not go on for a reason outside the workload (no worker
// process could be started: too many open files, no memory to fork...): one
// line, exit 1, every worker already killed and reaped.
int system_failure(const std::exception& e) {
  std::fprintf(stderr, "gil-demo: error: %s\n", e.what());
  return 1;
}

bool load(const std::string& path, std::string& source) {
  std::string error;
  if (gil::read_file(path, source, error)) return true;
  std::fprintf(stderr, "gil-demo: error: %s\n", error.c_str());
  return false;
}

// Ends the process as an uncaught Ctrl-C ends CPython: by SIGINT itself, so
// the shell sees the interrupt.
[[noreturn]] void die_of_sigint() {
  std::fflush(nullptr);
  std::signal(SIGINT, SIG_DFL);
  std::raise(SIGINT);
  std::_Exit(128 + SIGINT);
}

int dis_command(const std::string& path) {
  std::string source;
  if (!load(path, source)) return kUsageError;
  gil::Runtime rt(gil::RuntimeConfig{});
  gil::Value code;
  try {
    code = gil::compile_source(rt, source, path);
  } catch (const gil::SyntaxError& e) {
    gil::print_syntax_error(stderr, path, source, e);
    return 1;
  }
  gil::ThreadState ts(rt);
  std::string listing = gil::disassemble(ts, gil::as<gil::ObjCode>(code));
  std::fwrite(listing.data(), 1, listing.size(), stdout);
  return 0;
}

// The options of the main command, as parsed. The numbers stay text until
// make_spec checks each against its range: CLI11 would quietly turn '' into
// 0, "inf" or "1e300" into a double no interval can be, and a size past
// int64 into its limit.
struct MainOptions {
  std::string mode = "threads";
  std::string workload = "cpu";
  std::string workers = "4";
  std::optional<std::string> size;  // unset: the workload's DEFAULT_SIZE
  std::string policy = "cpython";
  std::string switch_interval_ms = "5";
  std::string check_interval = "100";
  bool no_baseline = false;
  bool json = false;
  bool timeline = false;
  std::string trace_file;
  bool no_gil_stats = false;
  int retries = 0;
  std::optional<std::string> timeout_s;  // unset: no limit
  bool live = false;
};

// The accepted ranges. More workers than this is no experiment a machine can
// run; a switch interval or timeout must fit the microsecond and nanosecond
// clocks they become, with room to spare.
constexpr int64_t kMaxWorkers = 100000;
constexpr double kMinSwitchIntervalMs = 0.001, kMaxSwitchIntervalMs = 60000;
constexpr double kMinTimeoutS = 0.001, kMaxTimeoutS = 1000000;

// A value outside what its option accepts, as the usage error to print.
struct BadValue {
  std::string message;
};

// [text] as a whole number from [lo] to [hi]; throws BadValue naming [option].
int64_t whole_number(const char* option, const std::string& text, int64_t lo, int64_t hi) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end || value < lo || value > hi)
    throw BadValue{fmt::format("{} must be a whole number from {} to {}, not '{}'", option, lo, hi, text)};
  return value;
}

// [text] as a number of [unit] from [lo] to [hi] (so never inf or nan);
// throws BadValue naming [option].
double decimal_number(const char* option, const std::string& text, double lo, double hi, const char* unit) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end || !(value >= lo && value <= hi))
    throw BadValue{fmt::format("{} must be a number of {} from {} to {}, not '{}'", option, unit, lo, hi, text)};
  return value;
}

// The file of a built-in workload name, or the name itself for a path.
std::string workload_path(const std::string& workload) {
  if (workload.size() > 3 && workload.ends_with(".py")) return workload;
  for (const char* dir : {"demos/workloads", GIL_DEMOS_DIR "/workloads"}) {
    std::filesystem::path p = std::filesystem::path(dir) / (workload + ".py");
    if (std::filesystem::exists(p)) return p.string();
  }
  return "";
}

void progress(const char* what, const gil::RunSpec& spec) {
  if (!isatty(STDERR_FILENO)) return;
  std::fprintf(stderr, "gil-demo: running %s: %s, %d workers...\r", what, spec.workload_name.c_str(), spec.workers);
  std::fflush(stderr);
}

void clear_progress() {
  if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\033[2K\r");
}

// Checks the switch and check intervals and sets them in [gil]; throws
// BadValue.
void set_gil_numbers(const std::string& switch_interval_ms, const std::string& check_interval, gil::GilConfig& gil) {
  double interval_ms = decimal_number("--switch-interval", switch_interval_ms, kMinSwitchIntervalMs,
                                      kMaxSwitchIntervalMs, "milliseconds");
  gil.switch_interval = std::chrono::microseconds(std::llround(interval_ms * 1000));
  gil.check_interval =
      static_cast<int>(whole_number("--check-interval", check_interval, 1, std::numeric_limits<int>::max()));
}

// Checks the numbers of [o] and sets them in [spec]; throws BadValue.
void set_numbers(const MainOptions& o, gil::RunSpec& spec) {
  spec.workers = static_cast<int>(whole_number("--workers", o.workers, 1, kMaxWorkers));
  if (o.size) spec.size = whole_number("--size", *o.size, 1, std::numeric_limits<int64_t>::max());
  set_gil_numbers(o.switch_interval_ms, o.check_interval, spec.gil);
  if (o.timeout_s) spec.timeout_s = decimal_number("--timeout", *o.timeout_s, kMinTimeoutS, kMaxTimeoutS, "seconds");
}

// The lens options of `run`, as given: the numbers stay text until checked.
struct RunOptions {
  std::string policy = "cpython";
  std::string switch_interval_ms = "5";
  std::string check_interval = "100";
  gil::ProgramLenses lenses;
};

// Whether the locale draws block characters (for --live).
bool unicode_terminal() {
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) {
      std::string v = value;
      return v.find("UTF-8") != std::string::npos || v.find("utf8") != std::string::npos;
    }
  }
  return true;
}

int run_command(const std::vector<std::string>& words, RunOptions options) {
  if (words.empty()) return usage_error("run: a program file is required (gil-demo run [OPTIONS] FILE.py [ARGS...])");
  gil::ProgramLenses& lenses = options.lenses;
  if (!gil::parse_gil_policy(options.policy, lenses.gil.policy))
    return usage_error("unknown GIL policy '" + options.policy + "' (choose cpython, legacy or fair)");
  try {
    set_gil_numbers(options.switch_interval_ms, options.check_interval, lenses.gil);
  } catch (const BadValue& e) {
    return usage_error(e.message);
  }
  std::string source;
  if (!load(words[0], source)) return kUsageError;
  gil::RuntimeConfig config;
  config.argv = words;
  config.extensions = gil::standard_library();
  config.finalize_main = true;
  // Room on the --live board for the main thread and 63 others.
  std::optional<gil::LiveBoard> board;
  if (lenses.live) board.emplace(64, 0);
  gil::ProgramRecord record;
  config.gil = lenses.gil;
  // Without a view the threads' records are not kept for one.
  if (lenses.any()) gil::configure_lenses(config, lenses, words[0], board ? &*board : nullptr, record);
  gil::Runtime rt(std::move(config));
  int status;
  {
    gil::SigintHandler sigint(rt);
    std::optional<gil::LiveDisplay> display;
    if (board) {
      gil::LiveView view;
      view.title = fmt::format("{}, GIL {}", words[0], gil::gil_policy_name(lenses.gil.policy));
      view.colour = !std::getenv("NO_COLOR");
      view.width = gil::terminal_width(100, STDERR_FILENO);
      view.unicode = unicode_terminal();
      display.emplace(*board, view);
    }
    status = gil::run_source(rt, source, words[0]);
  }
  bool shown = gil::show_lenses(record, lenses, words);
  if (status == 0 && !shown) status = 1;
  if (rt.live_daemon_threads > 0) {
    // CPython ends daemon threads with the process; so do we.
    std::fflush(nullptr);
    std::_Exit(status == gil::kExitKeyboardInterrupt ? 128 + SIGINT : status);
  }
  if (status == gil::kExitKeyboardInterrupt) die_of_sigint();
  return status;
}

// Builds the run from the options; returns an error message or "".
std::string make_spec(const MainOptions& o, gil::RunSpec& spec) {
  if (!gil::parse_mode(o.mode, spec.mode)) return "unknown mode '" + o.mode + "' (choose serial, threads or processes)";
  if (!gil::parse_gil_policy(o.policy, spec.gil.policy))
    return "unknown GIL policy '" + o.policy + "' (choose cpython, legacy or fair)";
  try {
    set_numbers(o, spec);
  } catch (const BadValue& e) {
    return e.message;
  }
  if (o.retries < 0) return "--retry must be zero or a positive number of attempts";
  if ((o.retries > 0 || o.timeout_s) && spec.mode != gil::Mode::Processes)
    return "--retry and --timeout apply to --mode processes";
  spec.retries = o.retries;
  spec.workload_path = workload_path(o.workload);
  if (spec.workload_path.empty())
    return "unknown workload '" + o.workload + "' (choose cpu, io, mixed, or give a FILE.py)";
  if (!std::filesystem::exists(spec.workload_path)) return "workload file '" + spec.workload_path + "' does not exist";
  spec.workload_name = o.workload;
  spec.gil.record_activity = o.timeline || !o.trace_file.empty();
  spec.gil.collect_stats = !o.no_gil_stats;
  // A stopped worker is named at once on stderr; with --live the view says it.
  if (!o.live) spec.notices = stderr;
  return "";
}

// Runs [run] and turns what it throws into the command's answer: a workload
// that cannot run is a usage error (exit 2), an interrupt ends the process as
// SIGINT does, anything else is a one-line failure (exit 1). Returns the exit
// code when [run] threw, nullopt when it finished.
template <typename Run>
std::optional<int> failure_of(Run run) {
  try {
    run();
    return std::nullopt;
  } catch (const gil::WorkloadExit& e) {
    clear_progress();
    return e.status;  // its traceback or message is already on stderr
  } catch (const gil::WorkloadError& e) {
    clear_progress();
    return usage_error(e.what());
  } catch (const gil::Interrupted& e) {
    clear_progress();
    std::fprintf(stderr, "gil-demo: %s; every worker process was killed and reaped\n", e.what());
    die_of_sigint();
  } catch (const std::exception& e) {
    clear_progress();
    return system_failure(e);
  }
}

// Runs [spec] with the live view drawing it; [expected] gives each worker's
// time at work in the baseline, and receives this run's.
gil::RunReport run_live(gil::RunSpec spec, std::vector<double>& expected) {
  gil::LiveBoard board(spec.workers);
  spec.live = &board;
  gil::LiveView view;
  view.title = fmt::format("{}: {}, {} workers, GIL {}", gil::mode_name(spec.mode), spec.workload_name, spec.workers,
                           gil::gil_policy_name(spec.gil.policy));
  view.expected_s = expected;
  view.colour = !std::getenv("NO_COLOR");
  view.width = gil::terminal_width(100, STDERR_FILENO);  // the view draws on stderr
  view.unicode = unicode_terminal();
  gil::RunReport report;
  {
    gil::LiveDisplay display(board, view);
    report = gil::run_workload(spec);
  }
  int64_t end = gil::live_now_ns();
  expected.clear();
  for (int w = 0; w < spec.workers; ++w)
    expected.push_back(static_cast<double>(board[w].time_in(gil::ThreadActivity::Running, end) +
                                           board[w].time_in(gil::ThreadActivity::InIo, end)) / 1e9);
  return report;
}

gil::Comparison compare(const gil::RunSpec& spec, bool baseline, bool live = false) {
  gil::Comparison c;
  std::vector<double> expected;
  if (baseline && spec.mode != gil::Mode::Serial) {
    gil::RunSpec serial = spec;
    serial.mode = gil::Mode::Serial;
    if (live) {
      c.baseline = run_live(serial, expected);
    } else {
      progress("serial baseline", serial);
      c.baseline = gil::run_workload(serial);
    }
  }
  if (live) {
    c.run = run_live(spec, expected);
    std::fprintf(stderr, "\n");
    return c;
  }
  progress(std::string(gil::mode_name(spec.mode)).c_str(), spec);
  c.run = gil::run_workload(spec);
  clear_progress();
  return c;
}

std::string fmt_ms(double us) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", us / 1000);
  return buf;
}

bool write_trace(const std::string& path, const gil::RunReport& run) {
  bool ok = gil::write_json_file(path, gil::chrome_trace(run), "trace", -1);
  if (ok && isatty(STDERR_FILENO)) std::fprintf(stderr, "gil-demo: trace written to %s (open it in ui.perfetto.dev)\n", path.c_str());
  return ok;
}

int main_command(const MainOptions& o) {
  gil::RunSpec spec;
  std::string error = make_spec(o, spec);
  if (!error.empty()) return usage_error(error);
  int status = 0;
  std::optional<int> failure = failure_of([&] {
    gil::Comparison c = compare(spec, !o.no_baseline, o.live);
    if (o.json)
      std::printf("%s\n", gil::to_json(c).dump(2).c_str());
    else
      std::printf("%s", gil::format_summary(c).c_str());
    if (o.timeline) {
      gil::TimelineStyle style{gil::terminal_width(100), isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")};
      std::printf("\n%s", gil::render_timeline(c.run, style).c_str());
    }
    bool trace_ok = o.trace_file.empty() || write_trace(o.trace_file, c.run);
    status = !trace_ok || c.run.failed ? 1 : 0;
  });
  return failure ? *failure : status;
}

// `compare`: every mode on each workload, one table and a bar chart.
int compare_command(const MainOptions& base, const std::vector<std::string>& workloads, bool csv) {
  std::vector<std::string> names = workloads.empty() ? std::vector<std::string>{"cpu", "io", "mixed"} : workloads;
  nlohmann::json rows = nlohmann::json::array();
  for (const std::string& workload : names) {
    for (gil::Mode mode : {gil::Mode::Serial, gil::Mode::Threads, gil::Mode::Processes}) {
      MainOptions o = base;
      o.workload = workload;
      o.mode = std::string(gil::mode_name(mode));
      gil::RunSpec spec;
      std::string error = make_spec(o, spec);
      if (!error.empty()) return usage_error(error);
      std::optional<int> failure = failure_of([&] {
        progress(o.mode.c_str(), spec);
        gil::RunReport r = gil::run_workload(spec);
        clear_progress();
        double p50 = r.gil.io_latency.empty() ? -1 : gil::percentile_us(r.gil.io_latency, 50);
        rows.push_back({{"workload", workload}, {"mode", o.mode}, {"workers", spec.workers},
                        {"gil_policy", gil::gil_policy_name(spec.gil.policy)}, {"wall_s", r.wall_s},
                        {"cpu_s", r.cpu_s}, {"io_latency_p50_us", p50 < 0 ? nlohmann::json(nullptr) : nlohmann::json(p50)},
                        {"failed", r.failed}});
      });
      if (failure) return *failure;
    }
  }
  // Speedups against each workload's serial row.
  for (auto& row : rows)
    for (auto& base_row : rows)
      if (base_row["workload"] == row["workload"] && base_row["mode"] == "serial")
        row["speedup"] = base_row["wall_s"].get<double>() / row["wall_s"].get<double>();
  if (base.json) {
    std::printf("%s\n", nlohmann::json{{"runs", rows}}.dump(2).c_str());
    return 0;
  }
  if (csv) {
    std::printf("workload,mode,workers,gil_policy,wall_s,cpu_s,speedup,io_latency_p50_us\n");
    for (auto& r : rows)
      std::printf("%s,%s,%d,%s,%.6f,%.6f,%.4f,%s\n", r["workload"].get<std::string>().c_str(),
                  r["mode"].get<std::string>().c_str(), r["workers"].get<int>(),
                  r["gil_policy"].get<std::string>().c_str(), r["wall_s"].get<double>(), r["cpu_s"].get<double>(),
                  r["speedup"].get<double>(),
                  r["io_latency_p50_us"].is_null() ? "" : std::to_string(r["io_latency_p50_us"].get<double>()).c_str());
    return 0;
  }
  std::printf("%-10s %-9s %8s %9s %9s %12s\n", "workload", "mode", "workers", "wall s", "speedup", "I/O p50 ms");
  double widest = 1;
  for (auto& r : rows) widest = std::max(widest, r["speedup"].get<double>());
  int bar_width = std::max(10, gil::terminal_width(100) - 60);
  for (auto& r : rows) {
    double speedup = r["speedup"].get<double>();
    std::string latency = r["io_latency_p50_us"].is_null() ? "-" : fmt_ms(r["io_latency_p50_us"].get<double>());
    int bar = static_cast<int>(speedup / widest * bar_width + 0.5);
    std::printf("%-10s %-9s %8d %9.3f %8.2fx %12s  %s\n", r["workload"].get<std::string>().c_str(),
                r["mode"].get<std::string>().c_str(), r["workers"].get<int>(), r["wall_s"].get<double>(), speedup,
                latency.c_str(), std::string(static_cast<size_t>(bar), '#').c_str());
  }
  std::printf("\nspeedup = serial wall time / wall time for the same total work (bars to scale)\n");
  return 0;
}

// No arguments: the classroom demo, CPU-bound then I/O-bound threads.
int classroom_demo(const MainOptions& base) {
  std::printf("The GIL in two runs. Each runs a fixed amount of work serially, then split over threads.\n\n");
  nlohmann::json runs = nlohmann::json::array();
  for (const char* workload : {"cpu", "io"}) {
    MainOptions o = base;
    o.workload = workload;
    o.workers = std::string(workload) == "cpu" ? "4" : "8";
    gil::RunSpec spec;
    std::string error = make_spec(o, spec);
    if (!error.empty()) return usage_error(error);
    std::optional<int> failure = failure_of([&] {
      gil::Comparison c = compare(spec, true);
      if (base.json)
        runs.push_back(gil::to_json(c));
      else
        std::printf("== %s-bound ==\n%s\n", workload, gil::format_summary(c).c_str());
    });
    if (failure) return *failure;
  }
  if (base.json) std::printf("%s\n", nlohmann::json{{"runs", runs}}.dump(2).c_str());
  return 0;
}

// MiniPy allocates many small objects, and on a virtual machine each first
// touch of a 4 KiB page is an expensive fault. glibc backs its heap with
// transparent huge pages when the tunable glibc.malloc.hugetlb=1 is set, but
// tunables are read only at process start, so gil-demo re-executes itself
// once with it set (GIL_DEMO_NO_THP=1 skips this). On word counting this cut
// page faults from about 8,900 to about 500.
void reexec_with_huge_pages(char** argv) {
  if (std::getenv("GIL_DEMO_NO_THP")) return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;
  std::string value = tunables ? std::string(tunables) + ":glibc.malloc.hugetlb=1" : "glibc.malloc.hugetlb=1";
  setenv("GLIBC_TUNABLES", value.c_str(), 1);
  execv("/proc/self/exe", argv);
  // exec failed: carry on with the default heap.
}

// Keeps freed memory in the process instead of returning it to the kernel at
// once: MiniPy's lists and dicts grow by doubling, and with glibc's defaults
// every large growth step is a fresh mmap whose pages all fault in again.
// One arena for every thread: glibc gives threads arenas of their own (up to
// eight per core), each a heap that the huge-page tunable above backs with
// 2 MiB pages, so every thread that allocated faulted in a huge page of its
// own, while holding the GIL. Only the GIL holder allocates, so threads
// would hardly ever contend for per-thread arenas anyway; CPython's obmalloc
// is likewise one heap under the GIL.
void tune_allocator() {
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  reexec_with_huge_pages(argv);
  tune_allocator();
  // Hidden roles: the processes a run starts, not commands for people.
  if (argc >= 2 && std::strcmp(argv[1], "__worker") == 0)
    return gil::run_worker(std::vector<std::string>(argv + 2, argv + argc));
  if (argc >= 2 && std::strcmp(argv[1], "__mp_child") == 0)
    return gil::run_mp_child(std::vector<std::string>(argv + 2, argv + argc));
  CLI::App app{"gil-demo: a laboratory that makes Python's GIL visible and measurable"};
  app.footer(kExamples);
  app.require_subcommand(0, 1);

  MainOptions o;
  app.add_option("--mode", o.mode, "serial, threads or processes")->capture_default_str();
  app.add_option("--workload", o.workload, "cpu, io, mixed, or a FILE.py defining work(worker, units)")
      ->capture_default_str();
  app.add_option("--workers", o.workers, "Number of workers (1 to 100000)")->capture_default_str();
  app.add_option_function<std::string>("--size", [&](const std::string& v) { o.size = v; },
                                       "Total units of work (default: the workload's DEFAULT_SIZE)");
  app.add_option("--gil", o.policy, "GIL policy: cpython, legacy or fair")->capture_default_str();
  app.add_option("--switch-interval", o.switch_interval_ms, "GIL switch interval in milliseconds (0.001 to 60000)")
      ->capture_default_str();
  app.add_option("--check-interval", o.check_interval,
                 "Ticks (instructions as Python 2 counted them) between releases (legacy policy)")
      ->capture_default_str();
  app.add_flag("--no-baseline", o.no_baseline, "Skip the serial baseline run");
  app.add_flag("--json", o.json, "Print the results as one JSON object");
  app.add_flag("--no-gil-stats", o.no_gil_stats, "Do not time GIL waits, holds and I/O latencies (counts remain)");
  app.add_flag("--timeline", o.timeline, "After the run, draw which worker held the GIL when, in the terminal");
  app.add_option("--trace", o.trace_file, "Write the run as Chrome Trace Event JSON (open in ui.perfetto.dev)");
  app.add_option("--retry", o.retries, "Processes: run a task lost with its worker again, up to N times (off unless given; --retry alone means 1)")
      ->expected(0, 1)
      ->default_str("1");
  app.add_flag("--live", o.live, "Draw progress and a timeline of every worker while the run goes on (on stderr)");
  app.add_option_function<std::string>("--timeout", [&](const std::string& v) { o.timeout_s = v; },
                                       "Processes: kill every worker and fail after SECONDS (0.001 to 1000000)");

  CLI::App* run = app.add_subcommand("run", "Run a MiniPy program; arguments after FILE land in sys.argv[1:]");
  run->prefix_command();
  RunOptions run_options;
  run->add_option("--gil", run_options.policy, "GIL policy: cpython, legacy or fair")->capture_default_str();
  run->add_option("--switch-interval", run_options.switch_interval_ms,
                  "GIL switch interval in milliseconds (0.001 to 60000); sys.setswitchinterval changes it")
      ->capture_default_str();
  run->add_option("--check-interval", run_options.check_interval, "Ticks between releases (legacy policy)")
      ->capture_default_str();
  run->add_flag("--timeline", run_options.lenses.timeline, "At exit, draw which thread held the GIL when (on stderr)");
  run->add_option("--trace", run_options.lenses.trace_file, "Write the run as Chrome Trace Event JSON (ui.perfetto.dev)");
  run->add_flag("--live", run_options.lenses.live, "Draw every thread's activity while the program runs (on stderr)");
  run->add_option("--stats", run_options.lenses.stats_file,
                  "At exit, write the GIL statistics, per thread and in total, as JSON (the main command's shape)");
  run->add_flag("--summary", run_options.lenses.summary, "At exit, print the GIL summary on stderr");
  run->footer("Usage: gil-demo run [OPTIONS] FILE.py [ARGS...]\n"
              "Options go before FILE; everything after it is the program's sys.argv[1:].\n"
              "The program's output stays on stdout; summaries and timelines go to stderr.");

  std::vector<std::string> compare_workloads;
  bool compare_csv = false;
  CLI::App* compare_app = app.add_subcommand("compare", "Run every mode on cpu, io and mixed; print one table");
  compare_app->add_option("--workload", compare_workloads, "Workloads to compare (repeatable; default cpu io mixed)");
  compare_app->add_option("--workers", o.workers, "Number of workers")->capture_default_str();
  compare_app->add_option("--gil", o.policy, "GIL policy: cpython, legacy or fair");
  compare_app->add_option("--switch-interval", o.switch_interval_ms, "GIL switch interval in milliseconds");
  compare_app->add_option_function<std::string>("--size", [&](const std::string& v) { o.size = v; },
                                               "Total units of work per run");
  compare_app->add_flag("--json", o.json, "Print the results as JSON");
  compare_app->add_flag("--csv", compare_csv, "Print the results as CSV");

  std::string dis_file;
  CLI::App* dis = app.add_subcommand("dis", "Print a program's bytecode, function by function, with line numbers");
  dis->add_option("file", dis_file, "The MiniPy source file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }
  if (*run) return run_command(run->remaining(), run_options);
  if (*dis) return dis_command(dis_file);
  if (*compare_app) return compare_command(o, compare_workloads, compare_csv);
  bool any_option = false;
  for (const CLI::Option* opt : app.get_options())
    if (opt->count() > 0 && opt->get_name() != "--json") any_option = true;
  return any_option ? main_command(o) : classroom_demo(o);
}
