// Instances of classes deriving from list, tuple, dict, set, frozenset,
// str and bytes: the built-in's layout plus an instance dict.
//
// `class L(list): pass; l = L(); l.name = 'x'` needs somewhere to keep
// `name`. CPython appends a __dict__ pointer to the instance (tp_dictoffset);
// here the object is a WithDict<ObjList> (object.h): an ObjList, so every list
// operation, fast path and slot works on it untouched, plus the dict. Which
// objects are so extended follows from their type alone: an object of one
// of these kinds whose type is a class. To keep that true, the instance is
// always a fresh object: `T(t)` must not retype `t` itself (tuple(t) is t),
// nor `S("")` the shared empty string.
#include "gil/runtime/gc.h"
#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/type.h"

namespace gil {

namespace {

// Moves the contents out of [from] when nothing else can see it, else copies.
template <typename T, typename Field>
void take_contents(const Value& from, Field T::*field, Field& into) {
  auto* src = static_cast<T*>(from.as_obj());
  if (is_unique(src)) {
    into = std::move(src->*field);
  } else {
    into = src->*field;
  }
}

bool has_subclass_layout(const Obj* o) {
  if (!o->type || !o->type->is_heap_type) return false;
  switch (o->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::FrozenSet:
    case ObjKind::Str:
    case ObjKind::Bytes: return true;
    default: return false;
  }
}

void subclass_traverse(Obj* self, VisitFn visit, void* arg) {
  ObjType* builtin = solid_base(self->type);
  if (builtin->tp_traverse) builtin->tp_traverse(self, visit, arg);
  if (Value* d = subclass_instance_dict(self); d && !d->is_empty()) visit(*d, arg);
}

void subclass_clear(Obj* self) {
  ObjType* builtin = solid_base(self->type);
  if (builtin->tp_clear) builtin->tp_clear(self);
  if (Value* d = subclass_instance_dict(self)) {
    Value dropped = std::move(*d);
    *d = Value();
  }
}

}  // namespace

ObjType* solid_base(ObjType* t) {
  for (ObjType* m : t->mro)
    if (!m->is_heap_type) return m;
  return t;
}

Value make_subclass_instance(ThreadState& ts, ObjType* t, Value base) {
  if (!base.is_obj()) return base;
  Obj* o = base.as_obj();
  switch (o->kind) {
    case ObjKind::List: {
      auto* l = new_object<WithDict<ObjList>>(ts);
      take_contents(base, &ObjList::items, l->items);
      l->type = t;
      return Value::adopt(l);
    }
    case ObjKind::Tuple: {
      auto* tu = new_object<WithDict<ObjTuple>>(ts);
      take_contents(base, &ObjTuple::items, tu->items);
      tu->type = t;
      return Value::adopt(tu);
    }
    case ObjKind::Dict: {
      auto* d = new_object<WithDict<ObjDict>>(ts);
      auto* src = static_cast<ObjDict*>(o);
      if (is_unique(src)) {
        d->entries = std::move(src->entries);
        d->index = std::move(src->index);
        d->size = src->size;
        d->str_key_bits = src->str_key_bits;
        src->size = 0;
      } else {
        d->entries = src->entries;
        d->index = src->index;
        d->size = src->size;
        d->str_key_bits = src->str_key_bits;
      }
      d->type = t;
      return Value::adopt(d);
    }
    case ObjKind::Str: {
      auto* src = static_cast<ObjStr*>(o);
      auto* s = new_object<WithDict<ObjStr>>(ts, src->text);
      s->type = t;
      return Value::adopt(s);
    }
    case ObjKind::Bytes: {
      auto* b = new_object<WithDict<ObjBytes>>(ts, static_cast<ObjBytes*>(o)->data);
      b->type = t;
      return Value::adopt(b);
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet:
      // set_new made it with the class already (new_set).
      return base;
    default:
      o->type = t;
      return base;
  }
}

Value* subclass_instance_dict(Obj* o) {
  if (!has_subclass_layout(o)) return nullptr;
  switch (o->kind) {
    case ObjKind::List: return &static_cast<WithDict<ObjList>*>(o)->dict;
    case ObjKind::Tuple: return &static_cast<WithDict<ObjTuple>*>(o)->dict;
    case ObjKind::Dict: return &static_cast<WithDict<ObjDict>*>(o)->dict;
    case ObjKind::Set:
    case ObjKind::FrozenSet: return &static_cast<WithDict<ObjSet>*>(o)->dict;
    case ObjKind::Str: return &static_cast<WithDict<ObjStr>*>(o)->dict;
    case ObjKind::Bytes: return &static_cast<WithDict<ObjBytes>*>(o)->dict;
    default: return nullptr;
  }
}

void set_subclass_gc_slots(Runtime& rt, ObjType* t) {
  // A str is no container, so the registry never visits one: a cycle
  // through a str subclass's attributes lives until the process ends.
  ObjType* builtin = solid_base(t);
  const BuiltinTypes& b = rt.types;
  for (ObjType* extended : {b.list, b.tuple, b.dict, b.set, b.frozenset})
    if (builtin == extended) {
      t->tp_traverse = subclass_traverse;
      t->tp_clear = subclass_clear;
      return;
    }
}

}  // namespace gil
