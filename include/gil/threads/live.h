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

// One LiveWorker per worker of a run.
class LiveBoard {
 public:
  explicit LiveBoard(int workers) : workers_(std::make_unique<LiveWorker[]>(static_cast<size_t>(workers))), count_(workers) {}
  int size() const { return count_; }
  LiveWorker& operator[](int i) { return workers_[static_cast<size_t>(i)]; }
  const LiveWorker& operator[](int i) const { return workers_[static_cast<size_t>(i)]; }

 private:
  std::unique_ptr<LiveWorker[]> workers_;
  int count_;
};

// Steady-clock nanoseconds now, the time base of LiveWorker.
int64_t live_now_ns();

}  // namespace gil
