// slice objects beyond subscripts: comparison, which CPython defines as the
// comparison of (start, stop, step) tuples, and slice.indices(length), the
// concrete bounds a slice selects in a sequence of that length.
// Construction is construct_slice (types.cc); start/stop/step are read in
// builtin_getattr. Slices stay unhashable, as in 3.11.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

Value as_tuple(ThreadState& ts, const ObjSlice* s) { return make_tuple(ts, {s->start, s->stop, s->step}); }

Value slice_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_kind(a, ObjKind::Slice) || !is_kind(b, ObjKind::Slice)) return Value();
  if (a.as_obj() == b.as_obj() && (op == CompareOp::Eq || op == CompareOp::NotEq))
    return Value::boolean(op == CompareOp::Eq);
  return rich_compare(ts, as_tuple(ts, as<ObjSlice>(a)), as_tuple(ts, as<ObjSlice>(b)), op);
}

int64_t bound(ThreadState& ts, const Value& v) {
  if (v.is_intlike()) return v.as_int();
  raise(ts, ts.rt.types.TypeError, "slice indices must be integers or None or have an __index__ method");
}

// CPython's PySlice_GetIndicesEx without the length: each bound clamped
// into the sequence, counting negative ones from its end.
Value slice_indices(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "indices", argc - 1, 1, 1);
  auto* s = as<ObjSlice>(args[0]);
  int64_t length = expect_int(ts, args[1], "length");
  if (length < 0) raise(ts, ts.rt.types.ValueError, "length should not be negative");
  int64_t step = s->step.is_none() ? 1 : bound(ts, s->step);
  if (step == 0) raise(ts, ts.rt.types.ValueError, "slice step cannot be zero");
  auto clamp = [&](const Value& v, int64_t absent) {
    if (v.is_none()) return absent;
    int64_t i = bound(ts, v);
    if (i < 0) {
      i += length;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= length) {
      i = step < 0 ? length - 1 : length;
    }
    return i;
  };
  int64_t start = clamp(s->start, step < 0 ? length - 1 : 0);
  int64_t stop = clamp(s->stop, step < 0 ? -1 : length);
  return make_tuple(ts, {Value::integer(start), Value::integer(stop), Value::integer(step)});
}

}  // namespace

void install_slice_methods(Runtime& rt) {
  rt.types.slice->tp_richcompare = slice_richcompare;
  add_method(rt, rt.types.slice, "indices", slice_indices);
}

}  // namespace gil
