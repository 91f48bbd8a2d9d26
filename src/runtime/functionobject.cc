// `function`, after CPython's Objects/funcobject.c.
//
// A function (ObjFunction) is a code object with what `def` evaluated
// around it: defaults, keyword-only defaults, the closure's cells, its
// names, and the attributes a program sets on it (`wrapper.calls = 0`).
// Calling one runs call_function (vm.cc), which binds the arguments and
// pushes a frame; call() (ops.cc) goes there directly for a function. A
// function compares and hashes by identity. Its attributes (__name__,
// __qualname__, __closure__, __defaults__, __kwdefaults__, __dict__) are
// the type's get/set hooks; binding to an instance (tp_descr_get) and the
// generic attribute lookup are installed with the descriptors
// (descrobject.cc).
#include "gil/runtime/builtins.h"
#include "gil/runtime/chunk.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"
#include "gil/runtime/vm.h"

#include "builtin_types.h"

namespace gil {
namespace {

ObjFunction* as_function(const Value& v) { return static_cast<ObjFunction*>(v.as_obj()); }

void function_repr(ThreadState& ts, const Value& self, std::string& out) {
  out += "<function " + as_function(self)->qualname_text() + " at " + address_of(self.as_obj()) + ">";
}

Value function_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  return call_function(ts, as_function(self), args, argc, kwnames);
}

Value or_none(const Value& v) { return v.is_empty() ? Value::none() : v; }

// The function's attribute dict, made on first use.
ObjDict* attribute_dict(ThreadState& ts, ObjFunction* fn) {
  if (fn->attrs.is_empty()) fn->attrs = make<ObjDict>(ts);
  return as<ObjDict>(fn->attrs);
}

Value function_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* fn = as<ObjFunction>(self);
  const std::string& n = name->text;
  if (n == "__name__") return make_str(fn->name_text());
  if (n == "__qualname__") return make_str(fn->qualname_text());
  if (n == "__closure__") return or_none(fn->closure);
  if (n == "__kwdefaults__") return or_none(fn->kwdefaults);
  if (n == "__defaults__") return fn->defaults.empty() ? Value::none() : make_tuple(ts, fn->defaults);
  if (n == "__doc__") {
    if (!fn->attrs.is_empty())
      if (Value* v = dict_find(ts, as<ObjDict>(fn->attrs), Value::borrow(name))) return *v;
    return or_none(fn->code_obj()->doc);
  }
  if (n == "__module__") {
    GlobalTable& globals = *fn->code_obj()->globals;
    const Value& module = globals.values[ts.rt.global_slot(globals, ts.rt.name_module)];
    return or_none(module);
  }
  if (n == "__dict__") return Value::borrow(attribute_dict(ts, fn));
  if (n == "__annotations__") {
    // Set by the def when it annotates anything; else an empty dict made
    // on first use and kept, as CPython's func_get_annotations.
    ObjDict* attrs = attribute_dict(ts, fn);
    if (Value* v = dict_find(ts, attrs, Value::borrow(name))) return *v;
    Value empty = make<ObjDict>(ts);
    dict_set(ts, attrs, Value::borrow(name), empty);
    return empty;
  }
  if (fn->attrs.is_empty()) return Value();
  Value* v = dict_find(ts, as<ObjDict>(fn->attrs), Value::borrow(name));
  return v ? *v : Value();
}

// __name__ and __qualname__ must stay strings, as in CPython.
void set_name_attribute(ThreadState& ts, Value& slot, const char* what, const Value& value) {
  if (!is_str(value)) raise(ts, ts.rt.types.TypeError, std::string(what) + " must be set to a string object");
  slot = value;
}

bool set_function_attribute(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto* fn = as<ObjFunction>(self);
  const std::string& n = name->text;
  if (n == "__name__") {
    set_name_attribute(ts, fn->name, "__name__", value);
    return true;
  }
  if (n == "__qualname__") {
    set_name_attribute(ts, fn->qualname, "__qualname__", value);
    return true;
  }
  if (n == "__closure__" || n == "__dict__" || n == "__defaults__" || n == "__kwdefaults__" || n == "__module__")
    return false;  // read-only in MiniPy
  dict_set(ts, attribute_dict(ts, fn), Value::borrow(name), value);
  return true;
}

// ---- Collection (gc.h) ------------------------------------------------------------

void function_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* f = static_cast<ObjFunction*>(self);
  visit_one(f->code, visit, arg);
  visit_all(f->defaults, visit, arg);
  visit_one(f->kwdefaults, visit, arg);
  visit_one(f->closure, visit, arg);
  visit_one(f->name, visit, arg);
  visit_one(f->qualname, visit, arg);
  visit_one(f->attrs, visit, arg);
}

// The code stays: it holds no container a program can reach, and calls
// assume it is there. The closure (a tuple of cells) goes, as CPython's
// func_clear drops func_closure: a function -> closure -> cell -> function
// cycle is the usual one of nested functions and decorators.
void function_clear(Obj* self) {
  auto* f = static_cast<ObjFunction*>(self);
  clear_all(f->defaults);
  clear_one(f->kwdefaults);
  clear_one(f->closure);
  clear_one(f->name);
  clear_one(f->qualname);
  clear_one(f->attrs);
}

}  // namespace

void init_function_type(Runtime& rt) {
  ObjType* t = rt.types.function;
  t->tp_traverse = function_traverse;
  t->tp_clear = function_clear;
  t->tp_repr = function_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_call = function_call;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = function_attribute;
  t->set_attribute = set_function_attribute;
  t->is_final = true;
}

}  // namespace gil
