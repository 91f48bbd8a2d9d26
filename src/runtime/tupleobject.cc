// `tuple`, after CPython's Objects/tupleobject.c.
//
// A tuple is an ObjTuple: a std::vector of Values, never changed once made.
// The runtime keeps one empty tuple, which every empty result is, and a
// tuple's whole slice is the tuple itself, as in CPython. The helpers over
// items are list's (listobject.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

std::vector<Value>& items_of(const Value& v) { return as<ObjTuple>(v)->items; }

Value construct_tuple(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "tuple", kwnames);
  check_args(ts, "tuple", argc, 0, 1);
  if (argc && is_tuple(args[0]) && type_of(ts, args[0]) == ts.rt.types.tuple) return args[0];
  std::vector<Value> items = argc ? collect(ts, args[0]) : std::vector<Value>{};
  return items.empty() ? ts.rt.empty_tuple : make_tuple(ts, std::move(items));
}

// ---- Slots ------------------------------------------------------------------------

void tuple_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto& items = as<ObjTuple>(self)->items;
  if (items.empty()) {
    out += "()";
    return;
  }
  // A tuple reached again through a list it holds prints as (...), as
  // CPython's tuplerepr does.
  ReprGuard guard(ts, self.as_obj());
  if (guard.recursive) {
    out += "(...)";
    return;
  }
  out += '(';
  items_repr_into(ts, items, out);
  if (items.size() == 1) out += ',';
  out += ')';
}

uint64_t tuple_hash(ThreadState& ts, const Value& self) {
  uint64_t h = 0x345678;
  // CPython's tuplehash does not count its recursion (its C stack is deep
  // enough for a hundred thousand levels); ours must.
  NestingGuard guard(ts, " while hashing a tuple");
  for (auto& item : items_of(self)) h = hash_mix(h * 1000003 ^ hash_value(ts, item));
  return h;
}

Value tuple_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return Value();
  return compare_items(ts, items_of(a), items_of(b), op);
}

bool tuple_bool(ThreadState& ts, const Value& self) { return !items_of(self).empty(); }

int64_t tuple_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(items_of(self).size()); }

Value tuple_getitem(ThreadState& ts, const Value& container, const Value& index) {
  auto& items = items_of(container);
  if (index.is_intlike()) return items[static_cast<size_t>(normalize_index(ts, index.as_int(), items.size(), "tuple"))];
  if (is_kind(index, ObjKind::Slice)) return tuple_slice(ts, container, resolve_slice(ts, as<ObjSlice>(index), items.size()));
  raise_bad_index(ts, container, index);
}

bool tuple_contains(ThreadState& ts, const Value& self, const Value& item) {
  return items_contain(ts, items_of(self), item);
}

Value tuple_iter(ThreadState& ts, const Value& self) { return make<ObjIterator>(ts, ObjIterator::Over::Sequence, self); }

// `a + b` (and `a += b`): tuples only.
Value tuple_add(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_tuple(a)) return Value();
  if (!is_tuple(b)) return concat_mismatch(ts, a, b);
  std::vector<Value> out(items_of(a));
  out.insert(out.end(), items_of(b).begin(), items_of(b).end());
  return make_tuple(ts, std::move(out));
}

Value tuple_mul(ThreadState& ts, const Value& a, const Value& b) {
  const Value* seq = is_tuple(a) ? &a : is_tuple(b) ? &b : nullptr;
  if (!seq) return Value();
  int64_t times = repeat_count(ts, seq == &a ? b : a);
  return make_tuple(ts, repeat_items(ts, items_of(*seq), times));
}

// ---- Collection (gc.h) ------------------------------------------------------------

void tuple_traverse(Obj* self, VisitFn visit, void* arg) { visit_all(static_cast<ObjTuple*>(self)->items, visit, arg); }
void tuple_clear(Obj* self) { clear_all(static_cast<ObjTuple*>(self)->items); }

}  // namespace

Value tuple_slice(ThreadState& ts, const Value& tuple, const SliceRange& r) {
  auto& items = as<ObjTuple>(tuple)->items;
  bool whole = r.step == 1 && r.start == 0 && r.count == static_cast<int64_t>(items.size());
  if (whole && !tuple.as_obj()->type) return tuple;
  auto picked = take_slice(items, r);
  if (picked.empty()) return ts.rt.empty_tuple;
  return make_tuple(ts, std::move(picked));
}

void init_tuple_type(Runtime& rt) {
  ObjType* t = rt.types.tuple;
  t->tp_traverse = tuple_traverse;
  t->tp_clear = tuple_clear;
  t->construct = construct_tuple;
  t->tp_repr = tuple_repr;
  t->tp_hash = tuple_hash;
  t->tp_richcompare = tuple_richcompare;
  t->tp_bool = tuple_bool;
  t->tp_len = tuple_len;
  t->tp_getitem = tuple_getitem;
  t->tp_contains = tuple_contains;
  t->tp_iter = tuple_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->nb.binary[static_cast<int>(BinaryOp::Add)] = tuple_add;
  t->nb.binary[static_cast<int>(BinaryOp::Mul)] = tuple_mul;
}

}  // namespace gil
