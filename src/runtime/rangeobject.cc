// `range`, after CPython's Objects/rangeobject.c.
//
// A range is its three ints (ObjRange); nothing is materialised. Its length,
// items, slices and membership are arithmetic on start, stop and step, and
// iterating it makes an ObjIterator over Range that FOR_ITER advances
// inline. Unlike CPython's, a range hashes by identity.
//
// A range whose start, stop or step leaves int64 takes the big form
// (ObjRange::big, as CPython's PyLong fields): the long_* functions below
// redo each operation on ints of any size. An int64 range only reaches them
// when a result leaves int64 (a slice bound, an index past INT64_MAX, a
// length len() cannot give).
#include <limits>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjRange* as_range(const Value& v) { return static_cast<ObjRange*>(v.as_obj()); }

Value long_length(ThreadState& ts, const ObjRange* r);

// The length of [r] as len() gives it: OverflowError, as in CPython, when it
// is past the largest int (range(-2**63, 2**63 - 1)).
int64_t range_length(ThreadState& ts, const ObjRange* r) {
  if (r->is_big()) {
    Value n = long_length(ts, r);
    if (!n.is_intlike()) raise(ts, ts.rt.types.OverflowError, "Python int too large to convert to C ssize_t");
    return n.as_int();
  }
  uint64_t n = r->length();
  if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    raise(ts, ts.rt.types.OverflowError, "Python int too large to convert to C ssize_t");
  return static_cast<int64_t>(n);
}

// Whether the int64 form's length and values all stay in int64.
bool fits_int64(const ObjRange* r) {
  return !r->is_big() && r->length() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
}

// ---- The big form -------------------------------------------------------------------

Value add(ThreadState& ts, const Value& a, const Value& b) { return long_binary(ts, BinaryOp::Add, a, b); }
Value sub(ThreadState& ts, const Value& a, const Value& b) { return long_binary(ts, BinaryOp::Sub, a, b); }
Value mul(ThreadState& ts, const Value& a, const Value& b) { return long_binary(ts, BinaryOp::Mul, a, b); }
Value floordiv(ThreadState& ts, const Value& a, const Value& b) {
  return long_binary(ts, BinaryOp::FloorDiv, a, b);
}
int sign(const Value& v) { return int_compare(v, Value::integer(0)); }

Value start_of(const ObjRange* r) { return r->is_big() ? as<ObjTuple>(r->big)->items[0] : Value::integer(r->start); }
Value stop_of(const ObjRange* r) { return r->is_big() ? as<ObjTuple>(r->big)->items[1] : Value::integer(r->stop); }
Value step_of(const ObjRange* r) { return r->is_big() ? as<ObjTuple>(r->big)->items[2] : Value::integer(r->step); }

// range(start, stop, step) of three ints, in the int64 form when they fit.
Value make_range(ThreadState& ts, const Value& start, const Value& stop, const Value& step) {
  if (start.is_intlike() && stop.is_intlike() && step.is_intlike())
    return make<ObjRange>(ts, start.as_int(), stop.as_int(), step.as_int());
  Value r = make<ObjRange>(ts, 0, 0, 1);
  as<ObjRange>(r)->big = make_tuple(ts, {start, stop, step});
  return r;
}

// The number of values, as an int of any size (compute_range_length).
Value long_length(ThreadState& ts, const ObjRange* r) {
  if (!r->is_big() && r->length() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return Value::integer(static_cast<int64_t>(r->length()));
  Value lo = start_of(r), hi = stop_of(r), step = step_of(r);
  if (sign(step) < 0) {
    std::swap(lo, hi);
    step = long_negate(ts, step);
  }
  if (int_compare(lo, hi) >= 0) return Value::integer(0);
  // (hi - lo - 1) // step + 1
  return add(ts, floordiv(ts, sub(ts, sub(ts, hi, lo), Value::integer(1)), step), Value::integer(1));
}

// start + i * step for an index already checked against the length.
Value long_value_at(ThreadState& ts, const ObjRange* r, const Value& i) {
  return add(ts, start_of(r), mul(ts, i, step_of(r)));
}

// An index argument as an int (bool as 0 or 1).
Value index_value(ThreadState& ts, const Value& v) {
  if (v.is_intlike()) return Value::integer(v.as_int());
  if (is_long(v)) return v;
  raise(ts, ts.rt.types.TypeError,
        "'" + std::string(type_name(ts, v)) + "' object cannot be interpreted as an integer");
}

// r[i] for any int i (compute_range_item).
Value long_item(ThreadState& ts, const ObjRange* r, const Value& index) {
  Value n = long_length(ts, r), i = index;
  if (sign(i) < 0) i = add(ts, i, n);
  if (sign(i) < 0 || int_compare(i, n) >= 0) raise(ts, ts.rt.types.IndexError, "range object index out of range");
  return long_value_at(ts, r, i);
}

// A slice bound clamped into [lower, upper] (_PySlice_GetLongIndices).
Value slice_index(ThreadState& ts, const Value& bound, const Value& dflt, const Value& lower, const Value& upper,
                  const Value& length) {
  if (bound.is_none()) return dflt;
  if (!is_integer(bound))
    raise(ts, ts.rt.types.TypeError, "slice indices must be integers or None or have an __index__ method");
  Value i = index_value(ts, bound);
  if (sign(i) < 0) {
    i = add(ts, i, length);
    return int_compare(i, lower) < 0 ? lower : i;
  }
  return int_compare(i, upper) > 0 ? upper : i;
}

// r[a:b:c] on ints of any size (compute_slice).
Value long_slice(ThreadState& ts, const ObjRange* r, const ObjSlice* s) {
  Value step = Value::integer(1);
  if (!s->step.is_none()) {
    if (!is_integer(s->step))
      raise(ts, ts.rt.types.TypeError, "slice indices must be integers or None or have an __index__ method");
    step = index_value(ts, s->step);
    if (sign(step) == 0) raise(ts, ts.rt.types.ValueError, "slice step cannot be zero");
  }
  Value length = long_length(ts, r);
  bool backwards = sign(step) < 0;
  Value lower = Value::integer(backwards ? -1 : 0);
  Value upper = backwards ? sub(ts, length, Value::integer(1)) : length;
  Value start = slice_index(ts, s->start, backwards ? upper : lower, lower, upper, length);
  Value stop = slice_index(ts, s->stop, backwards ? lower : upper, lower, upper, length);
  return make_range(ts, long_value_at(ts, r, start), long_value_at(ts, r, stop), mul(ts, step_of(r), step));
}

// `x in r` for an int of any size (range_contains_long).
bool long_contains(ThreadState& ts, const ObjRange* r, const Value& x) {
  Value start = start_of(r), stop = stop_of(r), step = step_of(r);
  bool inside = sign(step) > 0 ? int_compare(start, x) <= 0 && int_compare(x, stop) < 0
                               : int_compare(x, start) <= 0 && int_compare(stop, x) < 0;
  if (!inside) return false;
  return sign(long_binary(ts, BinaryOp::Mod, sub(ts, x, start), step)) == 0;
}

// r[k] for a slice bound [k] of the int64 form (which may be one past either
// end), or Empty where the value leaves int64.
Value value_at(const ObjRange* r, int64_t k) {
  int64_t offset, value;
  if (__builtin_mul_overflow(k, r->step, &offset) || __builtin_add_overflow(r->start, offset, &value)) return Value();
  return Value::integer(value);
}

// range(stop), range(start, stop[, step]).
Value construct_range(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "range", kwnames);
  if (argc == 0) raise(ts, ts.rt.types.TypeError, "range expected at least 1 argument, got 0");
  if (argc > 3) raise(ts, ts.rt.types.TypeError, "range expected at most 3 arguments, got " + std::to_string(argc));
  Value start = Value::integer(0), stop, step = Value::integer(1);
  if (argc == 1) {
    stop = index_value(ts, args[0]);
  } else {
    start = index_value(ts, args[0]);
    stop = index_value(ts, args[1]);
    if (argc == 3) step = index_value(ts, args[2]);
  }
  if (sign(step) == 0) raise(ts, ts.rt.types.ValueError, "range() arg 3 must not be zero");
  return make_range(ts, start, stop, step);
}

// ---- Slots ------------------------------------------------------------------------

void range_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* r = as_range(self);
  if (r->is_big()) {
    out += "range(" + repr(ts, start_of(r)) + ", " + repr(ts, stop_of(r));
    if (int_compare(step_of(r), Value::integer(1)) != 0) out += ", " + repr(ts, step_of(r));
    out += ')';
    return;
  }
  out += "range(" + format::int_to_string(r->start) + ", " + format::int_to_string(r->stop);
  if (r->step != 1) out += ", " + format::int_to_string(r->step);
  out += ')';
}

uint64_t range_hash(ThreadState& ts, const Value& self) { return address_hash(self.as_obj()); }

// Two ranges are equal when they yield the same values: the same length,
// and (when not empty) the same start and (when longer than one) step.
bool range_equal(ThreadState& ts, const ObjRange* x, const ObjRange* y) {
  if (x == y) return true;
  if (x->is_big() || y->is_big()) {
    Value n = long_length(ts, x);
    if (int_compare(n, long_length(ts, y)) != 0) return false;
    if (sign(n) == 0) return true;
    if (int_compare(start_of(x), start_of(y)) != 0) return false;
    return int_compare(n, Value::integer(1)) == 0 || int_compare(step_of(x), step_of(y)) == 0;
  }
  return x->length() == y->length() &&
         (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
}

// == and != between ranges; ranges are not ordered.
Value range_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_kind(a, ObjKind::Range) || !is_kind(b, ObjKind::Range)) return Value();
  if (op == CompareOp::Eq) return Value::boolean(range_equal(ts, as_range(a), as_range(b)));
  if (op == CompareOp::NotEq) return Value::boolean(!range_equal(ts, as_range(a), as_range(b)));
  return Value();
}

bool range_bool(ThreadState& ts, const Value& self) {
  auto* r = as_range(self);
  return r->is_big() ? sign(long_length(ts, r)) != 0 : r->length() != 0;
}

int64_t range_len(ThreadState& ts, const Value& self) { return range_length(ts, as_range(self)); }

// r[i], and r[a:b:c], which is a range again: the slice of the index
// sequence, mapped through start and step (range(10)[2:5] is range(2, 5)).
Value range_getitem(ThreadState& ts, const Value& self, const Value& index) {
  auto* r = as_range(self);
  if (is_kind(index, ObjKind::Slice)) {
    auto* slice = as<ObjSlice>(index);
    auto small = [](const Value& v) { return v.is_none() || v.is_intlike(); };
    if (fits_int64(r) && small(slice->start) && small(slice->stop) && small(slice->step)) {
      SliceRange s = resolve_slice(ts, slice, static_cast<size_t>(range_length(ts, r)));
      // The slice's own step: resolve_slice clamps one too large to take a
      // second item, which would show in the new range.
      int64_t slice_step = slice->step.is_none() ? 1 : slice->step.as_int(), step;
      Value start = value_at(r, s.start), stop = value_at(r, s.stop);
      if (!__builtin_mul_overflow(r->step, slice_step, &step) && !start.is_empty() && !stop.is_empty())
        return make<ObjRange>(ts, start.as_int(), stop.as_int(), step);
    }
    return long_slice(ts, r, slice);
  }
  if (!is_integer(index)) raise_bad_index(ts, self, index);
  if (!fits_int64(r) || !index.is_intlike()) return long_item(ts, r, index_value(ts, index));
  int64_t i = normalize_index(ts, index.as_int(), static_cast<size_t>(range_length(ts, r)), "range object");
  return Value::integer(r->at(static_cast<uint64_t>(i)));
}

// `x in r`: arithmetic for an int, a scan comparing with == otherwise.
bool range_contains(ThreadState& ts, const Value& self, const Value& item) {
  auto* r = as_range(self);
  if (item.is_intlike() && !r->is_big()) {
    int64_t x = item.as_int();
    bool inside = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
    if (!inside) return false;
    // Unsigned: the distance from start, and the step, may leave int64.
    auto u = [](int64_t v) { return static_cast<uint64_t>(v); };
    uint64_t distance = r->step > 0 ? u(x) - u(r->start) : u(r->start) - u(x);
    uint64_t stride = r->step > 0 ? u(r->step) : 0 - u(r->step);
    return distance % stride == 0;
  }
  if (is_integer(item)) return long_contains(ts, r, index_value(ts, item));
  Value it = get_iter(ts, self), v;
  while (next_item(ts, it, v))
    if (identical(v, item) || equals(ts, v, item)) return true;
  return false;
}

// An iterator over the big form, or an int64 range longer than INT64_MAX,
// from [start] by [step]: the values left are capped at INT64_MAX.
Value long_range_iter(ThreadState& ts, const Value& start, const Value& step, const Value& length, Value source) {
  auto it = make<ObjIterator>(ts, ObjIterator::Over::LongRange, std::move(source));
  auto* i = as<ObjIterator>(it);
  i->position = length.is_intlike() ? length.as_int() : std::numeric_limits<int64_t>::max();
  i->big = start;
  i->dict_version = 0;
  return it;
}

Value range_iter(ThreadState& ts, const Value& self) {
  auto* r = as_range(self);
  if (!fits_int64(r)) return long_range_iter(ts, start_of(r), step_of(r), long_length(ts, r), self);
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
  if (name->text == "start") return start_of(r);
  if (name->text == "stop") return stop_of(r);
  if (name->text == "step") return step_of(r);
  return Value();
}

// ---- Methods ------------------------------------------------------------------------

// range.count(x) and range.index(x): arithmetic for ints, a scan otherwise.
Value range_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "count", argc, 2, 2);
  if ((args[1].is_intlike() && !args[1].is_bool()) || is_long(args[1]))
    return Value::integer(contains(ts, args[0], args[1]) ? 1 : 0);
  int64_t n = 0;
  Value it = get_iter(ts, args[0]), v;
  while (next_item(ts, it, v)) n += equals(ts, v, args[1]) ? 1 : 0;
  return Value::integer(n);
}

Value range_index(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "index", argc, 2, 2);
  auto* r = as_range(args[0]);
  if (is_integer(args[1])) {
    Value x = index_value(ts, args[1]);
    if (long_contains(ts, r, x)) return floordiv(ts, sub(ts, x, start_of(r)), step_of(r));
  } else {
    int64_t i = 0;
    Value it = get_iter(ts, args[0]), v;
    while (next_item(ts, it, v)) {
      if (equals(ts, v, args[1])) return Value::integer(i);
      ++i;
    }
  }
  raise(ts, ts.rt.types.ValueError, repr(ts, args[1]) + " is not in range");
}

}  // namespace

Value range_reversed_big(ThreadState& ts, const Value& self) {
  auto* r = as_range(self);
  if (fits_int64(r)) return Value();
  // As range_reverse: from the last value down by -step, as many values.
  Value n = long_length(ts, r), step = long_negate(ts, step_of(r));
  Value last = sub(ts, start_of(r), step_of(r));
  if (sign(n) != 0) last = long_value_at(ts, r, sub(ts, n, Value::integer(1)));
  Value reversed = make_range(ts, last, sub(ts, start_of(r), step_of(r)), step);
  return long_range_iter(ts, last, step, n, reversed);
}

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
