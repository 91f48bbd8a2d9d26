// `slice`, after CPython's Objects/sliceobject.c.
//
// A slice (ObjSlice) is its start, stop and step, any values at all; the
// sequences resolve it against their length (resolve_slice, ops.cc). Here
// is the rest: the constructor, the repr, the read-only attributes start,
// stop and step, comparison, which CPython defines as the comparison of
// (start, stop, step) tuples, and slice.indices(length), the concrete
// bounds a slice selects in a sequence of that length. Slices stay
// unhashable, as in 3.11.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

// slice(stop), slice(start, stop[, step]).
Value construct_slice(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "slice", kwnames);
  if (argc == 0) raise(ts, ts.rt.types.TypeError, "slice expected at least 1 argument, got 0");
  if (argc > 3) raise(ts, ts.rt.types.TypeError, "slice expected at most 3 arguments, got " + std::to_string(argc));
  if (argc == 1) return make<ObjSlice>(ts, Value::none(), args[0], Value::none());
  return make<ObjSlice>(ts, args[0], args[1], argc == 3 ? args[2] : Value::none());
}

namespace {

void slice_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* s = as<ObjSlice>(self);
  out += "slice(";
  repr_into(ts, s->start, out);
  out += ", ";
  repr_into(ts, s->stop, out);
  out += ", ";
  repr_into(ts, s->step, out);
  out += ')';
}

Value slice_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* s = as<ObjSlice>(self);
  if (name->text == "start") return s->start;
  if (name->text == "stop") return s->stop;
  if (name->text == "step") return s->step;
  return Value();
}

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

// A cleared slice holds Nones: the sequences read its bounds as values.
void slice_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* s = static_cast<ObjSlice*>(self);
  visit_one(s->start, visit, arg);
  visit_one(s->stop, visit, arg);
  visit_one(s->step, visit, arg);
}
void slice_clear(Obj* self) {
  auto* s = static_cast<ObjSlice*>(self);
  s->start = s->stop = s->step = Value::none();
}

}  // namespace

void init_slice_type(Runtime& rt) {
  ObjType* t = rt.types.slice;
  t->tp_traverse = slice_traverse;
  t->tp_clear = slice_clear;
  t->tp_repr = slice_repr;
  t->tp_richcompare = slice_richcompare;
  t->tp_hash = nullptr;
  t->tp_getattro = builtin_getattr;
  t->get_attribute = slice_attribute;
  t->is_final = true;
  add_method(rt, t, "indices", slice_indices);
  for (const char* name : {"start", "stop", "step"}) add_member(rt, t, name);
}

}  // namespace gil
