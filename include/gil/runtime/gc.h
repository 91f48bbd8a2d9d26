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

// Every container of one runtime, and its trashcan. Guarded by the GIL.
struct ObjectRegistry {
  ObjectRegistry() noexcept { head.gc_prev = head.gc_next = &head; }
  // Detaches the containers still alive (they outlive their runtime).
  ~ObjectRegistry();
  ObjectRegistry(const ObjectRegistry&) = delete;
  ObjectRegistry& operator=(const ObjectRegistry&) = delete;

  // Adds a new container at the end.
  void link(GcObj* o) noexcept {
    o->registry = this;
    GcLink* last = head.gc_prev;
    o->gc_prev = last;
    o->gc_next = &head;
    last->gc_next = o;
    head.gc_prev = o;
    ++count;
  }
  // Removes [o], which is in this registry.
  void unlink(GcObj* o) noexcept {
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->registry = nullptr;
    --count;
  }
  // Calls [f](GcObj*) for every registered container, oldest first; [f] must
  // not link or unlink any.
  template <typename F>
  void for_each(F&& f) const {
    for (GcLink* l = head.gc_next; l != &head; l = l->gc_next) f(static_cast<GcObj*>(l));
  }
  // The finalisation step (see above): clears every registered container
  // with its type's tp_clear, holding a reference to each meanwhile, then
  // drops those references, then frees the immortal ones (they live as long
  // as their runtime). [types] resolve objects whose type is null.
  void clear_all(const struct BuiltinTypes& types);

  // Sentinel of the circular list: head.gc_next is the oldest container.
  GcLink head;
  // Containers in the list.
  size_t count = 0;

  // ---- The trashcan ----
  // Containers being freed, one inside the other, right now.
  int delete_nesting = 0;
  // Containers whose free was deferred, chained through gc_next.
  GcObj* delete_later = nullptr;
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
