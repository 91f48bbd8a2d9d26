// The global interpreter lock.
//
// How it works (after CPython's Python/ceval_gil.c)
// ------------------------------------------------
// The GIL is a boolean, `locked`, guarded by a mutex; changes to it are
// signalled on a condition variable. The mutex is held only for a few
// instructions at a time, so it is almost never contended: the thing threads
// queue for is the boolean, not the mutex.
//
// Only the holder runs bytecode. It gives the lock up in two ways:
//
// - Voluntarily, around anything that blocks (time.sleep, Thread.join,
//   Lock.acquire, simulated I/O): ReleaseGil below drops the lock before the
//   wait and takes it again after, as Py_BEGIN_ALLOW_THREADS does. A thread
//   that waits for I/O therefore never holds the lock.
//
// - On request. A thread that wants the lock waits on the condition variable
//   for at most one switch interval (5 ms by default, sys.setswitchinterval).
//   If the wait times out and no other thread took the lock in the meantime
//   (the switch counter did not move), it sets the drop request. The request
//   is a bit in the runtime's eval breaker, a word the eval loop tests at
//   every backward jump and function entry; the holder sees it within a few
//   instructions, drops the lock and immediately asks for it again.
//
// Forced switching: a thread that drops on request then waits until some
// other thread has actually taken the lock. Without that, the dropping thread
// (still running on its core) usually wins the race to re-take it, and the
// requester waits another interval - the "GIL battle" of Python 2.
//
// The convoy effect (bpo-7946) follows from this design: a thread that comes
// back from I/O must wait for the switch interval before it may even ask a
// CPU-bound holder to let go, so each I/O round trip costs about one
// interval. The policies make that visible:
//
// - cpython: the design above, as CPython 3.2 and later.
// - legacy:  Python 2. The holder releases and immediately re-takes the lock
//            every check interval (100 ticks by default: instructions,
//            except those Python 2's eval loop did not count),
//            with no handoff and no drop request. The lock is what Python 2
//            used on Linux (Python/thread_pthread.h with USE_SEMAPHORES): a
//            POSIX semaphore, released with sem_post and taken with sem_wait,
//            not the mutex and condition variable above. sem_post wakes a
//            sleeping waiter (a futex system call), but the releasing
//            thread's sem_wait succeeds at once with an atomic decrement, long
//            before the waiter has been scheduled on its core; the waiter
//            finds the count at zero and sleeps again. So on several cores
//            the holder nearly always wins, pays a wake-up system call every
//            interval, and the waiter burns the other core waking up for
//            nothing: CPU-bound threads run slower than serial.
// - fair:    a handoff lock. Waiters queue in FIFO order and a releasing
//            holder hands the lock straight to the head of the queue; a
//            thread coming back from I/O goes to a priority queue and sets
//            the drop request at once instead of after an interval. I/O
//            latency falls from about one interval to the time to the holder's
//            next eval-breaker check. The price: every release with a waiter
//            is a context switch (no barging), and CPU-bound threads lose the
//            lock at every I/O completion of another thread.
//
// Statistics: each thread counts its acquisitions, the time it waited for and
// held the lock, the drop requests it made, the forced switches it suffered,
// its voluntary releases, and the delay between the end of each blocking
// call and the moment it held the lock again. Each thread writes only its own
// counters, so collecting them takes no extra lock; GilConfig::collect_stats
// turns the clock reads off.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <semaphore.h>
#include <string>
#include <string_view>
#include <vector>

#include "gil/threads/thread_annotations.h"

namespace gil {

class Gil;
class LiveWorker;  // live.h

// Which locking discipline the GIL follows; see the essay above.
enum class GilPolicy { CPython, Legacy, Fair };

// The policy's name as the command line spells it ("cpython", ...).
std::string_view gil_policy_name(GilPolicy policy);
// Parses a policy name; false when [name] is not one.
bool parse_gil_policy(std::string_view name, GilPolicy& policy);

// What a thread is doing, as the timeline and the trace show it.
enum class ThreadActivity : uint8_t {
  Waiting,  // wants the GIL
  Running,  // holds the GIL and runs bytecode
  InIo,     // released the GIL around a blocking call
  Done,     // finished
  Starting, // a worker process being spawned, starting up and loading the
            // workload (processes mode only; before its first change)
};

// One change of activity. [at] counts from the Gil's creation.
struct ActivityChange {
  std::chrono::nanoseconds at;
  ThreadActivity activity;
  // For a change to Running: the thread that held the GIL before, when it
  // was another thread (a handoff), else -1.
  int handed_over_from = -1;
};

struct GilConfig {
  GilPolicy policy = GilPolicy::CPython;
  // How long a waiter lets the holder run before requesting a drop.
  std::chrono::microseconds switch_interval{5000};
  // Legacy policy: ticks between forced releases (Python 2's
  // sys.setcheckinterval). A tick is an instruction as Python 2 counted
  // them: the eval loop skips the cheapest ones (see python2_ticks in
  // vm.cc).
  int check_interval = 100;
  // Whether threads time their waits, holds and I/O latencies.
  bool collect_stats = true;
  // Whether threads record every change of activity (for --timeline and
  // --trace). Off by default: it costs a clock read and a vector append per
  // change.
  bool record_activity = false;
};

// One thread's GIL statistics. Written only by the thread itself while it
// runs; read by others only after it has finished (Thread.join orders that).
struct GilThreadStats {
  // Times the thread took the lock.
  uint64_t acquisitions = 0;
  // Drop requests this thread set while waiting.
  uint64_t drop_requests = 0;
  // Times this thread dropped the lock on request and waited for a successor.
  uint64_t forced_switches = 0;
  // Times this thread released the lock around a blocking call.
  uint64_t voluntary_releases = 0;
  // Total time spent waiting for, and holding, the lock.
  std::chrono::nanoseconds wait{0};
  std::chrono::nanoseconds hold{0};
  // For each blocking call: from its end to holding the lock again.
  std::vector<std::chrono::nanoseconds> io_latency;

  // Adds [other]'s counts and samples to these.
  void merge(const GilThreadStats& other);
};

// Bits of an interpreter's eval breaker word, which its eval loop tests at
// backward jumps and function entry. The GIL owns kGilDropRequest; the
// runtime owns the others.
enum EvalBreakerBit : uint32_t {
  kSignalPending = 1u << 0,
  kGilDropRequest = 1u << 1,
  // The runtime is being destroyed: threads other than the main one end.
  kFinalizing = 1u << 2,
  // An allocation passed the cycle collector's threshold: collect at the
  // next safe point (runtime/collector.h).
  kGcScheduled = 1u << 3,
};

// What the GIL keeps for each thread that takes it. The interpreter's
// GilThread derives from it, so the lock needs nothing else of the
// interpreter. Every field is written only by its own thread.
struct GilThread {
  explicit GilThread(Gil& lock);
  // The lock this thread takes: its interpreter's.
  Gil& gil;
  // This thread's number, unique among the threads of [gil] (from 1). The
  // lock tells threads apart by it, not by address: a new thread's record
  // may reuse the memory of one that has ended.
  const uint64_t serial;
  // Whether this thread holds [gil].
  bool holds_gil = false;
  // When it last took the lock (for the hold time).
  std::chrono::steady_clock::time_point gil_acquired_at;
  // This thread's statistics.
  GilThreadStats gil_stats;
  // Every change of this thread's activity, when GilConfig::record_activity
  // is on.
  std::vector<ActivityChange> activity;
  // The number the timeline and trace know this thread by (the worker).
  int trace_id = -1;
  // Legacy policy: instructions left before the next forced release.
  int legacy_ticks = 0;
  // Where --live reads what this thread is doing, or null.
  LiveWorker* live = nullptr;
};

class Gil {
 public:
  friend struct GilThread;
  // [eval_breaker] is the word whose kGilDropRequest bit asks the holder to
  // drop the lock; it must outlive the Gil.
  Gil(std::atomic<uint32_t>& eval_breaker, GilConfig config);
  ~Gil();
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;

  // Takes the lock for [ts], blocking as the policy says.
  void acquire(GilThread& ts) GIL_EXCLUDES(mutex_);
  // Releases the lock held by [ts].
  void release(GilThread& ts) GIL_EXCLUDES(mutex_);
  // The eval breaker saw a drop request: drop (with forced switching) and
  // take the lock again.
  void yield_on_request(GilThread& ts) GIL_EXCLUDES(mutex_);
  // Legacy policy: the check interval ran out: release and re-take at once,
  // as Python 2's eval loop did (PyThread_release_lock, then
  // PyThread_acquire_lock). No handoff: when [ts] wins the semaphore back
  // before any waiter, its hold simply goes on (one more acquisition is
  // counted, nothing else is recorded); when a waiter won, [ts] waits like
  // any other thread.
  void legacy_tick(GilThread& ts) GIL_EXCLUDES(mutex_);

  const GilConfig& config() const { return config_; }
  GilPolicy policy() const { return config_.policy; }
  // The switch interval, settable while threads run (sys.setswitchinterval).
  std::chrono::microseconds switch_interval() const { return std::chrono::microseconds(interval_us_.load()); }
  void set_switch_interval(std::chrono::microseconds interval);
  // Changes of holder so far.
  uint64_t switch_count() const;
  // The thread holding the lock, or null. For tests and assertions.
  const GilThread* holder() const { return holder_.load(); }
  // Records that [ts] now does [activity], when recording is on.
  void record(GilThread& ts, ThreadActivity activity, int handed_over_from = -1);
  // The time since the Gil was made, on the clock activity changes use.
  std::chrono::nanoseconds now() const;
  // The steady-clock instant now() counts from.
  std::chrono::steady_clock::time_point epoch() const { return epoch_; }

 private:
  friend class ReleaseGil;

  // The waiting half of acquire, with mutex_ held; [from_io] marks a thread
  // returning from a blocking call (the fair policy serves it first).
  void take(GilThread& ts, std::unique_lock<std::mutex>& lock, bool from_io) GIL_REQUIRES(mutex_);
  // The releasing half; [on_request] enables forced switching.
  void drop(GilThread& ts, bool on_request) GIL_EXCLUDES(mutex_);
  void take_cpython(GilThread& ts, std::unique_lock<std::mutex>& lock) GIL_REQUIRES(mutex_);
  void take_fair(GilThread& ts, std::unique_lock<std::mutex>& lock, bool from_io) GIL_REQUIRES(mutex_);
  void become_holder(GilThread& ts) GIL_REQUIRES(mutex_);
  void set_drop_request(GilThread& ts);
  void clear_drop_request();
  // [legacy_sem_taken]: the caller already holds legacy_sem_ and only the
  // bookkeeping is left.
  void acquire_as(GilThread& ts, bool from_io, bool legacy_sem_taken = false) GIL_EXCLUDES(mutex_);

  std::atomic<uint32_t>& eval_breaker_;
  const GilConfig config_;
  // The zero of the activity clock.
  const std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();
  // The switch interval in microseconds; atomic so sys.setswitchinterval can
  // change it while waiters read it.
  std::atomic<int64_t> interval_us_;

  // Guards locked_, switch_number_ and the fair policy's queues.
  mutable std::mutex mutex_;
  // Signalled whenever locked_ changes (and, for fair, on every handoff).
  std::condition_variable cond_;
  // Whether some thread holds the lock.
  bool locked_ GIL_GUARDED_BY(mutex_) = false;
  // Incremented every time the holder changes to a different thread.
  uint64_t switch_number_ GIL_GUARDED_BY(mutex_) = 0;
  // The trace id of the last holder, and, for the newest acquisition, the
  // trace id of the thread it took over from (-1 when it was not a handoff).
  int last_holder_trace_id_ GIL_GUARDED_BY(mutex_) = -1;
  int handed_over_from_ GIL_GUARDED_BY(mutex_) = -1;
  // Fair policy: waiters in arrival order, and those back from I/O, which
  // are served first. A handoff sets the waiter's entry to granted.
  struct Waiter {
    GilThread* ts;
    bool granted = false;
  };
  std::deque<Waiter*> queue_ GIL_GUARDED_BY(mutex_);
  std::deque<Waiter*> priority_queue_ GIL_GUARDED_BY(mutex_);

  // The serial of the thread that holds or last held the lock (0: none
  // yet); atomic because the forced-switch wait reads it under
  // switch_mutex_, not mutex_.
  std::atomic<uint64_t> last_holder_{0};
  // The serial the next GilThread of this lock gets.
  std::atomic<uint64_t> next_serial_{1};
  // The current holder (null when free), for assertions.
  std::atomic<const GilThread*> holder_{nullptr};
  // Legacy policy: the lock itself, a semaphore of count 1 when free and 0
  // when held (locked_ is not used). Waiters sleep in sem_wait.
  sem_t legacy_sem_;
  // Threads in sem_wait or about to be (a hint for the statistics only).
  std::atomic<int> legacy_waiters_{0};
  // Forced switching: a dropping thread waits on switch_cond_ until
  // last_holder_ is no longer its serial.
  std::mutex switch_mutex_;
  std::condition_variable switch_cond_;
};

// Releases the GIL for the lifetime of the guard, around a blocking call, as
// Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS do. The destructor takes the
// lock back and records how long that took (the I/O latency). Code inside
// the guard must not touch Python objects.
class ReleaseGil {
 public:
  explicit ReleaseGil(GilThread& ts);
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  GilThread& ts_;
  // Whether the constructor released the lock: a thread that does not hold
  // the GIL (a bare interpreter in a unit test) passes through unchanged.
  bool active_;
};

}  // namespace gil
