// The cycle collector, as CPython 3.11's Modules/gcmodule.c.
//
// Reference counting frees an object when its last reference goes; a cycle
// (a list that contains itself, two instances pointing at each other)
// keeps its own counts above zero forever. The collector finds such
// cycles among the containers of the registry (gc.h):
//
// 1. update_refs: every container of the generations being collected (the
//    "young" list) gets gc_refs = its reference count.
// 2. subtract_refs: tp_traverse visits every reference each of them holds;
//    each one to another container of the young list lowers that one's
//    gc_refs. What remains is the number of references from outside the
//    young list (from older generations, the value stacks, C++ locals).
// 3. move_unreachable: a container with gc_refs > 0 is reachable, and so is
//    everything it reaches, transitively; the rest is unreachable. One walk
//    of the list does it, moving the containers not yet known reachable
//    aside and back again when a reachable one turns out to refer to them.
// 4. Survivors move to the next older generation.
// 5. PEP 442: each unreachable object's __del__ runs once (kGcFinalized).
//    A finalizer may resurrect objects (store a reference somewhere
//    reachable), so steps 1-3 run again over the unreachable set; what is
//    reachable now survives, into the older generation.
// 6. tp_clear on each object still unreachable (holding a reference to it
//    meanwhile) breaks the cycles; reference counting frees the rest.
//
// Scheduling: three generations, with thresholds 700/10/10. Generation 0's
// count is allocations minus frees of containers; passing its threshold
// sets the eval breaker's kGcScheduled bit, and the eval loop collects at
// its next safe point (a backward jump or a function entry), as CPython
// 3.12 does, never inside an allocation. The thread that collects holds the
// GIL, so every other thread is stopped for the whole collection. The
// oldest generation whose count passed its threshold is collected with the
// younger ones; a full collection waits until the containers pending
// (survivors of generation-1 collections) exceed a quarter of those that
// survived the last full one (CPython's long_lived rule, bpo-4074).
//
// What a collection counts as "unreachable" (gc.collect()'s result) is
// CPython's: the objects left unreachable after the finalizers ran.
#pragma once

#include <cstdint>

#include "gil/runtime/gc.h"
#include "gil/runtime/value.h"

namespace gil {

struct ThreadState;

// The gc module's DEBUG_* flags.
enum GcDebugFlag : int {
  kGcDebugStats = 1,
  kGcDebugCollectable = 2,
  kGcDebugUncollectable = 4,
  kGcDebugSaveAll = 32,
  kGcDebugLeak = kGcDebugCollectable | kGcDebugUncollectable | kGcDebugSaveAll,
};

// gc.get_stats()'s entry for one generation.
struct GcGenerationStats {
  int64_t collections = 0;
  int64_t collected = 0;
  int64_t uncollectable = 0;
};

// The collector's state that Python sees (the lists live in the registry).
// Guarded by the GIL.
struct CollectorState {
  // gc.set_debug()'s flags.
  int debug = 0;
  GcGenerationStats stats[kGenerations];
  // gc.garbage and gc.callbacks: lists made on first use, or Empty.
  Value garbage;
  Value callbacks;
};

// gc.collect(generation): collects [generation] and the younger ones,
// calling gc.callbacks before and after. Returns the number of unreachable
// objects found, or 0 when a collection is already running.
int64_t gc_collect(ThreadState& ts, int generation);
// What the eval breaker's kGcScheduled bit runs: the collection that
// generation counts and thresholds call for, if any.
void gc_collect_scheduled(ThreadState& ts);
// A full collection without callbacks, for the end of a program (CPython's
// _PyGC_CollectNoFail during finalisation).
void gc_collect_at_exit(ThreadState& ts);
// gc.garbage and gc.callbacks, made on first use.
const Value& gc_garbage(ThreadState& ts);
const Value& gc_callbacks(ThreadState& ts);

}  // namespace gil
