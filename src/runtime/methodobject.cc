// Bound methods, after CPython's Objects/classobject.c (method) and
// Objects/methodobject.c (builtin_function_or_method).
//
// `obj.f` binds obj to f in an ObjBoundMethod: of type `method` when f is a
// Python function, `builtin_function_or_method` when it is a native one
// ([].append), as in CPython. Calling it calls f with obj in front;
// LOAD_METHOD and CALL_METHOD (vm.cc) skip making one for `obj.f(...)`.
// Two bound methods are equal when they bind the same object to the same
// function (CPython compares __self__ by identity), and hash accordingly.
// The Python-level `method` type is made with the descriptors
// (descrobject.cc, which gives it __self__, __func__ and its repr); here are
// the slots both share.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjBoundMethod* as_method(const Value& v) { return static_cast<ObjBoundMethod*>(v.as_obj()); }

// The repr of a bound native method (a bound Python function's is
// descrobject.cc's method_repr).
void builtin_method_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* m = as_method(self);
  out += "<built-in method " + as<ObjNative>(m->method)->name + " of " + std::string(type_name(ts, m->self)) +
         " object at " + address_of(m->self.is_obj() ? m->self.as_obj() : self.as_obj()) + ">";
}

Value method_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::NotEq) return Value();
  if (!is_kind(a, ObjKind::BoundMethod) || !is_kind(b, ObjKind::BoundMethod)) return Value();
  bool equal = identical(as_method(a)->self, as_method(b)->self) && identical(as_method(a)->method, as_method(b)->method);
  return Value::boolean(equal == (op == CompareOp::Eq));
}

// Of what is bound to what, so that equal bound methods hash alike.
uint64_t method_hash(ThreadState& ts, const Value& self) {
  auto* m = as_method(self);
  auto identity = [&](const Value& v) { return v.is_obj() ? address_hash(v.as_obj()) : hash_value(ts, v); };
  return hash_mix(identity(m->self) ^ (identity(m->method) << 1));
}

// m(args): the function, with the bound object in front of the arguments.
Value method_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  auto* m = as_method(self);
  int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
  std::vector<Value> with_self;
  with_self.reserve(static_cast<size_t>(total) + 1);
  with_self.push_back(m->self);
  for (int i = 0; i < total; ++i) with_self.push_back(args[i]);
  Value method = m->method;
  return call(ts, method, with_self.data(), argc + 1, kwnames);
}

// ---- Collection (gc.h) ------------------------------------------------------------

void method_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* m = static_cast<ObjBoundMethod*>(self);
  visit_one(m->self, visit, arg);
  visit_one(m->method, visit, arg);
}
void method_clear(Obj* self) {
  auto* m = static_cast<ObjBoundMethod*>(self);
  clear_one(m->self);
  clear_one(m->method);
}

}  // namespace

void init_builtin_method_type(Runtime& rt) {
  ObjType* t = rt.types.builtin_method;
  t->tp_traverse = method_traverse;
  t->tp_clear = method_clear;
  t->tp_repr = builtin_method_repr;
  t->tp_richcompare = method_richcompare;
  t->tp_hash = method_hash;
  t->tp_call = method_call;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->is_final = true;
}

void init_method_type(Runtime& rt) {
  ObjType* t = rt.types.method;
  t->tp_traverse = method_traverse;
  t->tp_clear = method_clear;
  t->tp_richcompare = method_richcompare;
  t->tp_hash = method_hash;
  t->tp_call = method_call;
}

}  // namespace gil
