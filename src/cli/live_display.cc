#include "gil/cli/live_display.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fmt/format.h>

namespace gil {
namespace {

constexpr int64_t kRedrawNs = 50'000'000;  // 20 frames a second
constexpr int kLabelWidth = 9;
constexpr int kBarWidth = 20;
constexpr const char* kHideCursor = "\033[?25l";
constexpr const char* kShowCursor = "\033[?25h";
constexpr char kGlyph[kActivities] = {'-', '#', '~', ' ', '.'};
constexpr const char* kColour[kActivities] = {"\033[31m", "\033[32m", "\033[34m", "", "\033[33m"};
constexpr const char* kState[kActivities] = {"waiting", "running", "in I/O", "done", "starting"};

// A Ctrl-C while the cursor is hidden must not leave the terminal without
// one: the handler shows it, then lets the signal do what it did before.
struct sigaction previous_sigint;

extern "C" void restore_cursor_and_die(int signal) {
  static const char text[] = "\033[?25h\n";
  ssize_t ignored = write(STDERR_FILENO, text, sizeof text - 1);
  (void)ignored;
  sigaction(SIGINT, &previous_sigint, nullptr);
  raise(signal);
}

std::string seconds_text(double s) { return s < 10 ? fmt::format("{:.2f} s", s) : fmt::format("{:.1f} s", s); }

// "stopped, silent 3.2 s" for a worker process seen stopped (it holds the
// run, and nothing else on the screen would say why); "" otherwise.
std::string silence(const LiveWorker& worker, int64_t now_ns) {
  int64_t since = worker.silent_since_ns();
  if (since == 0 || worker.activity() == ThreadActivity::Done) return "";
  return "stopped, silent " + seconds_text(static_cast<double>(std::max<int64_t>(0, now_ns - since)) / 1e9);
}

}  // namespace

LiveDisplay::LiveDisplay(const LiveBoard& board, LiveView view)
    : board_(board),
      view_(std::move(view)),
      terminal_(isatty(fileno(view_.out))),
      start_ns_(live_now_ns()),
      history_(static_cast<size_t>(board.size())),
      last_times_(static_cast<size_t>(board.size())),
      next_sample_ns_(start_ns_ + period_ns_) {
  if (terminal_) {
    std::fputs(kHideCursor, view_.out);
    struct sigaction action {};
    action.sa_handler = restore_cursor_and_die;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_sigint);
  }
  thread_ = std::thread([this] { loop(); });
}

LiveDisplay::~LiveDisplay() { stop(); }

void LiveDisplay::stop() {
  if (!thread_.joinable()) return;
  stop_ = true;
  thread_.join();
  int64_t now = live_now_ns();
  sample(now);
  if (terminal_) {
    std::string text = frame(now);
    if (lines_drawn_) text = fmt::format("\033[{}F", lines_drawn_) + text;
    std::fputs(text.c_str(), view_.out);
    std::fputs(kShowCursor, view_.out);
    sigaction(SIGINT, &previous_sigint, nullptr);
  }
  std::fflush(view_.out);
}

void LiveDisplay::sample(int64_t now_ns) {
  std::lock_guard<std::mutex> lock(history_mutex_);
  int columns = std::max(10, view_.width - kLabelWidth - kBarWidth - 20);
  int rows = board_.rows();
  // A row that came into use since the last sample (a program's thread just
  // started) begins blank up to now, so that its columns line up.
  for (int w = std::max(rows_seen_, 1); w < rows; ++w)
    history_[static_cast<size_t>(w)].assign(history_[0].size(), Cell{ThreadActivity::Done, 0.f});
  rows_seen_ = rows;
  for (int w = 0; w < rows; ++w) {
    auto& row = history_[static_cast<size_t>(w)];
    auto& last = last_times_[static_cast<size_t>(w)];
    // What filled most of the period since the last sample, and how much of
    // it the worker ran.
    int best = static_cast<int>(board_[w].activity());
    int64_t most = 0, total = 0, running = 0;
    for (int a = 0; a < kActivities; ++a) {
      int64_t t = board_[w].time_in(static_cast<ThreadActivity>(a), now_ns);
      int64_t spent = t - last[a];
      if (spent > most) most = spent, best = a;
      if (a == static_cast<int>(ThreadActivity::Running)) running = spent;
      total += spent;
      last[a] = t;
    }
    float share = total > 0 ? static_cast<float>(running) / static_cast<float>(total) : 0.f;
    row.push_back({static_cast<ThreadActivity>(best), share});
  }
  if (!history_.empty() && static_cast<int>(history_[0].size()) >= columns) {
    for (auto& row : history_) {
      std::vector<Cell> merged;
      for (size_t i = 0; i < row.size(); i += 2) {
        Cell c = row[i];
        if (i + 1 < row.size()) c.running = (c.running + row[i + 1].running) / 2;
        merged.push_back(c);
      }
      row = std::move(merged);
    }
    period_ns_ *= 2;
  }
}

// A row's label: the thread's name, cut to fit, or "worker N".
std::string LiveDisplay::row_label(int w) const {
  const std::string& name = board_.name(w);
  if (name.empty()) return fmt::format("worker {}", w);
  constexpr size_t width = kLabelWidth - 1;  // a space before the bar
  return name.size() <= width ? name : name.substr(0, width - 1) + "~";
}

std::string LiveDisplay::frame(int64_t now_ns) {
  std::lock_guard<std::mutex> lock(history_mutex_);
  double elapsed = static_cast<double>(now_ns - start_ns_) / 1e9;
  std::string title = fmt::format("live: {}   {}", view_.title, seconds_text(elapsed));
  title.resize(std::min(title.size(), static_cast<size_t>(std::max(10, view_.width - 1))));
  std::string out = "\033[2K" + title + "\n";
  for (int w = 0, rows = board_.rows(); w < rows; ++w) {
    const LiveWorker& worker = board_[w];
    auto activity = worker.activity();
    double at_work = static_cast<double>(worker.time_in(ThreadActivity::Running, now_ns) +
                                         worker.time_in(ThreadActivity::InIo, now_ns)) / 1e9;
    std::string bar, share;
    size_t index = static_cast<size_t>(w);
    if (activity == ThreadActivity::Done) {
      bar = std::string(kBarWidth, '=');
      share = "100%";
    } else if (index < view_.expected_s.size() && view_.expected_s[index] > 0) {
      double done = std::min(0.99, at_work / view_.expected_s[index]);
      int filled = static_cast<int>(done * kBarWidth);
      bar = std::string(static_cast<size_t>(filled), '=') + std::string(static_cast<size_t>(kBarWidth - filled), ' ');
      share = fmt::format("{:3.0f}%", done * 100);
    } else {
      bar = fmt::format("{:^{}}", seconds_text(at_work) + " at work", kBarWidth);
      share = "   ";
    }
    size_t a = static_cast<size_t>(activity);
    std::string state = view_.colour ? fmt::format("{}{:<8}\033[0m", kColour[a], kState[a]) : fmt::format("{:<8}", kState[a]);
    if (std::string silent = silence(worker, now_ns); !silent.empty())
      state = view_.colour ? fmt::format("{}{}\033[0m", kColour[static_cast<size_t>(ThreadActivity::Waiting)], silent)
                           : silent;
    std::string timeline;
    const char* last = "";
    for (const Cell& cell : history_[index]) {
      auto [glyph, colour] = draw(cell);
      if (view_.colour && colour != last) timeline += colour;
      timeline += glyph;
      last = colour;
    }
    if (view_.colour) timeline += "\033[0m";
    out += fmt::format("\033[2K{:<{}}[{}] {} {} {}\n", row_label(w), kLabelWidth, bar, share, state, timeline);
  }
  std::string legend = fmt::format("  bar height: time holding the GIL (red: waiting)  ~ I/O  . starting  col {:.0f} ms",
                                   static_cast<double>(period_ns_) / 1e6);
  // A line longer than the terminal would wrap and throw off the redraw.
  legend.resize(std::min(legend.size(), static_cast<size_t>(std::max(10, view_.width - 1))));
  out += "\033[2K" + legend + "\n";
  return out;
}

std::pair<std::string, const char*> LiveDisplay::draw(const Cell& cell) const {
  static const char* const kBlocks[] = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"};
  static const char kAscii[] = "_.:-=+*#";
  switch (cell.most) {
    case ThreadActivity::Done: return {" ", "\033[0m"};
    case ThreadActivity::Starting: return {".", kColour[static_cast<size_t>(ThreadActivity::Starting)]};
    case ThreadActivity::InIo:
      if (cell.running < 0.5f) return {"~", kColour[static_cast<size_t>(ThreadActivity::InIo)]};
      break;
    default: break;
  }
  int level = std::clamp(static_cast<int>(cell.running * 8), 0, 7);
  const char* colour = cell.running >= 0.5f ? kColour[static_cast<size_t>(ThreadActivity::Running)]
                       : cell.running >= 0.2f ? "\033[33m"
                                              : kColour[static_cast<size_t>(ThreadActivity::Waiting)];
  return {view_.unicode ? std::string(kBlocks[level]) : std::string(1, kAscii[level]), colour};
}

void LiveDisplay::loop() {
  int64_t next_plain = start_ns_ + 1'000'000'000;
  while (!stop_) {
    std::this_thread::sleep_for(std::chrono::nanoseconds(kRedrawNs));
    int64_t now = live_now_ns();
    while (now >= next_sample_ns_) {
      sample(next_sample_ns_);
      next_sample_ns_ += period_ns_;
    }
    if (terminal_) {
      std::string text = frame(now);
      int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
      if (lines_drawn_) text = fmt::format("\033[{}F", lines_drawn_) + text;
      lines_drawn_ = lines;
      std::fputs(text.c_str(), view_.out);
      std::fflush(view_.out);
    } else if (now >= next_plain) {
      // Not a terminal: one plain status line a second.
      std::string line = fmt::format("live {}:", seconds_text(static_cast<double>(now - start_ns_) / 1e9));
      for (int w = 0, rows = board_.rows(); w < rows; ++w) {
        std::string silent = silence(board_[w], now);
        line += fmt::format(" {} {}", board_.name(w).empty() ? fmt::format("w{}", w) : board_.name(w), silent.empty() ? kState[static_cast<size_t>(board_[w].activity())] : silent);
      }
      std::fprintf(view_.out, "%s\n", line.c_str());
      std::fflush(view_.out);
      next_plain = now + 1'000'000'000;
    }
  }
}

}  // namespace gil
