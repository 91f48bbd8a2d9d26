// What every worker is doing right now, for `--live`: a LiveBoard holds one
// LiveWorker per worker; the worker's thread (through Gil::record) or, in
// processes mode, the parent's event loop (from the worker's progress
// messages) writes it, and the display thread reads it while the run goes on.
//
// Thread safety: each LiveWorker has one writer; any thread may read. All
// fields are atomics read with relaxed order: a display may see a change a
// moment late, never a torn value.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gil/threads/gil.h"

namespace gil {

// The number of ThreadActivity values.
inline constexpr int kActivities = 5;

class LiveWorker {
 public:
  // Records that the worker changed to [activity] at [now_ns] (steady-clock
  // nanoseconds). Only the worker's writer calls it.
  void change(ThreadActivity activity, int64_t now_ns);
  // Replaces everything at once: a snapshot from a worker process.
  void store(ThreadActivity activity, int64_t since_ns, const std::array<int64_t, kActivities>& totals);

  ThreadActivity activity() const { return static_cast<ThreadActivity>(activity_.load(std::memory_order_relaxed)); }
  int64_t since_ns() const { return since_ns_.load(std::memory_order_relaxed); }
  // Nanoseconds spent in [activity] up to [now_ns], the current span included.
  int64_t time_in(ThreadActivity activity, int64_t now_ns) const;
  // The finished spans' totals, by activity.
  std::array<int64_t, kActivities> totals() const;

  // Processes mode: the time (steady-clock ns) of the last message from a
  // worker whose process is stopped, so that the view can say how long it
  // has been silent; 0 while it is not stopped. Written by the parent's
  // event loop, the worker's one writer there.
  void set_silent_since(int64_t ns) { silent_since_ns_.store(ns, std::memory_order_relaxed); }
  int64_t silent_since_ns() const { return silent_since_ns_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint8_t> activity_{static_cast<uint8_t>(ThreadActivity::Starting)};
  // When the current activity began; 0 before the first change.
  std::atomic<int64_t> since_ns_{0};
  std::array<std::atomic<int64_t>, kActivities> total_ns_{};
  std::atomic<int64_t> silent_since_ns_{0};
};

// One LiveWorker per worker of a run. A board for a workload has all its
// rows from the start; a board for a program (`gil-demo run --live`) gets a
// row for each thread as it starts, up to its capacity, named after the
// thread.
//
// Thread safety: add_row has one caller at a time (the thread holding the
// GIL that starts a thread); it names the row before publishing it, so a
// reader that sees rows() == n may read name(i) for every i < n.
class LiveBoard {
 public:
  // [capacity] rows, of which the first [rows_in_use] are shown at once
  // (all of them by default).
  explicit LiveBoard(int capacity, int rows_in_use = -1)
      : workers_(std::make_unique<LiveWorker[]>(static_cast<size_t>(capacity))),
        names_(static_cast<size_t>(capacity)),
        count_(capacity),
        rows_(rows_in_use < 0 ? capacity : rows_in_use) {}
  // The rows there is room for.
  int size() const { return count_; }
  // The rows in use: those shown.
  int rows() const { return rows_.load(std::memory_order_acquire); }
  // Puts the next row in use under [name]; returns it, or null when the
  // board is full.
  LiveWorker* add_row(std::string name);
  // A row's name; empty for a workload's worker.
  const std::string& name(int i) const { return names_[static_cast<size_t>(i)]; }
  LiveWorker& operator[](int i) { return workers_[static_cast<size_t>(i)]; }
  const LiveWorker& operator[](int i) const { return workers_[static_cast<size_t>(i)]; }

 private:
  std::unique_ptr<LiveWorker[]> workers_;
  std::vector<std::string> names_;
  int count_;
  std::atomic<int> rows_;
};

// Steady-clock nanoseconds now, the time base of LiveWorker.
int64_t live_now_ns();

}  // namespace gil
