// `bool`, after CPython's Objects/boolobject.c.
//
// True and False are inline Values (Tag::Bool) holding 1 and 0; bool
// derives from int and inherits its slots, except its text and the bitwise
// operators, which give a bool when both operands are bools.
#include "gil/runtime/builtins.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

Value construct_bool(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "bool", kwnames);
  check_args(ts, "bool", argc, 0, 1);
  return Value::boolean(argc == 1 && truthy(ts, args[0]));
}

void bool_repr(ThreadState& ts, const Value& self, std::string& out) { out += self.as_bool() ? "True" : "False"; }

// `&`, `|` and `^`: a bool from two bools, else int's result.
template <BinaryOp Op>
Value bool_bitwise(ThreadState& ts, const Value& a, const Value& b) {
  if (a.is_bool() && b.is_bool()) return Value::boolean(int_binary(ts, Op, a.as_int(), b.as_int()).as_int() != 0);
  return ts.rt.types.int_->nb.binary[static_cast<int>(Op)](ts, a, b);
}

}  // namespace

void init_bool_type(Runtime& rt) {
  ObjType* t = rt.types.bool_;
  t->construct = construct_bool;
  t->tp_repr = bool_repr;
  t->nb.binary[static_cast<int>(BinaryOp::And)] = bool_bitwise<BinaryOp::And>;
  t->nb.binary[static_cast<int>(BinaryOp::Or)] = bool_bitwise<BinaryOp::Or>;
  t->nb.binary[static_cast<int>(BinaryOp::Xor)] = bool_bitwise<BinaryOp::Xor>;
  t->is_final = true;
  inherit_slots(t, rt.types.int_);  // the rest is int's
}

}  // namespace gil
