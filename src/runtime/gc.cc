// The registry of containers, the trashcan, and the tp_traverse/tp_clear
// slots of the built-in types (gc.h).
#include "gil/runtime/gc.h"

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
  if (r->delete_nesting >= kTrashcanDepth) [[unlikely]] {
    // Too deep: unlink it now and free it when the outermost free returns.
    r->unlink(g);
    g->gc_prev = nullptr;
    g->gc_next = r->delete_later;
    r->delete_later = g;
    return;
  }
  ++r->delete_nesting;
  delete g;
  if (--r->delete_nesting == 0 && r->delete_later) [[unlikely]]
    empty_trashcan(r);
}

ObjectRegistry::~ObjectRegistry() {
  // What is still registered outlives its runtime: unlink it, so that its
  // eventual free touches nothing of this registry.
  GcLink* l = head.gc_next;
  while (l != &head) {
    GcLink* next = l->gc_next;
    auto* o = static_cast<GcObj*>(l);
    o->registry = nullptr;
    o->gc_prev = o->gc_next = nullptr;
    l = next;
  }
  head.gc_prev = head.gc_next = &head;
  count = 0;
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
