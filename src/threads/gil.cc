#include "gil/threads/gil.h"

#include "gil/threads/live.h"

namespace gil {

using Clock = std::chrono::steady_clock;

std::string_view gil_policy_name(GilPolicy policy) {
  switch (policy) {
    case GilPolicy::CPython: return "cpython";
    case GilPolicy::Legacy: return "legacy";
    case GilPolicy::Fair: return "fair";
  }
  return "?";
}

bool parse_gil_policy(std::string_view name, GilPolicy& policy) {
  for (GilPolicy p : {GilPolicy::CPython, GilPolicy::Legacy, GilPolicy::Fair}) {
    if (gil_policy_name(p) == name) {
      policy = p;
      return true;
    }
  }
  return false;
}

void GilThreadStats::merge(const GilThreadStats& other) {
  acquisitions += other.acquisitions;
  drop_requests += other.drop_requests;
  forced_switches += other.forced_switches;
  voluntary_releases += other.voluntary_releases;
  wait += other.wait;
  hold += other.hold;
  io_latency.insert(io_latency.end(), other.io_latency.begin(), other.io_latency.end());
}

GilThread::GilThread(Gil& lock)
    : gil(lock), serial(lock.next_serial_.fetch_add(1)), legacy_ticks(lock.config().check_interval) {}

Gil::Gil(std::atomic<uint32_t>& eval_breaker, GilConfig config)
    : eval_breaker_(eval_breaker), config_(config), interval_us_(std::max<int64_t>(1, config.switch_interval.count())) {
  sem_init(&legacy_sem_, 0, 1);
}

Gil::~Gil() { sem_destroy(&legacy_sem_); }

void Gil::set_switch_interval(std::chrono::microseconds interval) {
  interval_us_.store(std::max<int64_t>(1, interval.count()));
}

uint64_t Gil::switch_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return switch_number_;
}

std::chrono::nanoseconds Gil::now() const { return Clock::now() - epoch_; }

void Gil::record(GilThread& ts, ThreadActivity activity, int handed_over_from) {
  if (ts.live) ts.live->change(activity, live_now_ns());
  if (!config_.record_activity) return;
  ts.activity.push_back({now(), activity, handed_over_from});
}

void Gil::set_drop_request(GilThread& ts) {
  eval_breaker_.fetch_or(kGilDropRequest);
  ++ts.gil_stats.drop_requests;
}

void Gil::clear_drop_request() { eval_breaker_.fetch_and(~kGilDropRequest); }

// ---- Taking ------------------------------------------------------------------

void Gil::become_holder(GilThread& ts) {
  locked_ = true;
  holder_.store(&ts);
  handed_over_from_ = -1;
  if (last_holder_.load() != ts.serial) {
    if (last_holder_.load()) handed_over_from_ = last_holder_trace_id_;
    last_holder_.store(ts.serial);
    last_holder_trace_id_ = ts.trace_id;
    ++switch_number_;
  }
  if (config_.policy != GilPolicy::Legacy) {
    // Wake a thread waiting to see that its forced switch happened.
    std::lock_guard<std::mutex> switch_lock(switch_mutex_);
    switch_cond_.notify_all();
  }
  if (eval_breaker_.load(std::memory_order_relaxed) & kGilDropRequest) clear_drop_request();
}

void Gil::take_cpython(GilThread& ts, std::unique_lock<std::mutex>& lock) {
  while (locked_) {
    uint64_t saved_switch = switch_number_;
    auto interval = std::chrono::microseconds(interval_us_.load());
    bool timed_out = cond_.wait_for(lock, interval) == std::cv_status::timeout;
    // Ask the holder to let go only if nobody else got the lock meanwhile.
    if (timed_out && locked_ && switch_number_ == saved_switch) set_drop_request(ts);
  }
  become_holder(ts);
}

void Gil::take_fair(GilThread& ts, std::unique_lock<std::mutex>& lock, bool from_io) {
  if (!locked_ && queue_.empty() && priority_queue_.empty()) {
    become_holder(ts);
    return;
  }
  Waiter me{&ts};
  (from_io ? priority_queue_ : queue_).push_back(&me);
  // A thread back from I/O asks for the lock at once: that is the fix for
  // the convoy effect. Others wait an interval first, as under cpython.
  if (from_io && locked_) set_drop_request(ts);
  while (!me.granted) {
    uint64_t saved_switch = switch_number_;
    auto interval = std::chrono::microseconds(interval_us_.load());
    bool timed_out = cond_.wait_for(lock, interval) == std::cv_status::timeout;
    if (timed_out && !me.granted && switch_number_ == saved_switch) set_drop_request(ts);
  }
  become_holder(ts);
}

void Gil::take(GilThread& ts, std::unique_lock<std::mutex>& lock, bool from_io) {
  switch (config_.policy) {
    case GilPolicy::CPython: take_cpython(ts, lock); break;
    case GilPolicy::Legacy: become_holder(ts); break;  // acquire_as took the semaphore
    case GilPolicy::Fair: take_fair(ts, lock, from_io); break;
  }
}

void Gil::acquire_as(GilThread& ts, bool from_io, bool legacy_sem_taken) {
  Clock::time_point start;
  if (config_.collect_stats) start = Clock::now();
  record(ts, ThreadActivity::Waiting);
  int handed_over_from;
  if (config_.policy == GilPolicy::Legacy && !legacy_sem_taken) {
    // Python 2: PyThread_acquire_lock(lock, 1), a plain sem_wait: no
    // timeout, no drop request. Waiting under mutex_ would block the holder.
    legacy_waiters_.fetch_add(1, std::memory_order_relaxed);
    while (sem_wait(&legacy_sem_) != 0) {
    }  // only EINTR
    legacy_waiters_.fetch_sub(1, std::memory_order_relaxed);
  }
  {
    std::unique_lock<std::mutex> lock(mutex_);
    take(ts, lock, from_io);
    handed_over_from = handed_over_from_;
  }
  record(ts, ThreadActivity::Running, handed_over_from);
  ts.holds_gil = true;
  ++ts.gil_stats.acquisitions;
  if (config_.collect_stats) {
    ts.gil_acquired_at = Clock::now();
    ts.gil_stats.wait += ts.gil_acquired_at - start;
  }
}

void Gil::acquire(GilThread& ts) { acquire_as(ts, false); }

// ---- Dropping ----------------------------------------------------------------

void Gil::drop(GilThread& ts, bool on_request) {
  if (config_.collect_stats) ts.gil_stats.hold += Clock::now() - ts.gil_acquired_at;
  ts.holds_gil = false;
  if (config_.policy == GilPolicy::Legacy) {
    // PyThread_release_lock: sem_post, which wakes one sleeping waiter.
    holder_.store(nullptr);
    sem_post(&legacy_sem_);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    holder_.store(nullptr);
    if (config_.policy == GilPolicy::Fair) {
      auto& q = !priority_queue_.empty() ? priority_queue_ : queue_;
      if (!q.empty()) {
        // Hand over: the lock stays taken and passes to the head waiter.
        q.front()->granted = true;
        q.pop_front();
        cond_.notify_all();
        return;
      }
    }
    locked_ = false;
    cond_.notify_all();
  }
  // Only a drop that answers a pending request waits: with nobody asking,
  // there may be nobody to hand over to.
  bool forced = on_request && config_.policy == GilPolicy::CPython &&
                (eval_breaker_.load() & kGilDropRequest);
  if (!forced) return;
  // Forced switching: do not come back until another thread took the lock.
  std::unique_lock<std::mutex> switch_lock(switch_mutex_);
  if (last_holder_.load() == ts.serial) {
    ++ts.gil_stats.forced_switches;
    switch_cond_.wait(switch_lock, [&] { return last_holder_.load() != ts.serial; });
  }
}

void Gil::release(GilThread& ts) { drop(ts, false); }

void Gil::yield_on_request(GilThread& ts) {
  // Recorded before the lock goes, so that a recorded running span always
  // ends before the next holder's begins.
  record(ts, ThreadActivity::Waiting);
  drop(ts, true);
  acquire_as(ts, false);
}

void Gil::legacy_tick(GilThread& ts) {
  // The hold ends at the sem_post. Reading the clock there at every tick
  // would cost the serial run; only with a waiter can the hold end for
  // good, so only then is the moment worth reading.
  Clock::time_point released_at{};
  if (config_.collect_stats && legacy_waiters_.load(std::memory_order_relaxed) > 0) released_at = Clock::now();
  holder_.store(nullptr);
  sem_post(&legacy_sem_);
  // Python 2 asks for the lock back at once. sem_wait's first step is this
  // same atomic decrement; it fails only if a woken waiter got there first,
  // which on several cores it rarely does.
  bool won = sem_trywait(&legacy_sem_) == 0;
  if (won && last_holder_.load() == ts.serial) {
    // Nobody else held it: the hold goes on without a trace of the gap.
    holder_.store(&ts);
    ++ts.gil_stats.acquisitions;
    return;
  }
  // Lost the race (or this thread was preempted long enough for another to
  // take and release the lock): the hold ended at the sem_post.
  if (config_.collect_stats) {
    if (released_at == Clock::time_point{}) released_at = Clock::now();
    ts.gil_stats.hold += released_at - ts.gil_acquired_at;
  }
  ts.holds_gil = false;
  record(ts, ThreadActivity::Waiting);
  acquire_as(ts, false, won);
}

// ---- Around blocking calls ---------------------------------------------------

ReleaseGil::ReleaseGil(GilThread& ts) : ts_(ts), active_(ts.holds_gil) {
  if (!active_) return;
  ++ts_.gil_stats.voluntary_releases;
  ts_.gil.record(ts_, ThreadActivity::InIo);
  ts_.gil.release(ts_);
}

ReleaseGil::~ReleaseGil() {
  if (!active_) return;
  Gil& gil = ts_.gil;
  Clock::time_point io_done;
  if (gil.config().collect_stats) io_done = Clock::now();
  gil.acquire_as(ts_, true);
  if (gil.config().collect_stats) ts_.gil_stats.io_latency.push_back(ts_.gil_acquired_at - io_done);
}

}  // namespace gil
