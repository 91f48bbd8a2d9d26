// MiniPy's `queue` module for threads: Queue, LifoQueue, PriorityQueue and
// SimpleQueue, as CPython 3.11's queue.py behaves.
//
// A queue's items are Values, so they are touched only under the GIL, and
// also under the queue's own [op] mutex (CPython's queue.mutex), because a
// PriorityQueue compares items with `<`, which may run Python code and let
// another thread take the GIL halfway through a sift. [op] is taken without
// blocking while holding the GIL, or else after releasing it, so the holder
// of [op] can always get the GIL back. Waiters (get on an empty queue, put on
// a full one, join) wait with the GIL released on a condition variable that
// guards copies of the item count and the unfinished-task count, updated
// after every change.
#pragma once

#include "gil/runtime/runtime.h"

namespace gil {

// Adds the queue classes to [module] (the `queue` module, made by the ipc
// layer, which owns its Empty and Full exceptions: the classes raise the
// module's own).
void add_thread_queues(ThreadState& ts, ObjModule* module);

}  // namespace gil
