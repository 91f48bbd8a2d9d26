// BaseException and the exception types deriving from it, after CPython's
// Objects/exceptions.c.
//
// An exception (ObjException) carries its type, its args tuple, the
// traceback entries it gathered while propagating, its chain (__cause__,
// __context__, __suppress_context__) and a dict for the attributes a
// program sets. The hierarchy itself is made in install_types (types.cc);
// here are BaseException's constructor, methods and slots, which every
// exception type, a class deriving from one included, inherits. Raising and
// printing tracebacks are errors.cc's. str(e) is exception_message
// (errors.cc): the one argument, the args tuple for several, "" for none;
// repr(e) is `Type(args)`. An exception compares and hashes by identity.
#include "gil/runtime/builtins.h"
#include "gil/runtime/codecs.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

// A call of an exception type: a new exception whose args are the arguments.
Value construct_exception(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, type->name, kwnames);
  auto* e = new_object<ObjException>(ts, type);
  e->args = make_tuple(ts, std::vector<Value>(args, args + argc));
  return Value::adopt(e);
}

namespace {

ObjException* as_exception(const Value& v) { return static_cast<ObjException*>(v.as_obj()); }

// BaseException(args): the exception, with the type being made (a class
// deriving from an exception gets its own type).
Value exception_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  if (!type->is_heap_type) check_no_keywords(ts, type->name, kwnames);
  auto* e = new_object<ObjException>(ts, type);
  e->args = make_tuple(ts, std::vector<Value>(args, args + argc));
  return Value::adopt(e);
}

void exception_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  as_exception(self)->args = make_tuple(ts, std::vector<Value>(args, args + argc));
}

// `Type(arg)` for one argument, `Type(a, b)` (the args tuple's repr) else.
void exception_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* e = as_exception(self);
  out += e->type->name;
  auto& args = as<ObjTuple>(e->args)->items;
  if (args.size() == 1) {
    out += '(';
    repr_into(ts, args[0], out);
    out += ')';
  } else {
    std::string t;
    repr_into(ts, e->args, t);
    out += t;
  }
}

void exception_str(ThreadState& ts, const Value& self, std::string& out) {
  out += exception_message(ts, as_exception(self));
}

// The data attributes: args, the chain, SystemExit's code, and a
// __traceback__ that is always None (MiniPy keeps tracebacks inside the
// exception).
Value exception_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* e = as_exception(self);
  if (name->text == "args") return e->args;
  Value chained = exception_chain_attribute(e, name->text);
  if (!chained.is_empty()) return chained;
  if (name->text == "value" && e->type->is_subtype_of(ts.rt.types.StopIteration)) {
    auto& args = as<ObjTuple>(e->args)->items;
    return args.empty() ? Value::none() : args[0];
  }
  if (name->text == "code" && e->type->is_subtype_of(ts.rt.types.SystemExit)) {
    auto& args = as<ObjTuple>(e->args)->items;
    return args.empty() ? Value::none() : args.size() == 1 ? args[0] : e->args;
  }
  if (name->text == "__traceback__") return Value::none();
  return Value();
}

// UnicodeDecodeError and UnicodeEncodeError add encoding, object, start,
// end and reason, read from their args (codecs.cc).
Value unicode_exception_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  Value v = exception_attribute(ts, self, name);
  return v.is_empty() ? unicode_error_attribute(ts, self, name) : v;
}

// The chain and args are set here, before a class's instance dict could
// take them; anything else as on any built-in object.
void exception_setattro(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto* e = as_exception(self);
  if (set_exception_chain_attribute(ts, e, name->text, value)) return;
  if (name->text == "args" && !value.is_empty()) {
    e->args = is_tuple(value) ? value : make_tuple(ts, collect(ts, value));
    return;
  }
  builtin_setattr(ts, self, name, value);
}

Value exception_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 1 || !is_kind(args[0], ObjKind::Exception))
    raise(ts, ts.rt.types.TypeError, "descriptor '__init__' requires a 'BaseException' object");
  as_exception(args[0])->args = make_tuple(ts, std::vector<Value>(args + 1, args + argc));
  return Value::none();
}

Value exception_str_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__str__", argc, 1, 1);
  std::string out;
  exception_str(ts, args[0], out);
  return make_str(std::move(out));
}

Value exception_repr_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__repr__", argc, 1, 1);
  std::string out;
  exception_repr(ts, args[0], out);
  return make_str(std::move(out));
}

// ---- Collection (gc.h) ------------------------------------------------------------

void exception_traverse(Obj* self, VisitFn visit, void* arg) {
  auto* e = static_cast<ObjException*>(self);
  visit_one(e->dict, visit, arg);
  visit_one(e->args, visit, arg);
  for (const TracebackEntry& t : e->traceback) visit_one(t.code, visit, arg);
  visit_one(e->context, visit, arg);
  visit_one(e->cause, visit, arg);
}

// args stays (printing an exception assumes a tuple): a tuple is a
// container, cleared on its own.
void exception_clear(Obj* self) {
  auto* e = static_cast<ObjException*>(self);
  clear_one(e->dict);
  clear_one(e->context);
  clear_one(e->cause);
  clear_all(e->traceback);
}

}  // namespace

void init_exception_types(Runtime& rt) {
  BuiltinTypes& types = rt.types;
  ObjType* t = types.BaseException;
  t->tp_traverse = exception_traverse;
  t->tp_clear = exception_clear;
  t->tp_new = exception_new;
  t->tp_init = exception_init;
  t->tp_repr = exception_repr;
  t->tp_str = exception_str;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = exception_setattro;
  t->get_attribute = exception_attribute;
  add_method(rt, t, "__init__", exception_init_method);
  add_method(rt, t, "__str__", exception_str_method);
  add_method(rt, t, "__repr__", exception_repr_method);
  types.UnicodeDecodeError->get_attribute = unicode_exception_attribute;
  types.UnicodeEncodeError->get_attribute = unicode_exception_attribute;
  // The exception types were made before BaseException had its slots:
  // they inherit them now.
  for (ObjType* type : rt.owned_types)
    if (type->is_exception && type != t) inherit_slots(type, t);
}

}  // namespace gil
