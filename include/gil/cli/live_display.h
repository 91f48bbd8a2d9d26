// The `--live` view: while a run goes on, a thread redraws on stderr, every
// 50 ms, one line per worker: a progress bar, what the worker is doing now,
// and its timeline so far, one column per sample period, drawn as a bar as
// high as the share of the period the worker held its GIL (so four threads
// behind one GIL draw quarter-height bars, four processes full ones). A
// worker process the runner has seen stopped shows "stopped, silent N s"
// (since its last message) instead of what it was doing. When
// the run ends (or is interrupted) the last frame stays and the cursor comes
// back.
//
// On a terminal the frame is redrawn in place; elsewhere (a pipe, a log) it
// prints one short status line a second instead.
#pragma once

#include <array>
#include <atomic>
#include <mutex>
#include <cstdio>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gil/threads/live.h"

namespace gil {

struct LiveView {
  // What runs: "threads: cpu, 4 workers".
  std::string title;
  // Each worker's time at work (running or in I/O) in the serial baseline,
  // which turns time at work into a percentage; empty when unknown.
  std::vector<double> expected_s;
  bool colour = true;
  // Block characters for the bars; else ASCII " .:-=+*#".
  bool unicode = true;
  int width = 100;
  std::FILE* out = stderr;
};

class LiveDisplay {
 public:
  // Starts drawing [board], which must outlive the display.
  LiveDisplay(const LiveBoard& board, LiveView view);
  // Stops, as stop() does.
  ~LiveDisplay();
  LiveDisplay(const LiveDisplay&) = delete;
  LiveDisplay& operator=(const LiveDisplay&) = delete;

  // Draws the last frame, leaves it on screen and shows the cursor again.
  void stop();

  // One frame at [now_ns], as drawn on a terminal (without cursor moves).
  // Safe to call while the display runs.
  std::string frame(int64_t now_ns);

 private:
  void loop();
  void sample(int64_t now_ns);
  std::string row_label(int w) const;

  const LiveBoard& board_;
  LiveView view_;
  bool terminal_;
  int64_t start_ns_;
  // One sample period of one worker: what filled most of it, and the share
  // of it spent running (holding the GIL).
  struct Cell {
    ThreadActivity most;
    float running;
  };
  // Each worker's timeline so far. When a row would overflow, pairs of
  // samples merge and the period doubles, so the whole run always fits.
  std::vector<std::vector<Cell>> history_;  // guarded by history_mutex_
  std::vector<std::array<int64_t, kActivities>> last_times_;  // guarded by history_mutex_
  int64_t period_ns_ = 50'000'000;                           // guarded by history_mutex_
  int rows_seen_ = 0;                                         // guarded by history_mutex_
  std::mutex history_mutex_;
  // The glyph and colour that draw [cell].
  std::pair<std::string, const char*> draw(const Cell& cell) const;
  int64_t next_sample_ns_;
  int lines_drawn_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace gil
