// The cycle collector (collector.h), after CPython 3.11's gc_collect_main.
#include "gil/runtime/collector.h"

#include <chrono>
#include <cstdio>

#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/object.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/type.h"

namespace gil {

namespace {

// ---- Finding the unreachable set ---------------------------------------------------

// A count no subtraction brings to zero, for immortal containers.
constexpr int64_t kRefsCap = int64_t{1} << 30;

// Step 1: gc_refs = the reference count, and the mark of the collection.
void update_refs(ObjectRegistry& r, GcList list) {
  r.for_each_in(list, [](GcObj* o) {
    o->gc_refs = static_cast<int32_t>(o->refcount < kRefsCap ? o->refcount : kRefsCap);
    o->gc_flags |= kGcCollecting;
  });
}

void visit_decref(const Value& v, void*) {
  Obj* o = v.as_obj();
  if (o->is_container && (o->gc_flags & kGcCollecting)) --o->gc_refs;
}

// Step 2: what remains counts the references from outside [list].
void subtract_refs(ObjectRegistry& r, const BuiltinTypes& types, GcList list) {
  r.for_each_in(list, [&](GcObj* o) { gc_traverse(types, o, visit_decref, nullptr); });
}

struct ReachWalk {
  ObjectRegistry& r;
  GcList reachable;
};

// A container referred to by a reachable one is reachable: one already set
// aside comes back to the end of the list (the walk reaches it again and
// traverses it); one not walked yet gets a count, so the walk traverses it.
void visit_reachable(const Value& v, void* arg) {
  Obj* o = v.as_obj();
  if (!o->is_container || !(o->gc_flags & kGcCollecting)) return;
  auto* g = static_cast<GcObj*>(o);
  auto* walk = static_cast<ReachWalk*>(arg);
  if (g->gc_flags & kGcTentativelyUnreachable) {
    g->gc_flags &= static_cast<uint8_t>(~kGcTentativelyUnreachable);
    walk->r.move(g, walk->reachable);
    g->gc_refs = 1;
  } else if (g->gc_refs == 0) {
    g->gc_refs = 1;
  }
}

// Step 3: leaves the reachable containers of [list] in it, unmarked, and
// moves the unreachable ones, still marked kGcCollecting, to [unreachable].
// A negative count (a traverse visiting a reference it does not own) is
// taken as reachable: keeping an object is safe, freeing a live one is not.
void move_unreachable(ObjectRegistry& r, const BuiltinTypes& types, GcList list, GcList unreachable) {
  ReachWalk walk{r, list};
  GcLink* head = &r.lists[list].head;
  GcLink* l = head->gc_next;
  while (l != head) {
    auto* o = static_cast<GcObj*>(l);
    if (o->gc_refs != 0) {
      gc_traverse(types, o, visit_reachable, &walk);
      l = l->gc_next;
    } else {
      GcLink* next = l->gc_next;
      r.move(o, unreachable);
      o->gc_flags |= kGcTentativelyUnreachable;
      l = next;
    }
  }
  r.for_each_in(list, [](GcObj* o) { o->gc_flags &= static_cast<uint8_t>(~kGcCollecting); });
  r.for_each_in(unreachable, [](GcObj* o) { o->gc_flags &= static_cast<uint8_t>(~kGcTentativelyUnreachable); });
}

void deduce_unreachable(ObjectRegistry& r, const BuiltinTypes& types, GcList list, GcList unreachable) {
  update_refs(r, list);
  subtract_refs(r, types, list);
  move_unreachable(r, types, list, unreachable);
}

// ---- Finalizers, resurrection, clearing ------------------------------------------

GcObj* first(ObjectRegistry& r, GcList list) { return static_cast<GcObj*>(r.lists[list].head.gc_next); }

// Step 5: each unreachable object's __del__, once. Each object moves aside
// before its finalizer runs, since the finalizer may free others. Returns
// whether any ran: without Python code running, nothing can have been
// resurrected.
bool finalize_garbage(ThreadState& ts, ObjectRegistry& r) {
  bool ran = false;
  while (r.lists[kGcUnreachableList].size) {
    GcObj* o = first(r, kGcUnreachableList);
    r.move(o, kGcFinalizingList);
    if (o->type && o->type->tp_finalize && !(o->gc_flags & kGcFinalized)) {
      o->gc_flags |= kGcFinalized;
      ran = true;
      Value self = Value::borrow(o);
      o->type->tp_finalize(ts, self);
    }
  }
  r.merge(kGcFinalizingList, kGcUnreachableList);
  return ran;
}

// After the finalizers: what they made reachable again goes to [old]; the
// rest stays in kGcUnreachableList.
void handle_resurrected(ObjectRegistry& r, const BuiltinTypes& types, GcList old) {
  deduce_unreachable(r, types, kGcUnreachableList, kGcFinalizingList);
  r.merge(kGcUnreachableList, old);
  r.merge(kGcFinalizingList, kGcUnreachableList);
}

// Step 6: tp_clear each one, holding a reference meanwhile; one that
// survives its clear (something outside the set still refers to it after
// all) moves to [old].
void delete_garbage(ThreadState& ts, ObjectRegistry& r, GcList old, bool save_all) {
  while (r.lists[kGcUnreachableList].size) {
    GcObj* o = first(r, kGcUnreachableList);
    if (save_all) {
      auto* garbage = as<ObjList>(gc_garbage(ts));
      garbage->items.push_back(Value::borrow(o));
    } else {
      Value hold = Value::borrow(o);
      gc_clear(ts.rt.types, o);
    }
    if (r.lists[kGcUnreachableList].head.gc_next == o) {
      o->gc_flags &= static_cast<uint8_t>(~kGcCollecting);
      r.move(o, old);
    }
  }
}

// ---- One collection -----------------------------------------------------------

void print_generation_sizes(ObjectRegistry& r) {
  std::fflush(stdout);
  std::fprintf(stderr, "gc: objects in each generation: %zu %zu %zu\n", r.lists[kGen0].size, r.lists[kGen1].size,
               r.lists[kGen2].size);
  std::fprintf(stderr, "gc: objects in permanent generation: %zu\n", r.lists[kPermanent].size);
}

// CPython's gc_collect_main. Returns the unreachable objects found.
int64_t collect_main(ThreadState& ts, int generation) {
  Runtime& rt = ts.rt;
  ObjectRegistry& r = rt.objects;
  CollectorState& st = rt.collector;
  auto started = std::chrono::steady_clock::now();
  if (st.debug & kGcDebugStats) {
    std::fflush(stdout);
    std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
    print_generation_sizes(r);
  }
  if (generation + 1 < kGenerations) r.lists[generation + 1].count += 1;
  for (int i = 0; i <= generation; ++i) r.lists[i].count = 0;
  auto young = static_cast<GcList>(generation);
  for (int i = 0; i < generation; ++i) r.merge(static_cast<GcList>(i), young);
  GcList old = generation + 1 < kGenerations ? static_cast<GcList>(generation + 1) : young;

  deduce_unreachable(r, rt.types, young, kGcUnreachableList);
  if (young != old) {
    if (generation == kGenerations - 2) r.long_lived_pending += r.lists[young].size;
    r.merge(young, old);
  } else {
    r.long_lived_pending = 0;
    r.long_lived_total = r.lists[young].size;
  }
  if (finalize_garbage(ts, r)) handle_resurrected(r, rt.types, old);
  auto found = static_cast<int64_t>(r.lists[kGcUnreachableList].size);
  delete_garbage(ts, r, old, (st.debug & kGcDebugSaveAll) != 0);

  if (st.debug & kGcDebugStats) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                 static_cast<long long>(found), seconds);
  }
  GcGenerationStats& s = st.stats[generation];
  ++s.collections;
  s.collected += found;
  return found;
}

// Calls each of gc.callbacks with [phase] and the info dict; an exception
// in one is reported as unraisable.
void invoke_callbacks(ThreadState& ts, const char* phase, int generation, int64_t collected) {
  CollectorState& st = ts.rt.collector;
  if (st.callbacks.is_empty() || as<ObjList>(st.callbacks)->items.empty()) return;
  Value info = make<ObjDict>(ts);
  auto* d = as<ObjDict>(info);
  dict_set(ts, d, make_str("generation"), Value::integer(generation));
  dict_set(ts, d, make_str("collected"), Value::integer(collected));
  dict_set(ts, d, make_str("uncollectable"), Value::integer(0));
  Value callbacks = st.callbacks;
  for (size_t i = 0; i < as<ObjList>(callbacks)->items.size(); ++i) {
    Value cb = as<ObjList>(callbacks)->items[i];
    Value args[2] = {make_str(phase), info};
    try {
      call(ts, cb, args, 2);
    } catch (PyException& pe) {
      std::string where;
      try {
        where = repr(ts, cb);
      } catch (PyException&) {
        where = "gc callback";
      }
      print_unraisable(ts, pe.exception, where);
    }
  }
}

int64_t collect_with_callbacks(ThreadState& ts, int generation) {
  ObjectRegistry& r = ts.rt.objects;
  r.collecting = true;
  int64_t found = 0;
  try {
    invoke_callbacks(ts, "start", generation, 0);
    found = collect_main(ts, generation);
    invoke_callbacks(ts, "stop", generation, found);
  } catch (...) {
    r.collecting = false;
    throw;
  }
  r.collecting = false;
  return found;
}

}  // namespace

int64_t gc_collect(ThreadState& ts, int generation) {
  if (ts.rt.objects.collecting) return 0;
  return collect_with_callbacks(ts, generation);
}

void gc_collect_scheduled(ThreadState& ts) {
  ObjectRegistry& r = ts.rt.objects;
  r.collection_requested = false;
  if (!r.enabled || r.collecting) return;
  for (int i = kGenerations - 1; i >= 0; --i) {
    if (r.lists[i].count <= r.lists[i].threshold) continue;
    // A full collection only once enough objects await one (bpo-4074).
    if (i == kGenerations - 1 && r.long_lived_pending < r.long_lived_total / 4) continue;
    collect_with_callbacks(ts, i);
    break;
  }
}

void gc_collect_at_exit(ThreadState& ts) {
  ObjectRegistry& r = ts.rt.objects;
  if (r.collecting) return;
  r.collecting = true;
  try {
    collect_main(ts, kGenerations - 1);
  } catch (...) {
    r.collecting = false;
    throw;
  }
  r.collecting = false;
}

const Value& gc_garbage(ThreadState& ts) {
  Value& v = ts.rt.collector.garbage;
  if (v.is_empty()) v = make_list(ts);
  return v;
}

const Value& gc_callbacks(ThreadState& ts) {
  Value& v = ts.rt.collector.callbacks;
  if (v.is_empty()) v = make_list(ts);
  return v;
}

}  // namespace gil
