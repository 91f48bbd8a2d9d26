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
    default: return t.object;
  }
}

inline void visit_all(const std::vector<Value>& items, VisitFn visit, void* arg) {
  for (const Value& v : items)
    if (v.is_obj()) visit(v, arg);
}
inline void visit_one(const Value& v, VisitFn visit, void* arg) {
  if (v.is_obj()) visit(v, arg);
}

// Clears [v] after moving it out, so that whatever its release frees sees
// the container already without it.
inline void clear_one(Value& v) { Value dropped = std::move(v); }
inline void clear_all(std::vector<Value>& items) {
  std::vector<Value> dropped;
  dropped.swap(items);
}

// list, tuple
void sequence_traverse(Obj* self, VisitFn visit, void* arg) {
  if (self->kind == ObjKind::List) visit_all(static_cast<ObjList*>(self)->items, visit, arg);
  else visit_all(static_cast<ObjTuple*>(self)->items, visit, arg);
}
void sequence_clear(Obj* self) {
  if (self->kind == ObjKind::List) clear_all(static_cast<ObjList*>(self)->items);
  else clear_all(static_cast<ObjTuple*>(self)->items);
}

void dict_traverse(Obj* self, VisitFn visit, void* arg) {
  for (const ObjDict::Entry& e : static_cast<ObjDict*>(self)->entries) {
    visit_one(e.key, visit, arg);
    visit_one(e.value, visit, arg);
  }
}
void dict_clear_slot(Obj* self) { dict_clear(static_cast<ObjDict*>(self)); }

void dictview_traverse(Obj* self, VisitFn visit, void* arg) {
  visit_one(static_cast<ObjDictView*>(self)->dict, visit, arg);
}
void dictview_clear(Obj* self) { clear_one(static_cast<ObjDictView*>(self)->dict); }

void iterator_traverse(Obj* self, VisitFn visit, void* arg) {
  visit_one(static_cast<ObjIterator*>(self)->source, visit, arg);
}
void iterator_clear(Obj* self) {
  auto* it = static_cast<ObjIterator*>(self);
  // An exhausted iterator: the iteration code tests position against the
  // source's length only while the source is there.
  clear_one(it->source);
}

void function_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* f = static_cast<ObjFunction*>(self);
  visit_one(f->code, visit, arg);
  visit_all(f->defaults, visit, arg);
  visit_one(f->kwdefaults, visit, arg);
  visit_one(f->closure, visit, arg);
  visit_one(f->name, visit, arg);
  visit_one(f->qualname, visit, arg);
  visit_one(f->attrs, visit, arg);
}
void function_clear(Obj* self) {
  // The code stays: it holds no container a program can reach, and calls
  // assume it is there. The closure (a tuple of cells) goes, as CPython's
  // func_clear drops func_closure: a function -> closure -> cell -> function
  // cycle is the usual one of nested functions and decorators.
  auto* f = static_cast<ObjFunction*>(self);
  clear_all(f->defaults);
  clear_one(f->kwdefaults);
  clear_one(f->closure);
  clear_one(f->name);
  clear_one(f->qualname);
  clear_one(f->attrs);
}

void method_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* m = static_cast<ObjBoundMethod*>(self);
  visit_one(m->self, visit, arg);
  visit_one(m->method, visit, arg);
}
void method_clear(Obj* self) {
  auto* m = static_cast<ObjBoundMethod*>(self);
  clear_one(m->self);
  clear_one(m->method);
}

void module_traverse(Obj* self, VisitFn visit, void* arg) {
  for (const auto& [name, v] : static_cast<ObjModule*>(self)->attrs) visit_one(v, visit, arg);
}
void module_clear(Obj* self) {
  std::vector<std::pair<ObjStr*, Value>> dropped;
  dropped.swap(static_cast<ObjModule*>(self)->attrs);
}

void cell_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjCell*>(self)->value, visit, arg); }
void cell_clear(Obj* self) { clear_one(static_cast<ObjCell*>(self)->value); }

void exception_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* e = static_cast<ObjException*>(self);
  visit_one(e->dict, visit, arg);
  visit_one(e->args, visit, arg);
  for (const TracebackEntry& t : e->traceback) visit_one(t.code, visit, arg);
  visit_one(e->context, visit, arg);
  visit_one(e->cause, visit, arg);
}
void exception_clear(Obj* self) {
  auto* e = static_cast<ObjException*>(self);
  clear_one(e->dict);
  clear_one(e->context);
  clear_one(e->cause);
  std::vector<TracebackEntry> dropped;
  dropped.swap(e->traceback);
  // args stays (printing an exception assumes a tuple): a tuple is a
  // container, cleared on its own.
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
// without another layout (instances), and slices, whose type is object.
void object_traverse(Obj* self, VisitFn visit, void* arg) {
  switch (self->kind) {
    case ObjKind::Instance: visit_one(static_cast<ObjInstance*>(self)->dict, visit, arg); break;
    case ObjKind::Opaque: visit_one(static_cast<ObjOpaque*>(self)->dict, visit, arg); break;
    case ObjKind::Slice: {
      auto* s = static_cast<ObjSlice*>(self);
      visit_one(s->start, visit, arg);
      visit_one(s->stop, visit, arg);
      visit_one(s->step, visit, arg);
      break;
    }
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
    case ObjKind::Slice: {
      auto* s = static_cast<ObjSlice*>(self);
      s->start = s->stop = s->step = Value::none();
      break;
    }
    default: break;
  }
}

}  // namespace

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
  give(t.list, sequence_traverse, sequence_clear);
  give(t.tuple, sequence_traverse, sequence_clear);
  give(t.dict, dict_traverse, dict_clear_slot);
  for (ObjType* v : {t.dict_keys, t.dict_values, t.dict_items}) give(v, dictview_traverse, dictview_clear);
  give(t.iterator, iterator_traverse, iterator_clear);
  give(t.function, function_traverse, function_clear);
  give(t.method, method_traverse, method_clear);
  give(t.module, module_traverse, module_clear);
  give(t.cell, cell_traverse, cell_clear);
  give(t.BaseException, exception_traverse, exception_clear);
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
