// MiniPy's `threading` module: Thread, Lock, RLock, Event, Condition, and
// the bookkeeping that lets the main thread wait for the others at exit.
//
// Each Thread runs on its own std::thread with its own ThreadState, and takes
// the runtime's GIL before it runs any bytecode. Every blocking call here
// (join, acquire, wait) releases the GIL around the wait (ReleaseGil), so a
// thread blocked on a lock never stops the others.
#pragma once

#include "gil/runtime/runtime.h"
#include "gil/threads/gil.h"

namespace gil {

// The threading module as a runtime extension: `import threading`, joining
// the non-daemon threads at exit and every thread before the runtime goes.
RuntimeExtension threading_extension();

// Makes `import threading` available on [rt].
void install_threading(Runtime& rt);

// Called by the main thread when the program's top level has finished: waits
// (with the GIL released) for every non-daemon thread, as CPython's
// threading._shutdown does. Returns the number of daemon threads still
// running, which the caller must not outlive the runtime with.
int threading_shutdown(ThreadState& ts);

// Waits for every thread [rt] started, daemons included, without the GIL.
// The Runtime's destructor calls it first, so that no thread outlives the
// objects it uses.
void join_all_threads(Runtime& rt);

// What the GIL recorded of one thread: its statistics and, when recording
// is on, every change of its activity.
struct ThreadRecord {
  // Thread.name when the thread finished.
  std::string name;
  // Its trace number (RuntimeConfig::main_thread_trace_id), or -1.
  int trace_id = -1;
  GilThreadStats stats;
  std::vector<ActivityChange> activity;
};

// The GIL statistics of every thread that has finished, plus [ts]'s own,
// merged; and the per-thread records, main thread first, then the others in
// finishing order. Threads still running (daemons) are not in it. [ts] must
// hold the GIL.
struct ThreadStatsReport {
  GilThreadStats total;
  std::vector<ThreadRecord> per_thread;
};
ThreadStatsReport collect_thread_stats(ThreadState& ts);

}  // namespace gil
