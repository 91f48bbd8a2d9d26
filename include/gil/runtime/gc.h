// The registry of container objects, and the trashcan.
//
// A container is an object that can hold references: list, tuple, dict,
// dict views, iterators, functions, bound methods, cells, exceptions,
// instances, slices, modules, the descriptors and the opaque objects of later
// layers. Objects that hold no reference a program could turn into a cycle
// (str, bytes, range, code, built-in functions, types) are not containers
// and carry no link.
//
// Invariants (guarded by the GIL of the runtime that owns the registry):
//
// - Every live container made by make<>() (runtime.h, the one allocation
//   entry point) is in exactly one registry, its runtime's
//   Runtime::objects, from the moment make<>() returns until its last
//   reference is dropped; [registry] points at that registry. The registry
//   is an intrusive circular doubly-linked list through the GcObj's own
//   gc_prev/gc_next (CPython's PyGC_Head list), with a sentinel and a count,
//   so linking and unlinking are a few stores and take no lock.
// - A container whose [registry] is null is in no registry: not yet linked,
//   waiting in the trashcan, or detached because it outlived its runtime.
// - Every type's tp_traverse visits every Value the container holds and
//   tp_clear drops them (type.h). When a Runtime is destroyed, after its
//   globals and modules are gone, every container still registered is
//   garbage (a cycle) or a leak: each is cleared with tp_clear while the
//   registry holds a reference to it, then released, so cycles are freed;
//   whatever is still alive after that is detached from the registry.
// - Freeing never recurses deeper than kTrashcanDepth containers: deeper
//   containers are put in the registry's trashcan and freed one after the
//   other when the outermost free returns (CPython's trashcan), so dropping
//   a chain of a million nested lists does not overflow the C++ stack.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "gil/runtime/refcount.h"

namespace gil {

struct GcObj;
class Value;

// The links of a container in its registry (CPython's PyGC_Head). The
// registry's sentinel is a bare GcLink; every other link is a GcObj.
struct GcLink {
  GcLink* gc_prev = nullptr;
  GcLink* gc_next = nullptr;
};

// The base of every container object.
struct GcObj : Obj, GcLink {
  explicit GcObj(ObjKind k, ObjType* t = nullptr) noexcept : Obj(k, t) { is_container = true; }
  ~GcObj() override;
  // The registry the object is linked into, or null (see above).
  struct ObjectRegistry* registry = nullptr;
};

// The lists a container can be on (GcObj::gc_list). The three generations
// and the permanent one (gc.freeze()) are CPython's; the last two hold the
// unreachable set of a collection in progress and the part of it whose
// finalizers have run.
enum GcList : uint8_t { kGen0, kGen1, kGen2, kPermanent, kGcUnreachableList, kGcFinalizingList, kGcListCount };
inline constexpr int kGenerations = 3;

// Bits of Obj::gc_flags.
enum GcFlag : uint8_t {
  // The object's __del__ has run (PEP 442): it never runs again.
  kGcFinalized = 1u << 0,
  // The object is in the generations being collected right now.
  kGcCollecting = 1u << 1,
  // The collection tentatively found it unreachable (move_unreachable).
  kGcTentativelyUnreachable = 1u << 2,
};

// One list of containers, with its length; for a generation, also its
// threshold and count (CPython's struct gc_generation).
struct GcGeneration {
  GcGeneration() noexcept { head.gc_prev = head.gc_next = &head; }
  GcLink head;
  size_t size = 0;
  // Generation 0: containers allocated minus containers freed since its
  // last collection; older ones: collections of the next younger one since
  // their own last collection. A collection is due when count > threshold.
  int count = 0;
  int threshold = 0;
};

// Every container of one runtime, in its generations, and its trashcan.
// Guarded by the GIL.
//
// The cycle collector (collector.h) works on these lists. Its invariants:
// - every registered container is on exactly one list, and each list's
//   size is its length (gc_list names the list, so unlinking keeps sizes
//   right wherever the container is);
// - outside a collection, only the generations and the permanent list are
//   non-empty, and no container has kGcCollecting set;
// - a collection is requested (the eval breaker's kGcScheduled bit) when
//   generation 0's count passes its threshold while collection is enabled;
//   it runs at the eval loop's next safe point, never inside an allocation.
struct ObjectRegistry {
  ObjectRegistry() noexcept;
  // Detaches the containers still alive (they outlive their runtime).
  ~ObjectRegistry();
  ObjectRegistry(const ObjectRegistry&) = delete;
  ObjectRegistry& operator=(const ObjectRegistry&) = delete;

  // Adds a new container to generation 0; counts the allocation, and asks
  // for a collection when the count passes the threshold.
  void link(GcObj* o) noexcept {
    o->registry = this;
    push(o, kGen0);
    ++count;
    if (++lists[kGen0].count > lists[kGen0].threshold) [[unlikely]]
      request_collection();
  }
  // Removes [o], which is in this registry; counts the free in generation
  // 0 as CPython's PyObject_GC_Del does.
  void unlink(GcObj* o) noexcept {
    take(o);
    o->registry = nullptr;
    --count;
    if (lists[kGen0].count > 0) --lists[kGen0].count;
  }
  // Moves [o], which is on one of this registry's lists, to the end of
  // list [to].
  void move(GcObj* o, GcList to) noexcept {
    take(o);
    push(o, to);
  }
  // Appends every container of list [from] to list [to] (gc_list_merge).
  void merge(GcList from, GcList to) noexcept;
  // Calls [f](GcObj*) for every registered container, oldest generation
  // first; [f] must not link or unlink any.
  template <typename F>
  void for_each(F&& f) const {
    for (int i = kGcListCount - 1; i >= 0; --i) for_each_in(static_cast<GcList>(i), f);
  }
  // The same for list [which], oldest first.
  template <typename F>
  void for_each_in(GcList which, F&& f) const {
    const GcLink& h = lists[which].head;
    for (GcLink* l = h.gc_next; l != &h; l = l->gc_next) f(static_cast<GcObj*>(l));
  }
  // The finalisation step (see above): clears every registered container
  // with its type's tp_clear, holding a reference to each meanwhile, then
  // drops those references, then frees the immortal ones (they live as long
  // as their runtime). [types] resolve objects whose type is null.
  void clear_all(const struct BuiltinTypes& types);

  // Sets the eval breaker's kGcScheduled bit, when collection is enabled,
  // generation 0 has a threshold and no collection is running or asked for.
  void request_collection() noexcept;

  // The generations, the permanent list and a collection's working lists.
  GcGeneration lists[kGcListCount];
  // Containers registered, on every list.
  size_t count = 0;
  // CPython's long_lived_total: containers that survived the last full
  // collection; long_lived_pending: containers that have survived a
  // generation-1 collection since. A full collection waits until pending
  // exceeds a quarter of total.
  size_t long_lived_total = 0;
  size_t long_lived_pending = 0;
  // gc.enable() / gc.disable(): automatic collection only.
  bool enabled = true;
  // A collection is running (no other starts meanwhile).
  bool collecting = false;
  // A collection has been asked of the eval loop and not yet run.
  bool collection_requested = false;
  // The word whose kGcScheduled bit asks for a collection (the runtime's
  // eval breaker); null in a registry without a runtime.
  std::atomic<uint32_t>* eval_breaker = nullptr;
  // The runtime that owns this registry (for finalizers run by a free).
  struct Runtime* runtime = nullptr;

  // ---- The trashcan ----
  // Containers being freed, one inside the other, right now.
  int delete_nesting = 0;
  // Containers whose free was deferred, chained through gc_next.
  GcObj* delete_later = nullptr;

 private:
  void push(GcObj* o, GcList to) noexcept {
    GcGeneration& g = lists[to];
    o->gc_list = to;
    GcLink* last = g.head.gc_prev;
    o->gc_prev = last;
    o->gc_next = &g.head;
    last->gc_next = o;
    g.head.gc_prev = o;
    ++g.size;
  }
  void take(GcObj* o) noexcept {
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    --lists[o->gc_list].size;
  }
};

// Containers freed one inside the other before the rest are deferred
// (CPython's _PyTrash_UNWIND_LEVEL).
inline constexpr int kTrashcanDepth = 50;

// Called for each reference a container holds (tp_traverse, type.h).
using VisitFn = void (*)(const Value& referent, void* arg);

struct BuiltinTypes;
struct Runtime;

// Visits every object [o] holds, through its type's tp_traverse; [types] are
// its runtime's built-in types (for objects whose type field is null).
void gc_traverse(const BuiltinTypes& types, Obj* o, VisitFn visit, void* arg);
// Drops the references [o] holds, through its type's tp_clear.
void gc_clear(const BuiltinTypes& types, Obj* o);

// The tp_traverse and tp_clear of ObjOpaque's own field (the instance dict
// of a Python subclass): the opaque types of later layers call them from
// theirs.
void opaque_traverse(Obj* self, VisitFn visit, void* arg);
void opaque_clear(Obj* self);

// Fills tp_traverse and tp_clear of the types whose files do not (object,
// type and the descriptors), then gives every other built-in type made so
// far its base's (types.cc calls it once they all exist).
void install_gc_slots(Runtime& rt);

// For the types' tp_traverse and tp_clear (each in its type's file).
// Visits [v] when it is an object.
void visit_one(const Value& v, VisitFn visit, void* arg);
// Visits each object among [items].
template <typename Items>
void visit_all(const Items& items, VisitFn visit, void* arg) {
  for (const auto& v : items) visit_one(v, visit, arg);
}
// Clears [v] after moving it out, so that whatever its release frees sees
// the container already without it.
void clear_one(Value& v);
// Empties [items] the same way.
template <typename Items>
void clear_all(Items& items) {
  Items dropped;
  dropped.swap(items);
}

}  // namespace gil
