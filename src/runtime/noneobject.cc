// `None`, after CPython's Objects/object.c (_Py_NoneStruct).
//
// None is an inline Value (Tag::None; an empty Value reads as None too).
// It is false, hashes to a constant and compares by identity.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

Value construct_none(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc || kwnames) raise(ts, ts.rt.types.TypeError, "NoneType takes no arguments");
  return Value::none();
}

void none_repr(ThreadState& ts, const Value& self, std::string& out) { out += "None"; }

uint64_t none_hash(ThreadState& ts, const Value& self) { return 0x5bd1e995; }

bool none_bool(ThreadState& ts, const Value& self) { return false; }

}  // namespace

void init_none_type(Runtime& rt) {
  ObjType* t = rt.types.none;
  t->construct = construct_none;
  t->tp_repr = none_repr;
  t->tp_hash = none_hash;
  t->tp_bool = none_bool;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->is_final = true;
}

}  // namespace gil
