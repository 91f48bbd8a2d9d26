// `range`, after CPython's Objects/rangeobject.c.
//
// A range is its three ints (ObjRange); nothing is materialised. Its length,
// items, slices and membership are arithmetic on start, stop and step, and
// iterating it makes an ObjIterator over Range that FOR_ITER advances
// inline. Unlike CPython's, a range hashes by identity.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjRange* as_range(const Value& v) { return static_cast<ObjRange*>(v.as_obj()); }

// range(stop), range(start, stop[, step]).
Value construct_range(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "range", kwnames);
  if (argc == 0) raise(ts, ts.rt.types.TypeError, "range expected at least 1 argument, got 0");
  if (argc > 3) raise(ts, ts.rt.types.TypeError, "range expected at most 3 arguments, got " + std::to_string(argc));
  int64_t start = 0, stop, step = 1;
  if (argc == 1) {
    stop = expect_int(ts, args[0], "range");
  } else {
    start = expect_int(ts, args[0], "range");
    stop = expect_int(ts, args[1], "range");
    if (argc == 3) step = expect_int(ts, args[2], "range");
  }
  if (step == 0) raise(ts, ts.rt.types.ValueError, "range() arg 3 must not be zero");
  return make<ObjRange>(ts, start, stop, step);
}

// ---- Slots ------------------------------------------------------------------------

void range_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* r = as_range(self);
  out += "range(" + format::int_to_string(r->start) + ", " + format::int_to_string(r->stop);
  if (r->step != 1) out += ", " + format::int_to_string(r->step);
  out += ')';
}

uint64_t range_hash(ThreadState& ts, const Value& self) { return address_hash(self.as_obj()); }

// Two ranges are equal when they yield the same values: the same length,
// and (when not empty) the same start and (when longer than one) step.
bool range_equal(const ObjRange* x, const ObjRange* y) {
  if (x == y) return true;
  return x->length() == y->length() &&
         (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
}

// == and != between ranges; ranges are not ordered.
Value range_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_kind(a, ObjKind::Range) || !is_kind(b, ObjKind::Range)) return Value();
  if (op == CompareOp::Eq) return Value::boolean(range_equal(as_range(a), as_range(b)));
  if (op == CompareOp::NotEq) return Value::boolean(!range_equal(as_range(a), as_range(b)));
  return Value();
}

bool range_bool(ThreadState& ts, const Value& self) { return as_range(self)->length() != 0; }

int64_t range_len(ThreadState& ts, const Value& self) { return as_range(self)->length(); }

// r[i], and r[a:b:c], which is a range again: the slice of the index
// sequence, mapped through start and step (range(10)[2:5] is range(2, 5)).
Value range_getitem(ThreadState& ts, const Value& self, const Value& index) {
  auto* r = as_range(self);
  if (is_kind(index, ObjKind::Slice)) {
    SliceRange s = resolve_slice(ts, as<ObjSlice>(index), static_cast<size_t>(r->length()));
    return make<ObjRange>(ts, r->start + s.start * r->step, r->start + s.stop * r->step, r->step * s.step);
  }
  if (!index.is_intlike()) raise_bad_index(ts, self, index);
  int64_t i = normalize_index(ts, index.as_int(), static_cast<size_t>(r->length()), "range object");
  return Value::integer(r->start + i * r->step);
}

// `x in r`: arithmetic for an int, a scan comparing with == otherwise.
bool range_contains(ThreadState& ts, const Value& self, const Value& item) {
  if (item.is_intlike()) {
    auto* r = as_range(self);
    int64_t x = item.as_int();
    bool inside = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
    return inside && (x - r->start) % r->step == 0;
  }
  for (auto& v : collect(ts, self))
    if (identical(v, item) || equals(ts, v, item)) return true;
  return false;
}

Value range_iter(ThreadState& ts, const Value& self) {
  auto* r = as_range(self);
  auto it = make<ObjIterator>(ts, ObjIterator::Over::Range, Value());
  auto* i = as<ObjIterator>(it);
  i->position = r->start;
  i->stop = r->length();  // remaining count
  i->step = r->step;
  return it;
}

// r.start, r.stop, r.step.
Value range_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* r = as_range(self);
  if (name->text == "start") return Value::integer(r->start);
  if (name->text == "stop") return Value::integer(r->stop);
  if (name->text == "step") return Value::integer(r->step);
  return Value();
}

// ---- Methods ------------------------------------------------------------------------

// range.count(x) and range.index(x): arithmetic for ints, a scan otherwise.
Value range_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "count", argc, 2, 2);
  if (args[1].is_intlike() && !args[1].is_bool()) return Value::integer(contains(ts, args[0], args[1]) ? 1 : 0);
  int64_t n = 0;
  for (auto& v : collect(ts, args[0])) n += equals(ts, v, args[1]) ? 1 : 0;
  return Value::integer(n);
}

Value range_index(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "index", argc, 2, 2);
  int64_t i = 0;
  for (auto& v : collect(ts, args[0])) {
    if (equals(ts, v, args[1])) return Value::integer(i);
    ++i;
  }
  raise(ts, ts.rt.types.ValueError, repr(ts, args[1]) + " is not in range");
}

}  // namespace

void init_range_type(Runtime& rt) {
  ObjType* t = rt.types.range;
  t->construct = construct_range;
  t->tp_repr = range_repr;
  t->tp_hash = range_hash;
  t->tp_richcompare = range_richcompare;
  t->tp_bool = range_bool;
  t->tp_len = range_len;
  t->tp_getitem = range_getitem;
  t->tp_setitem = nullptr;
  t->tp_delitem = nullptr;
  t->tp_contains = range_contains;
  t->tp_iter = range_iter;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = range_attribute;
  t->is_final = true;
  add_method(rt, t, "count", range_count);
  add_method(rt, t, "index", range_index);
  for (const char* name : {"start", "stop", "step"}) add_member(rt, t, name);
}

}  // namespace gil
