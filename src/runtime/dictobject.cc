// `dict` and its views, after CPython's Objects/dictobject.c.
//
// The hash table itself (ObjDict: entries in insertion order and an open-
// addressed index over them) is dict.cc's; here are the types: dict's
// constructor and slots, and dict_keys, dict_values and dict_items, live
// views (ObjDictView) over a dict that see its later changes. Iterating a
// dict or a view makes an ObjIterator that remembers the dict's version, so
// that a dict resized during the loop raises RuntimeError as in CPython.
// Unlike CPython's, views are not set-like: they compare by identity.
#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjDict* as_dict(const Value& v) { return static_cast<ObjDict*>(v.as_obj()); }
ObjDictView* as_view(const Value& v) { return static_cast<ObjDictView*>(v.as_obj()); }
ObjDict* dict_of_view(const Value& v) { return as<ObjDict>(as_view(v)->dict); }

// dict(), dict(mapping), dict(pairs), each with keyword items after.
Value construct_dict(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "dict", argc, 0, 1);
  Value result = make<ObjDict>(ts);
  auto* d = as<ObjDict>(result);
  if (argc == 1 && is_dict(args[0])) {
    for (auto& e : as<ObjDict>(args[0])->entries)
      if (!e.key.is_empty()) dict_set(ts, d, e.key, e.value);
  } else if (argc == 1) {
    std::vector<Value> items = collect(ts, args[0]);
    for (size_t i = 0; i < items.size(); ++i) {
      std::vector<Value> pair;
      if (is_list(items[i]) || is_tuple(items[i]) || is_str(items[i]) || is_bytes(items[i]))
        pair = collect(ts, items[i]);
      else
        raise(ts, ts.rt.types.TypeError,
              "cannot convert dictionary update sequence element #" + std::to_string(i) + " to a sequence");
      if (pair.size() != 2)
        raise(ts, ts.rt.types.ValueError,
              "dictionary update sequence element #" + std::to_string(i) + " has length " +
                  std::to_string(pair.size()) + "; 2 is required");
      dict_set(ts, d, pair[0], pair[1]);
    }
  }
  if (kwnames)
    for (size_t k = 0; k < kwnames->items.size(); ++k) dict_set(ts, d, kwnames->items[k], args[argc + static_cast<int>(k)]);
  return result;
}

[[noreturn]] void raise_key_error(ThreadState& ts, const Value& key) {
  Value exc = new_exception(ts, ts.rt.types.KeyError, "");
  as<ObjException>(exc)->args = make_tuple(ts, {key});
  raise_value(std::move(exc));
}

// ---- dict's slots ---------------------------------------------------------------------

void dict_repr(ThreadState& ts, const Value& self, std::string& out) {
  ReprGuard guard(ts, self.as_obj());
  if (guard.recursive) {
    out += "{...}";
    return;
  }
  out += '{';
  bool first = true;
  for (auto& e : as_dict(self)->entries) {
    if (e.key.is_empty()) continue;
    if (!first) out += ", ";
    first = false;
    repr_into(ts, e.key, out);
    out += ": ";
    repr_into(ts, e.value, out);
  }
  out += '}';
}

bool dict_equal(ThreadState& ts, ObjDict* a, ObjDict* b) {
  if (a->size != b->size) return false;
  NestingGuard guard(ts, " in comparison");
  for (auto& e : a->entries) {
    if (e.key.is_empty()) continue;
    Value* other = dict_find(ts, b, e.key);
    if (!other || !(identical(e.value, *other) || equals(ts, e.value, *other))) return false;
  }
  return true;
}

// == and != between dicts (the same keys, with equal values); dicts are
// not ordered, and decline to compare with anything else.
Value dict_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::NotEq) || !is_dict(a) || !is_dict(b)) return Value();
  bool equal = identical(a, b) || dict_equal(ts, as_dict(a), as_dict(b));
  return Value::boolean(equal == (op == CompareOp::Eq));
}

bool dict_bool(ThreadState& ts, const Value& self) { return as_dict(self)->size != 0; }

int64_t dict_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(as_dict(self)->size); }

// d[key]; a dict subclass may supply missing keys (collections.defaultdict's way).
Value dict_getitem(ThreadState& ts, const Value& self, const Value& key) {
  if (Value* found = dict_find(ts, as_dict(self), key)) return *found;
  ObjType* t = type_of(ts, self);
  if (t->is_heap_type)
    if (const Value* missing = t->lookup(ts.rt.name("__missing__"))) {
      Value args[2] = {self, key};
      return call_method_value(ts, *missing, self, args, 2);
    }
  raise_key_error(ts, key);
}

void dict_setitem(ThreadState& ts, const Value& self, const Value& key, const Value& value) {
  dict_set(ts, as_dict(self), key, value);
}

void dict_delitem(ThreadState& ts, const Value& self, const Value& key) {
  if (dict_remove(ts, as_dict(self), key).is_empty()) raise_key_error(ts, key);
}

bool dict_contains(ThreadState& ts, const Value& self, const Value& key) {
  return dict_find(ts, as_dict(self), key) != nullptr;
}

Value dict_iter_over(ThreadState& ts, ObjIterator::Over over, const Value& dict) {
  auto it = make<ObjIterator>(ts, over, dict);
  as<ObjIterator>(it)->dict_version = as_dict(dict)->version;
  return it;
}

Value dict_iter(ThreadState& ts, const Value& self) { return dict_iter_over(ts, ObjIterator::Over::DictKeys, self); }

// ---- The views' slots -------------------------------------------------------------------

void view_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* view = as_view(self);
  const char* names[] = {"dict_keys([", "dict_values([", "dict_items(["};
  out += names[static_cast<int>(view->which)];
  bool first = true;
  for (auto& e : dict_of_view(self)->entries) {
    if (e.key.is_empty()) continue;
    if (!first) out += ", ";
    first = false;
    if (view->which == ObjDictView::Which::Keys) {
      repr_into(ts, e.key, out);
    } else if (view->which == ObjDictView::Which::Values) {
      repr_into(ts, e.value, out);
    } else {
      out += '(';
      repr_into(ts, e.key, out);
      out += ", ";
      repr_into(ts, e.value, out);
      out += ')';
    }
  }
  out += "])";
}

bool view_bool(ThreadState& ts, const Value& self) { return dict_of_view(self)->size != 0; }

int64_t view_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(dict_of_view(self)->size); }

// `k in d.keys()` looks the key up; values and items are scanned.
bool view_contains(ThreadState& ts, const Value& self, const Value& item) {
  if (as_view(self)->which == ObjDictView::Which::Keys) return dict_find(ts, dict_of_view(self), item) != nullptr;
  for (auto& v : collect(ts, self))
    if (identical(v, item) || equals(ts, v, item)) return true;
  return false;
}

Value view_iter(ThreadState& ts, const Value& self) {
  using Over = ObjIterator::Over;
  auto* view = as_view(self);
  Over over = view->which == ObjDictView::Which::Keys     ? Over::DictKeys
              : view->which == ObjDictView::Which::Values ? Over::DictValues
                                                           : Over::DictItems;
  return dict_iter_over(ts, over, view->dict);
}

// ---- Collection (gc.h) ------------------------------------------------------------

void dict_traverse(Obj* self, VisitFn visit, void* arg) {
  for (const ObjDict::Entry& e : static_cast<ObjDict*>(self)->entries) {
    visit_one(e.key, visit, arg);
    visit_one(e.value, visit, arg);
  }
}
void dict_clear_slot(Obj* self) { dict_clear(static_cast<ObjDict*>(self)); }

void view_traverse(Obj* self, VisitFn visit, void* arg) { visit_one(static_cast<ObjDictView*>(self)->dict, visit, arg); }
void view_clear(Obj* self) { clear_one(static_cast<ObjDictView*>(self)->dict); }

}  // namespace

void init_dict_type(Runtime& rt) {
  ObjType* t = rt.types.dict;
  t->tp_traverse = dict_traverse;
  t->tp_clear = dict_clear_slot;
  t->construct = construct_dict;
  t->tp_repr = dict_repr;
  t->tp_hash = nullptr;
  t->tp_richcompare = dict_richcompare;
  t->tp_bool = dict_bool;
  t->tp_len = dict_len;
  t->tp_getitem = dict_getitem;
  t->tp_setitem = dict_setitem;
  t->tp_delitem = dict_delitem;
  t->tp_contains = dict_contains;
  t->tp_iter = dict_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
}

void init_dict_view_types(Runtime& rt) {
  for (ObjType* t : {rt.types.dict_keys, rt.types.dict_values, rt.types.dict_items}) {
    t->tp_traverse = view_traverse;
    t->tp_clear = view_clear;
    t->tp_repr = view_repr;
    t->tp_hash = nullptr;
    t->tp_richcompare = identity_richcompare;
    t->tp_bool = view_bool;
    t->tp_len = view_len;
    t->tp_contains = view_contains;
    t->tp_iter = view_iter;
    t->tp_getattro = builtin_getattr;
    t->tp_setattro = builtin_setattr;
    t->is_final = true;
  }
}

}  // namespace gil
