// The registry of containers, the trashcan, and the tp_traverse/tp_clear
// slots of the built-in types (gc.h).
#include "gil/runtime/gc.h"

#include <algorithm>
#include <vector>

#include "gil/runtime/chunk.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/type.h"

namespace gil {

// ---- Freeing ----------------------------------------------------------------------

GcObj::~GcObj() {
  if (registry) registry->unlink(this);
}

namespace {

// Frees the deferred containers one after the other; freeing one may defer
// more, which join the chain.
void empty_trashcan(ObjectRegistry* r) noexcept {
  while (GcObj* o = r->delete_later) {
    r->delete_later = static_cast<GcObj*>(o->gc_next);
    ++r->delete_nesting;
    delete o;
    --r->delete_nesting;
  }
}

// PEP 442's PyObject_CallFinalizerFromDealloc: runs [g]'s __del__ once,
// with the count raised so that references taken meanwhile cannot free it
// again. True when the finalizer resurrected it (a new reference survives).
// Only with a thread holding its runtime's GIL: a free during the runtime's
// destruction runs no Python code.
bool finalize_from_dealloc(ObjectRegistry* r, GcObj* g) noexcept {
  if (!r->runtime || !r->runtime->gil) return false;
  auto* holder = const_cast<GilThread*>(r->runtime->gil->holder());
  if (!holder) return false;
  auto& ts = *static_cast<ThreadState*>(holder);
  // A decref can come from anywhere in the eval loop, whose stack pointer
  // lives in a register between saves: the finalizer's frames must start
  // past all that the running frame may hold, its locals and its whole
  // operand stack, not at the last saved top.
  Frame* top = ts.frames.empty() ? nullptr : &ts.frames.back();
  Value* saved_sp = top ? top->sp : nullptr;
  if (top && top->code) top->sp = std::max(top->sp, top->locals + top->code->local_count() + top->code->max_stack);
  g->refcount = 1;
  g->gc_flags |= kGcFinalized;
  g->type->tp_finalize(ts, Value::borrow(g));
  if (top) top->sp = saved_sp;  // ts.frames is reserved once and never moves
  return --g->refcount != 0;
}

}  // namespace

void dealloc(Obj* o) noexcept {
  if (!o->is_container) {
    delete o;
    return;
  }
  auto* g = static_cast<GcObj*>(o);
  ObjectRegistry* r = g->registry;
  if (!r) {
    delete g;
    return;
  }
  if (g->type && g->type->tp_finalize && !(g->gc_flags & kGcFinalized)) [[unlikely]] {
    if (finalize_from_dealloc(r, g)) return;
  }
  if (r->delete_nesting >= kTrashcanDepth) [[unlikely]] {
    // Too deep: unlink it now and free it when the outermost free returns.
    r->unlink(g);
    g->gc_prev = nullptr;
    g->gc_next = r->delete_later;
    r->delete_later = g;
    return;
  }
  // Off the collector's lists before any member is released: a member's
  // __del__ may run Python code and a collection, which must not find this
  // half-destroyed container (CPython's PyObject_GC_UnTrack at the top of
  // every tp_dealloc).
  r->unlink(g);
  ++r->delete_nesting;
  delete g;
  if (--r->delete_nesting == 0 && r->delete_later) [[unlikely]]
    empty_trashcan(r);
}

// ---- The lists ----------------------------------------------------------------------

ObjectRegistry::ObjectRegistry() noexcept {
  // CPython's defaults (gc.get_threshold()).
  lists[kGen0].threshold = 700;
  lists[kGen1].threshold = 10;
  lists[kGen2].threshold = 10;
}

ObjectRegistry::~ObjectRegistry() {
  // What is still registered outlives its runtime: unlink it, so that its
  // eventual free touches nothing of this registry.
  for (GcGeneration& g : lists) {
    GcLink* l = g.head.gc_next;
    while (l != &g.head) {
      GcLink* next = l->gc_next;
      auto* o = static_cast<GcObj*>(l);
      o->registry = nullptr;
      o->gc_prev = o->gc_next = nullptr;
      l = next;
    }
    g.head.gc_prev = g.head.gc_next = &g.head;
    g.size = 0;
  }
  count = 0;
}

void ObjectRegistry::merge(GcList from, GcList to) noexcept {
  GcGeneration& f = lists[from];
  if (from == to || f.size == 0) return;
  for (GcLink* l = f.head.gc_next; l != &f.head; l = l->gc_next) static_cast<GcObj*>(l)->gc_list = to;
  GcGeneration& t = lists[to];
  GcLink* first = f.head.gc_next;
  GcLink* last = f.head.gc_prev;
  GcLink* tail = t.head.gc_prev;
  tail->gc_next = first;
  first->gc_prev = tail;
  last->gc_next = &t.head;
  t.head.gc_prev = last;
  t.size += f.size;
  f.head.gc_prev = f.head.gc_next = &f.head;
  f.size = 0;
}

void ObjectRegistry::request_collection() noexcept {
  if (!enabled || collecting || collection_requested || !eval_breaker || lists[kGen0].threshold == 0) return;
  collection_requested = true;
  eval_breaker->fetch_or(kGcScheduled);
}

// ---- Traversal ------------------------------------------------------------------------

namespace {

// The type whose slots apply to [o]: its own, or the built-in type of its
// kind.
const ObjType* gc_type(const BuiltinTypes& t, Obj* o) {
  if (o->type) return o->type;
  switch (o->kind) {
    case ObjKind::List: return t.list;
    case ObjKind::Tuple: return t.tuple;
    case ObjKind::Dict: return t.dict;
    case ObjKind::DictView: return t.dict_keys;
    case ObjKind::Iterator: return t.iterator;
    case ObjKind::Function: return t.function;
    case ObjKind::BoundMethod: return t.method;
    case ObjKind::Module: return t.module;
    case ObjKind::Cell: return t.cell;
    case ObjKind::Set: return t.set;
    case ObjKind::FrozenSet: return t.frozenset;
    case ObjKind::Type: return t.type;
    case ObjKind::Slice: return t.slice;
    default: return t.object;
  }
}

void staticmethod_traverse(Obj* self, VisitFn visit, void* arg) {
  visit_one(self->kind == ObjKind::StaticMethod ? static_cast<ObjStaticMethod*>(self)->fn
                                                 : static_cast<ObjClassMethod*>(self)->fn,
            visit, arg);
}
void staticmethod_clear(Obj* self) {
  clear_one(self->kind == ObjKind::StaticMethod ? static_cast<ObjStaticMethod*>(self)->fn
                                                 : static_cast<ObjClassMethod*>(self)->fn);
}

void property_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* p = static_cast<ObjProperty*>(self);
  for (const Value* v : {&p->fget, &p->fset, &p->fdel, &p->doc}) visit_one(*v, visit, arg);
}
void property_clear(Obj* self) {
  auto* p = static_cast<ObjProperty*>(self);
  for (Value* v : {&p->fget, &p->fset, &p->fdel, &p->doc}) clear_one(*v);
}

void super_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjSuper*>(self)->obj, visit, arg); }
void super_clear(Obj* self) { clear_one(static_cast<ObjSuper*>(self)->obj); }

void type_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjType*>(self)->dict, visit, arg); }
// A type's namespace is emptied, never dropped: lookups assume a dict.
void type_clear(Obj* self) {
  auto* t = static_cast<ObjType*>(self);
  if (is_dict(t->dict)) dict_clear(as<ObjDict>(t->dict));
}

// object: the objects whose type is object or a class deriving from it
// without another layout (instances, the later layers' opaque objects).
void object_traverse(Obj* self, VisitFn visit, void* arg) {
  switch (self->kind) {
    case ObjKind::Instance: visit_one(static_cast<ObjInstance*>(self)->dict, visit, arg); break;
    case ObjKind::Opaque: visit_one(static_cast<ObjOpaque*>(self)->dict, visit, arg); break;
    default: break;
  }
}
void object_clear(Obj* self) {
  switch (self->kind) {
    // An instance keeps an (empty) __dict__: attribute lookup assumes one.
    case ObjKind::Instance: {
      Value& d = static_cast<ObjInstance*>(self)->dict;
      if (is_dict(d)) dict_clear(as<ObjDict>(d));
      break;
    }
    case ObjKind::Opaque: clear_one(static_cast<ObjOpaque*>(self)->dict); break;
    default: break;
  }
}

}  // namespace

void visit_one(const Value& v, VisitFn visit, void* arg) {
  if (v.is_obj()) visit(v, arg);
}

void clear_one(Value& v) { Value dropped = std::move(v); }

void opaque_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjOpaque*>(self)->dict, visit, arg); }
void opaque_clear(Obj* self) { clear_one(static_cast<ObjOpaque*>(self)->dict); }

void gc_traverse(const BuiltinTypes& types, Obj* o, VisitFn visit, void* arg) {
  if (auto* f = gc_type(types, o)->tp_traverse) f(o, visit, arg);
}

void gc_clear(const BuiltinTypes& types, Obj* o) {
  if (auto* f = gc_type(types, o)->tp_clear) f(o);
}

void install_gc_slots(Runtime& rt) {
  BuiltinTypes& t = rt.types;
  auto give = [](ObjType* type, void (*traverse)(Obj*, VisitFn, void*), void (*clear)(Obj*)) {
    type->tp_traverse = traverse;
    type->tp_clear = clear;
  };
  give(t.object, object_traverse, object_clear);
  give(t.type, type_traverse, type_clear);
  give(t.staticmethod, staticmethod_traverse, staticmethod_clear);
  give(t.classmethod, staticmethod_traverse, staticmethod_clear);
  give(t.property, property_traverse, property_clear);
  give(t.super, super_traverse, super_clear);
  // Every other built-in type made so far inherits its base's (the
  // exceptions BaseException's); later layers' types inherit at new_type.
  for (ObjType* type : rt.owned_types) {
    if (type->tp_traverse) continue;
    for (ObjType* b = type->base; b; b = b->base)
      if (b->tp_traverse) {
        give(type, b->tp_traverse, b->tp_clear);
        break;
      }
  }
}

// ---- Finalisation -------------------------------------------------------------------

void ObjectRegistry::clear_all(const BuiltinTypes& types) {
  // A reference to each, so that none is freed while the others are
  // cleared; then clear them all, which breaks every cycle; then drop the
  // references, which frees whatever nothing else holds.
  enabled = false;
  std::vector<GcObj*> all;
  all.reserve(count);
  for_each([&](GcObj* o) {
    retain(o);
    all.push_back(o);
  });
  for (GcObj* o : all) gc_clear(types, o);
  for (GcObj* o : all) release(o);
  // Immortal containers (NotImplemented) live exactly as long as their
  // runtime: free them now, as the runtime frees its types and interned
  // strings.
  all.clear();
  for_each([&](GcObj* o) {
    if (o->refcount >= kImmortalRefcount / 2) all.push_back(o);
  });
  for (GcObj* o : all) dealloc(o);
}

}  // namespace gil
