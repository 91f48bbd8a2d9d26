// `range`, after CPython's Objects/rangeobject.c.
//
// A range is its three ints (ObjRange); nothing is materialised. Its length,
// items, slices and membership are arithmetic on start, stop and step, and
// iterating it makes an ObjIterator over Range that FOR_ITER advances
// inline. Unlike CPython's, a range hashes by identity.
#include <limits>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjRange* as_range(const Value& v) { return static_cast<ObjRange*>(v.as_obj()); }

// The length of [r] as len() gives it: OverflowError, as in CPython, when it
// is past the largest int (range(-2**63, 2**63 - 1)).
int64_t range_length(ThreadState& ts, const ObjRange* r) {
  uint64_t n = r->length();
  if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    raise(ts, ts.rt.types.OverflowError, "Python int too large to convert to C ssize_t");
  return static_cast<int64_t>(n);
}

// r.start + k * r.step for a slice bound [k] (which may be one past either
// end), or OverflowError where CPython's value needs a big int.
int64_t value_at(ThreadState& ts, const ObjRange* r, int64_t k) {
  int64_t offset, value;
  if (__builtin_mul_overflow(k, r->step, &offset) || __builtin_add_overflow(r->start, offset, &value))
    raise_int_overflow(ts);
  return value;
}

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

int64_t range_len(ThreadState& ts, const Value& self) { return range_length(ts, as_range(self)); }

// r[i], and r[a:b:c], which is a range again: the slice of the index
// sequence, mapped through start and step (range(10)[2:5] is range(2, 5)).
Value range_getitem(ThreadState& ts, const Value& self, const Value& index) {
  auto* r = as_range(self);
  if (is_kind(index, ObjKind::Slice)) {
    auto* slice = as<ObjSlice>(index);
    SliceRange s = resolve_slice(ts, slice, static_cast<size_t>(range_length(ts, r)));
    // The slice's own step: resolve_slice clamps one too large to take a
    // second item, which would show in the new range.
    int64_t slice_step = slice->step.is_none() ? 1 : slice->step.as_int(), step;
    if (__builtin_mul_overflow(r->step, slice_step, &step)) raise_int_overflow(ts);
    return make<ObjRange>(ts, value_at(ts, r, s.start), value_at(ts, r, s.stop), step);
  }
  if (!index.is_intlike()) raise_bad_index(ts, self, index);
  int64_t i = normalize_index(ts, index.as_int(), static_cast<size_t>(range_length(ts, r)), "range object");
  return Value::integer(r->at(static_cast<uint64_t>(i)));
}

// `x in r`: arithmetic for an int, a scan comparing with == otherwise.
bool range_contains(ThreadState& ts, const Value& self, const Value& item) {
  if (item.is_intlike()) {
    auto* r = as_range(self);
    int64_t x = item.as_int();
    bool inside = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
    if (!inside) return false;
    // Unsigned: the distance from start, and the step, may leave int64.
    auto u = [](int64_t v) { return static_cast<uint64_t>(v); };
    uint64_t distance = r->step > 0 ? u(x) - u(r->start) : u(r->start) - u(x);
    uint64_t stride = r->step > 0 ? u(r->step) : 0 - u(r->step);
    return distance % stride == 0;
  }
  for (auto& v : collect(ts, self))
    if (identical(v, item) || equals(ts, v, item)) return true;
  return false;
}

Value range_iter(ThreadState& ts, const Value& self) {
  auto* r = as_range(self);
  int64_t n = range_length(ts, r);
  // FOR_ITER adds the step after every value, the last one too; where that
  // would leave int64 (range(0, 2**63 - 1, 2)), iterate by index instead.
  int64_t past_last;
  if (n > 0 && __builtin_add_overflow(r->at(static_cast<uint64_t>(n - 1)), r->step, &past_last))
    return make<ObjIterator>(ts, ObjIterator::Over::GetItem, self);
  auto it = make<ObjIterator>(ts, ObjIterator::Over::Range, Value());
  auto* i = as<ObjIterator>(it);
  i->position = r->start;
  i->stop = n;  // remaining count
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
