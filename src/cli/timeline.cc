#include "gil/cli/timeline.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fmt/format.h>

namespace gil {
namespace {

constexpr int kStates = 5;
constexpr std::array<char, kStates> kGlyph = {'-', '#', '~', ' ', '.'};  // by ThreadActivity
constexpr std::array<const char*, kStates> kColour = {"\033[31m", "\033[32m", "\033[34m", "", "\033[33m"};
constexpr std::array<const char*, kStates> kName = {"waiting for the GIL", "running (holds the GIL)", "I/O (GIL released)",
                                                    "done", "starting (spawn, start-up, loading)"};
constexpr const char* kReset = "\033[0m";
constexpr int kLabelWidth = 10;

double seconds(std::chrono::nanoseconds ns) { return std::chrono::duration<double>(ns).count(); }

// A span of one activity: [start, end).
struct Span {
  double start, end;
  ThreadActivity activity;
  int handed_over_from;
};

// The worker's activity as spans covering [0, wall]. Before its first change
// a worker counts as waiting (a thread that has not started: a workload's
// workers all start at once) or as starting (a worker process); a program's
// thread (named) did not exist yet, so it is blank, as after Done.
std::vector<Span> spans_of(const WorkerReport& w, double wall, Mode mode) {
  std::vector<Span> spans;
  double at = 0;
  ThreadActivity current = !w.name.empty()            ? ThreadActivity::Done
                           : mode == Mode::Processes ? ThreadActivity::Starting
                                                     : ThreadActivity::Waiting;
  int from = -1;
  for (auto& change : w.activity) {
    double t = std::clamp(seconds(change.at), 0.0, wall);
    if (t > at) spans.push_back({at, t, current, from});
    at = std::max(at, t);
    current = change.activity;
    from = change.handed_over_from;
  }
  if (wall > at) spans.push_back({at, wall, current, from});
  return spans;
}

// Time spent in each activity during [from, to).
std::array<double, kStates> time_in(const std::vector<Span>& spans, double from, double to) {
  std::array<double, kStates> time{};
  for (auto& s : spans) {
    double overlap = std::min(s.end, to) - std::max(s.start, from);
    if (overlap > 0) time[static_cast<size_t>(s.activity)] += overlap;
  }
  return time;
}

// A row's label: a program thread's name, cut to fit, or "worker N".
std::string row_label(const WorkerReport& w) {
  if (w.name.empty()) return fmt::format("worker {}", w.worker);
  constexpr size_t width = kLabelWidth - 1;  // a space before the row
  return w.name.size() <= width ? w.name : w.name.substr(0, width - 1) + "~";
}

// The glyph grid: one row per worker. A column is wider than a switch
// interval, so several threads may hold the GIL within it; with [one_gil],
// the column shows as running only the thread that held it longest, so that,
// as in reality, at most one thread is drawn running at any time. The others
// show what they did most of the rest of the column. Worker processes each
// have a GIL of their own, so there every row shows what it did most.
std::vector<std::vector<ThreadActivity>> grid(const std::vector<std::vector<Span>>& rows, int columns, double bucket,
                                              bool one_gil) {
  std::vector<std::vector<ThreadActivity>> cells(rows.size(), std::vector<ThreadActivity>(static_cast<size_t>(columns)));
  for (int c = 0; c < columns; ++c) {
    std::vector<std::array<double, kStates>> times;
    size_t holder = rows.size();
    double longest = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      times.push_back(time_in(rows[r], c * bucket, (c + 1) * bucket));
      double running = times[r][static_cast<size_t>(ThreadActivity::Running)];
      if (one_gil && running > longest) longest = running, holder = r;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      auto t = times[r];
      if (one_gil && r != holder) t[static_cast<size_t>(ThreadActivity::Running)] = 0;
      if (one_gil && r != holder && t[0] + t[2] + t[3] + t[4] == 0) t[0] = 1;  // it ran, less than the holder: it waited
      cells[r][static_cast<size_t>(c)] = static_cast<ThreadActivity>(std::max_element(t.begin(), t.end()) - t.begin());
    }
  }
  return cells;
}

std::string axis(double wall, int columns) {
  std::string ticks(static_cast<size_t>(columns), '-');
  std::string labels(static_cast<size_t>(columns) + 12, ' ');
  int marks = std::max(1, std::min(5, columns / 14));
  for (int m = 0; m <= marks; ++m) {
    int col = std::min(columns - 1, m * (columns - 1) / marks);
    ticks[static_cast<size_t>(col)] = '+';
    double t = wall * m / marks;
    std::string label = wall < 1 ? fmt::format("{:.1f}ms", t * 1000) : fmt::format("{:.2f}s", t);
    size_t at = static_cast<size_t>(std::max(0, std::min(col, columns - static_cast<int>(label.size()))));
    labels.replace(at, label.size(), label);
  }
  while (!labels.empty() && labels.back() == ' ') labels.pop_back();
  return fmt::format("{:<{}}{}\n{:<{}}{}\n", "", kLabelWidth, ticks, "", kLabelWidth, labels);
}

}  // namespace

int terminal_width(int fallback, int fd) {
  winsize size{};
  if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    int c = std::atoi(columns);
    if (c > 0) return c;
  }
  return fallback;
}

std::string render_timeline(const RunReport& run, const TimelineStyle& style) {
  int columns = std::max(10, style.width - kLabelWidth - 1);
  double wall = std::max(run.wall_s, 1e-9);
  double bucket = wall / columns;
  bool program = !run.workers.empty() && !run.workers[0].name.empty();
  std::string what = program ? run.spec.workload_name : fmt::format("the {} run", mode_name(run.spec.mode));
  std::string out = fmt::format("Timeline of {} ({:.3f} s, one column = {:.1f} ms)\n", what, run.wall_s, bucket * 1000);
  std::vector<std::vector<Span>> rows;
  for (auto& w : run.workers) rows.push_back(spans_of(w, wall, run.spec.mode));
  bool processes = run.spec.mode == Mode::Processes;
  auto cells = grid(rows, columns, bucket, !processes);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string row = fmt::format("{:<{}}", row_label(run.workers[r]), kLabelWidth);
    ThreadActivity last = ThreadActivity::Done;
    for (ThreadActivity a : cells[r]) {
      if (style.colour && a != last) row += a == ThreadActivity::Done ? kReset : kColour[static_cast<size_t>(a)];
      row += kGlyph[static_cast<size_t>(a)];
      last = a;
    }
    if (style.colour) row += kReset;
    out += row + "\n";
  }
  out += axis(wall, columns);
  std::string legend = "legend: ";
  for (int s = 0; s < kStates; ++s) {
    if (s == static_cast<int>(ThreadActivity::Starting) && !processes) continue;
    std::string glyph = s == static_cast<int>(ThreadActivity::Done) ? "' '" : std::string(1, kGlyph[s]);
    if (style.colour && s != static_cast<int>(ThreadActivity::Done)) glyph = kColour[s] + glyph + kReset;
    legend += fmt::format("{}{} {}", s ? "   " : "", glyph, kName[s]);
  }
  if (processes) legend += "\n        (every worker process has a GIL of its own, so several run at once)";
  return out + legend + "\n";
}

nlohmann::json chrome_trace(const RunReport& run) {
  using nlohmann::json;
  json events = json::array();
  const int pid = 1;
  events.push_back({{"ph", "M"}, {"pid", pid}, {"name", "process_name"},
                    {"args", {{"name", fmt::format("gil-demo {} {} ({} policy)", mode_name(run.spec.mode),
                                                   run.spec.workload_name, gil_policy_name(run.spec.gil.policy))}}}});
  double wall = std::max(run.wall_s, 1e-9);
  // Every change of the number of waiting threads, for the counter track.
  std::vector<std::pair<double, int>> waiting_changes;
  int flow_id = 0;
  for (auto& w : run.workers) {
    int tid = w.worker + 1;
    std::string track = !w.name.empty() ? w.name
                        : w.pid      ? fmt::format("worker {} (process {})", w.worker, w.pid)
                                     : fmt::format("worker {}", w.worker);
    events.push_back({{"ph", "M"}, {"pid", pid}, {"tid", tid}, {"name", "thread_name"}, {"args", {{"name", track}}}});
    for (const Span& s : spans_of(w, wall, run.spec.mode)) {
      double ts = s.start * 1e6, dur = (s.end - s.start) * 1e6;
      if (s.activity == ThreadActivity::Waiting) {
        waiting_changes.push_back({s.start, +1});
        waiting_changes.push_back({s.end, -1});
      }
      if (s.activity != ThreadActivity::Done)
        events.push_back({{"ph", "X"}, {"pid", pid}, {"tid", tid}, {"name", kName[static_cast<size_t>(s.activity)]},
                          {"cat", "gil"}, {"ts", ts}, {"dur", dur}});
      if (s.activity == ThreadActivity::Running && s.handed_over_from >= 0) {
        // A flow arrow from the previous holder's track to this one.
        ++flow_id;
        events.push_back({{"ph", "s"}, {"pid", pid}, {"tid", s.handed_over_from + 1}, {"name", "GIL handoff"},
                          {"cat", "gil"}, {"id", flow_id}, {"ts", ts}});
        events.push_back({{"ph", "f"}, {"bp", "e"}, {"pid", pid}, {"tid", tid}, {"name", "GIL handoff"},
                          {"cat", "gil"}, {"id", flow_id}, {"ts", ts}});
      }
    }
  }
  std::sort(waiting_changes.begin(), waiting_changes.end());
  int waiting = 0;
  events.push_back({{"ph", "C"}, {"pid", pid}, {"name", "threads waiting for the GIL"}, {"ts", 0}, {"args", {{"waiting", 0}}}});
  for (auto& [t, delta] : waiting_changes) {
    waiting += delta;
    events.push_back({{"ph", "C"}, {"pid", pid}, {"name", "threads waiting for the GIL"}, {"ts", t * 1e6},
                      {"args", {{"waiting", waiting}}}});
  }
  return {{"traceEvents", events}, {"displayTimeUnit", "ms"},
          {"otherData", {{"workload", run.spec.workload_name}, {"wall_s", run.wall_s}}}};
}

}  // namespace gil
