// The types every class stands on: `object` (instances, identity equality,
// the default repr), `type` (calling a class, class attributes), and the
// descriptors that bind what a class holds to what its instances see:
// functions (bound methods), staticmethod, classmethod, property and super.
#include <algorithm>
#include <array>
#include <cstdio>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"
#include "gil/runtime/vm.h"

#include "builtin_types.h"

namespace gil {
namespace {

std::string address_text(const Obj* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(o)));
  return buf;
}

// The module-qualified name CPython's reprs use: `__main__.Point`, `int`.
std::string qualified_name(const ObjType* t) {
  return t->module_name == "builtins" ? t->qualname : t->module_name + "." + t->qualname;
}

// ---- object ---------------------------------------------------------------------

void object_repr(ThreadState& ts, const Value& self, std::string& out) {
  out += "<" + qualified_name(type_of(ts, self)) + " object at " + address_text(self.as_obj()) + ">";
}

uint64_t object_hash(ThreadState& ts, const Value& self) {
  return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(self.as_obj()) >> 4) | 1;
}

// Identity equality; NotImplemented for every ordering.
Value object_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (op == CompareOp::Eq) return identical(a, b) ? Value::boolean(true) : Value();
  if (op == CompareOp::NotEq) {
    // __ne__ inverts __eq__ unless that declined.
    ObjType* t = type_of(ts, a);
    if (t->tp_richcompare && t->tp_richcompare != object_richcompare) {
      Value eq = t->tp_richcompare(ts, a, b, CompareOp::Eq);
      if (!eq.is_empty()) return Value::boolean(!truthy(ts, eq));
    }
    return identical(a, b) ? Value::boolean(false) : Value();
  }
  return Value();
}

bool overrides(ThreadState& ts, ObjType* t, const char* name) {
  const Value* v = t->lookup(ts.rt.name(name));
  return v && !is_kind(*v, ObjKind::Native);
}

Value object_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  if ((argc || kwnames) && !overrides(ts, type, "__init__"))
    raise(ts, ts.rt.types.TypeError, type->name + "() takes no arguments");
  if (!type->is_heap_type && type != ts.rt.types.object)
    raise(ts, ts.rt.types.TypeError, "cannot create '" + type->name + "' instances");
  return make<ObjInstance>(ts, type, Value());
}

void object_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  ObjType* t = type_of(ts, self);
  if ((argc || kwnames) && !overrides(ts, t, "__new__"))
    raise(ts, ts.rt.types.TypeError, t->name + "() takes no arguments");
}

// object.__init__, __setattr__, ... as methods, for super().__init__() and
// object.__setattr__(self, n, v) inside an override. Its __eq__, __repr__,
// __hash__... are slot wrappers (slot_wrappers.cc).
Value object_init_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 1) raise(ts, ts.rt.types.TypeError, "descriptor '__init__' of 'object' object needs an argument");
  ObjType* t = type_of(ts, args[0]);
  if ((argc > 1 || kwnames) && (!overrides(ts, t, "__new__") || overrides(ts, t, "__init__")) &&
      t->lookup(ts.rt.name("__init__")) != nullptr && overrides(ts, t, "__init__"))
    raise(ts, ts.rt.types.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
  return Value::none();
}

Value object_new_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  if (argc < 1 || !is_kind(args[0], ObjKind::Type))
    raise(ts, ts.rt.types.TypeError, "object.__new__(X): X is not a type object");
  auto* t = as<ObjType>(args[0]);
  if (t->is_exception) return construct_exception(ts, t, args + 1, argc - 1, nullptr);
  if (!t->is_heap_type) raise(ts, ts.rt.types.TypeError, "object.__new__(" + t->name + ") is not safe, use " + t->name + ".__new__()");
  // The built-in types have no __new__ of their own, so super().__new__(cls,
  // (x, y)) in a class deriving from tuple lands here: it must make the
  // built-in's layout (an ObjInstance read as a tuple would be garbage), as
  // tuple.__new__ would.
  ObjType* builtin = solid_base(t);
  if (builtin != ts.rt.types.object && builtin->construct)
    return make_subclass_instance(ts, t, builtin->construct(ts, args + 1, argc - 1, kwnames));
  if (builtin != ts.rt.types.object && builtin->tp_new) return builtin->tp_new(ts, t, args + 1, argc - 1, kwnames);
  return make<ObjInstance>(ts, t, Value());
}

Value object_str_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__str__", argc, 1, 1);
  return make_str(repr(ts, args[0]));
}

Value object_setattr_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__setattr__", argc, 3, 3);
  generic_setattr(ts, args[0], expect_str(ts, args[1], "attribute name"), args[2]);
  return Value::none();
}

Value object_delattr_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__delattr__", argc, 2, 2);
  generic_setattr(ts, args[0], expect_str(ts, args[1], "attribute name"), Value());
  return Value::none();
}

Value object_getattribute_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__getattribute__", argc, 2, 2);
  ObjStr* name = expect_str(ts, args[1], "attribute name");
  Value v = generic_getattr(ts, args[0], name);
  if (v.is_empty())
    raise(ts, ts.rt.types.AttributeError,
          "'" + std::string(type_name(ts, args[0])) + "' object has no attribute '" + name->text + "'");
  return v;
}

Value object_format_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__format__", argc, 2, 2);
  ObjStr* spec = expect_str(ts, args[1], "format spec");
  if (!spec->text.empty())
    raise(ts, ts.rt.types.TypeError,
          "unsupported format string passed to " + std::string(type_name(ts, args[0])) + ".__format__");
  return make_str(str(ts, args[0]));
}

// ---- type ------------------------------------------------------------------------

void type_repr(ThreadState& ts, const Value& self, std::string& out) {
  out += "<class '" + qualified_name(as<ObjType>(self)) + "'>";
}

uint64_t identity_hash(ThreadState& ts, const Value& self) { return object_hash(ts, self); }

Value type_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  return object_richcompare(ts, a, b, op);
}

// `C(args)`: __new__, then __init__ when the result is a C.
namespace {

// [first], then the [count] values at [args]: the arguments of a call that
// puts the type or the new object in front, kept in the frame when short,
// since every instantiation of a class makes one.
class PrependedArguments {
 public:
  PrependedArguments(const Value& first, const Value* args, int count) {
    size_t n = static_cast<size_t>(count) + 1;
    if (n <= short_.size()) {
      data_ = short_.data();
    } else {
      long_.resize(n);
      data_ = long_.data();
    }
    data_[0] = first;
    for (int i = 0; i < count; ++i) data_[i + 1] = args[i];
  }
  PrependedArguments(const PrependedArguments&) = delete;
  PrependedArguments& operator=(const PrependedArguments&) = delete;
  Value* data() { return data_; }

 private:
  std::array<Value, 8> short_;
  std::vector<Value> long_;
  Value* data_;
};

}  // namespace

Value type_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  Runtime& rt = ts.rt;
  auto* t = as<ObjType>(self);
  if (t == rt.types.type) {
    if (argc == 1 && !kwnames) return Value::borrow(type_of(ts, args[0]));
    if (argc == 3 && !kwnames) {
      if (!is_str(args[0])) raise(ts, rt.types.TypeError, "type.__new__() argument 1 must be str, not " + std::string(type_name(ts, args[0])));
      if (!is_tuple(args[1])) raise(ts, rt.types.TypeError, "type.__new__() argument 2 must be tuple, not " + std::string(type_name(ts, args[1])));
      if (!is_dict(args[2])) raise(ts, rt.types.TypeError, "type.__new__() argument 3 must be dict, not " + std::string(type_name(ts, args[2])));
      return make_class(ts, as<ObjStr>(args[0])->text, args[1], args[2]);
    }
    raise(ts, rt.types.TypeError, "type() takes 1 or 3 arguments");
  }
  // A built-in type makes and initialises its instances in one step.
  if (!t->is_heap_type && t->construct) return t->construct(ts, args, argc, kwnames);
  Value obj;
  const Value* user_new = t->is_heap_type ? t->lookup(rt.name("__new__")) : nullptr;
  if (user_new && !is_kind(*user_new, ObjKind::Native) && is_kind(*user_new, ObjKind::StaticMethod)) {
    int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
    PrependedArguments with_type(self, args, total);
    obj = call(ts, as<ObjStaticMethod>(*user_new)->fn, with_type.data(), argc + 1, kwnames);
  } else if (t->construct) {
    // A mutable built-in (list, dict, set) fills itself in __init__, not in
    // __new__: a class that defines its own __init__ gets an empty instance
    // and decides what its arguments mean (defaultdict(list)), as in CPython.
    ObjType* builtin = solid_base(t);
    const Value* own_init = t->is_heap_type ? t->lookup(rt.name("__init__")) : nullptr;
    bool init_fills = own_init && !is_kind(*own_init, ObjKind::Native) &&
                      (builtin == rt.types.list || builtin == rt.types.dict || builtin == rt.types.set);
    obj = init_fills ? t->construct(ts, nullptr, 0, nullptr) : t->construct(ts, args, argc, kwnames);
    // A class deriving from a built-in: the instance has the built-in's
    // layout (and an instance dict) and the class as its type.
    if (t->is_heap_type) obj = make_subclass_instance(ts, t, std::move(obj));
  } else if (t->tp_new) {
    obj = t->tp_new(ts, t, args, argc, kwnames);
  } else {
    raise(ts, rt.types.TypeError, "cannot create '" + qualified_name(t) + "' instances");
  }
  ObjType* made = type_of(ts, obj);
  if (!made->is_subtype_of(t)) return obj;
  const Value* init = t->lookup(rt.name("__init__"));
  if (init && !is_kind(*init, ObjKind::Native)) {
    int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
    PrependedArguments with_self(obj, args, total);
    Value r = call_method_value(ts, *init, obj, with_self.data(), argc + 1, kwnames);
    if (!r.is_none())
      raise(ts, rt.types.TypeError, "__init__() should return None, not '" + std::string(type_name(ts, r)) + "'");
  } else if (t->tp_init && !t->construct && (t->is_heap_type || t->tp_init != rt.types.object->tp_init)) {
    t->tp_init(ts, obj, args, argc, kwnames);
  }
  return obj;
}

Value mro_tuple(ThreadState& ts, const ObjType* t) {
  std::vector<Value> items;
  for (ObjType* m : t->mro) items.push_back(Value::borrow(m));
  return make_tuple(ts, std::move(items));
}

// C.name: the metatype's data first (__name__, __mro__...), then the MRO of
// C itself, descriptors bound to the class.
Value type_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  Runtime& rt = ts.rt;
  auto* t = as<ObjType>(self);
  const std::string& n = name->text;
  if (n.size() > 4 && n.compare(0, 2, "__") == 0) {
    if (n == "__name__") return make_str(t->name);
    if (n == "__qualname__") return make_str(t->qualname);
    if (n == "__module__") return make_str(t->module_name);
    if (n == "__mro__") return mro_tuple(ts, t);
    if (n == "__bases__") {
      std::vector<Value> items;
      for (ObjType* b : t->bases) items.push_back(Value::borrow(b));
      return make_tuple(ts, std::move(items));
    }
    if (n == "__base__") return t->base ? Value::borrow(t->base) : Value::none();
    if (n == "__dict__") return t->dict;  // CPython gives a read-only proxy
    if (n == "__class__") return Value::borrow(type_of(ts, self));
    if (n == "__doc__") {
      const Value* d = t->own(name);
      return d ? *d : Value::none();
    }
  }
  if (const Value* v = t->lookup(name)) {
    if (is_kind(*v, ObjKind::Native)) {
      auto* original = as<ObjNative>(*v);
      if (original->class_method) return make<ObjBoundMethod>(ts, self, *v);
      if (original->owner && !original->checks_self) {
        auto* unbound = new_object<ObjNative>(ts, original->name, original->fn);
        unbound->owner = original->owner;
        unbound->keywords = original->keywords;
        unbound->wrapper = original->wrapper;
        unbound->slot = original->slot;
        unbound->type = original->type;
        unbound->checks_self = true;
        return Value::adopt(unbound);
      }
      return *v;
    }
    ObjType* dt = type_of(ts, *v);
    if (dt->tp_descr_get) return dt->tp_descr_get(ts, *v, Value(), t);
    return *v;
  }
  // Methods of `type` itself: C.mro().
  if (const Value* m = rt.types.type->own(name)) return make<ObjBoundMethod>(ts, self, *m);
  return Value();
}

void type_setattro(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  auto* t = as<ObjType>(self);
  if (!t->is_heap_type)
    raise(ts, ts.rt.types.TypeError,
          "cannot set '" + name->text + "' attribute of immutable type '" + t->name + "'");
  if (const Value* meta = ts.rt.types.type->own(name); meta && type_of(ts, *meta)->tp_descr_set) {
    type_of(ts, *meta)->tp_descr_set(ts, *meta, self, value);
    return;
  }
  if (name->text == "__name__") {
    t->name = is_str(value) ? as<ObjStr>(value)->text : t->name;
    return;
  }
  auto* d = as<ObjDict>(t->dict);
  if (value.is_empty()) {
    if (dict_remove(ts, d, Value::borrow(name)).is_empty())
      raise(ts, ts.rt.types.AttributeError, "type object '" + t->name + "' has no attribute '" + name->text + "'");
  } else {
    dict_set(ts, d, Value::borrow(name), value);
  }
  update_slot(ts, t, name);
}

Value type_mro_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "mro", argc, 1, 1);
  auto* t = as<ObjType>(args[0]);
  std::vector<Value> items;
  for (ObjType* m : t->mro) items.push_back(Value::borrow(m));
  return make_list(ts, std::move(items));
}

Value type_subclasses_method(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__subclasses__", argc, 1, 1);
  auto* t = as<ObjType>(args[0]);
  std::vector<Value> items;
  for (ObjType* sub : ts.rt.owned_types)
    if (sub != t && !sub->bases.empty() && std::find(sub->bases.begin(), sub->bases.end(), t) != sub->bases.end())
      items.push_back(Value::borrow(sub));
  return make_list(ts, std::move(items));
}

// ---- Functions and methods as descriptors ------------------------------------------

Value function_descr_get(ThreadState& ts, const Value& fn, const Value& obj, ObjType* owner) {
  if (obj.is_empty() || obj.is_none()) return fn;
  return make<ObjBoundMethod>(ts, obj, fn);
}

Value native_descr_get(ThreadState& ts, const Value& fn, const Value& obj, ObjType* owner) {
  auto* n = as<ObjNative>(fn);
  if (n->class_method) return make<ObjBoundMethod>(ts, Value::borrow(owner), fn);
  if (obj.is_empty() || !n->owner) return fn;
  Value bound = make<ObjBoundMethod>(ts, obj, fn);
  if (n->wrapper) bound.as_obj()->type = ts.rt.types.method_wrapper;
  return bound;
}

// Attributes of a bound method: what it binds, and its function's.
Value method_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* m = as<ObjBoundMethod>(self);
  const std::string& n = name->text;
  if (n == "__self__") return m->self;
  if (n == "__func__") return m->method;
  if (n == "__class__") return Value::borrow(type_of(ts, self));
  return get_attr(ts, m->method, name);
}

void method_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* m = as<ObjBoundMethod>(self);
  out += "<bound method " + as<ObjFunction>(m->method)->qualname_text() + " of ";
  repr_into(ts, m->self, out);
  out += ">";
}

// ---- staticmethod, classmethod ------------------------------------------------------

Value staticmethod_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "staticmethod", kwnames);
  if (argc != 1) raise(ts, ts.rt.types.TypeError, "staticmethod expected 1 argument, got " + std::to_string(argc));
  return make<ObjStaticMethod>(ts, type, args[0]);
}

Value staticmethod_descr_get(ThreadState& ts, const Value& descr, const Value& obj, ObjType* owner) {
  return as<ObjStaticMethod>(descr)->fn;
}

Value classmethod_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "classmethod", kwnames);
  if (argc != 1) raise(ts, ts.rt.types.TypeError, "classmethod expected 1 argument, got " + std::to_string(argc));
  return make<ObjClassMethod>(ts, type, args[0]);
}

Value classmethod_descr_get(ThreadState& ts, const Value& descr, const Value& obj, ObjType* owner) {
  ObjType* cls = owner ? owner : type_of(ts, obj);
  return make<ObjBoundMethod>(ts, Value::borrow(cls), as<ObjClassMethod>(descr)->fn);
}

void wrapper_repr(ThreadState& ts, const Value& self, std::string& out) {
  const Value& fn = is_kind(self, ObjKind::StaticMethod) ? as<ObjStaticMethod>(self)->fn : as<ObjClassMethod>(self)->fn;
  out += "<" + std::string(type_name(ts, self)) + "(";
  repr_into(ts, fn, out);
  out += ")>";
}

Value wrapper_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  const Value& fn = is_kind(self, ObjKind::StaticMethod) ? as<ObjStaticMethod>(self)->fn : as<ObjClassMethod>(self)->fn;
  if (name->text == "__func__" || name->text == "__wrapped__") return fn;
  if (name->text == "__name__" || name->text == "__qualname__" || name->text == "__doc__") return get_attr(ts, fn, name);
  return generic_getattr(ts, self, name);
}

// ---- property --------------------------------------------------------------------------

Value property_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  const Value* slots[4];
  bind_arguments(ts, "property", args, argc, kwnames, {"fget", "fset", "fdel", "doc"}, slots);
  auto* p = new_object<ObjProperty>(ts, type);
  p->fget = slots[0] ? *slots[0] : Value::none();
  p->fset = slots[1] ? *slots[1] : Value::none();
  p->fdel = slots[2] ? *slots[2] : Value::none();
  p->doc = slots[3] ? *slots[3] : Value::none();
  return Value::adopt(p);
}

Value property_descr_get(ThreadState& ts, const Value& descr, const Value& obj, ObjType* owner) {
  if (obj.is_empty()) return descr;
  auto* p = as<ObjProperty>(descr);
  if (p->fget.is_none()) raise(ts, ts.rt.types.AttributeError, "property object has no getter");
  Value self = obj;
  return call(ts, p->fget, &self, 1);
}

// The property's name for its errors: the getter's.
std::string property_name(ThreadState& ts, ObjProperty* p) {
  for (const Value* f : {&p->fget, &p->fset, &p->fdel})
    if (is_kind(*f, ObjKind::Function)) return "'" + as<ObjFunction>(*f)->code_obj()->name + "' ";
  return "";
}

void property_descr_set(ThreadState& ts, const Value& descr, const Value& obj, const Value& value) {
  auto* p = as<ObjProperty>(descr);
  std::string owner = std::string(type_name(ts, obj));
  if (value.is_empty()) {
    if (p->fdel.is_none())
      raise(ts, ts.rt.types.AttributeError, "property " + property_name(ts, p) + "of '" + owner + "' object has no deleter");
    Value self = obj;
    call(ts, p->fdel, &self, 1);
    return;
  }
  if (p->fset.is_none())
    raise(ts, ts.rt.types.AttributeError, "property " + property_name(ts, p) + "of '" + owner + "' object has no setter");
  Value args[2] = {obj, value};
  call(ts, p->fset, args, 2);
}

// property.setter(f) and friends: a copy with one accessor replaced.
Value property_copy(ThreadState& ts, const Value& self, int which, const Value& fn) {
  auto* p = as<ObjProperty>(self);
  auto* q = new_object<ObjProperty>(ts, p->type);
  q->fget = which == 0 ? fn : p->fget;
  q->fset = which == 1 ? fn : p->fset;
  q->fdel = which == 2 ? fn : p->fdel;
  q->doc = p->doc;
  return Value::adopt(q);
}

Value property_getter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getter", argc, 2, 2);
  return property_copy(ts, args[0], 0, args[1]);
}
Value property_setter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "setter", argc, 2, 2);
  return property_copy(ts, args[0], 1, args[1]);
}
Value property_deleter(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "deleter", argc, 2, 2);
  return property_copy(ts, args[0], 2, args[1]);
}

Value property_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* p = as<ObjProperty>(self);
  if (name->text == "fget") return p->fget;
  if (name->text == "fset") return p->fset;
  if (name->text == "fdel") return p->fdel;
  if (name->text == "__doc__") {
    if (!p->doc.is_none() || !is_kind(p->fget, ObjKind::Function)) return p->doc;
    return get_attr(ts, p->fget, name);
  }
  return generic_getattr(ts, self, name);
}

// ---- super -----------------------------------------------------------------------------

// The class whose body defined the running function: the class in
// type(obj)'s MRO whose namespace holds it (directly or inside a
// staticmethod, classmethod or property). This stands in for CPython's
// __class__ cell.
ObjType* defining_class(ThreadState& ts, const Obj* fn, ObjType* search) {
  auto holds = [&](const Value& v) {
    if (v.is_obj() && v.as_obj() == fn) return true;
    if (is_kind(v, ObjKind::StaticMethod)) return as<ObjStaticMethod>(v)->fn.as_obj() == fn;
    if (is_kind(v, ObjKind::ClassMethod)) return as<ObjClassMethod>(v)->fn.as_obj() == fn;
    if (is_kind(v, ObjKind::Property)) {
      auto* p = as<ObjProperty>(v);
      return p->fget.as_obj() == fn || p->fset.as_obj() == fn || p->fdel.as_obj() == fn;
    }
    return false;
  };
  for (ObjType* t : search->mro)
    for (auto& e : as<ObjDict>(t->dict)->entries)
      if (!e.key.is_empty() && holds(e.value)) return t;
  return nullptr;
}

Value super_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  Runtime& rt = ts.rt;
  check_no_keywords(ts, "super", kwnames);
  ObjType* start;
  Value obj;
  if (argc == 0) {
    // Zero-argument form: the running function's first argument, and the
    // class that defined the function.
    if (ts.frames.empty()) raise(ts, rt.types.RuntimeError, "super(): no arguments");
    const Frame& f = ts.frames.back();
    if (f.code->param_count < 1 || f.locals[0].is_empty()) raise(ts, rt.types.RuntimeError, "super(): no arguments");
    obj = f.locals[0];
    const Value& callable = f.base[0];
    ObjType* search = is_kind(obj, ObjKind::Type) ? as<ObjType>(obj) : type_of(ts, obj);
    const Obj* fn = callable.is_obj() ? callable.as_obj() : nullptr;
    if (fn && fn->kind == ObjKind::BoundMethod) fn = static_cast<const ObjBoundMethod*>(fn)->method.as_obj();
    start = fn ? defining_class(ts, fn, search) : nullptr;
    if (!start && is_kind(obj, ObjKind::Type)) start = defining_class(ts, fn, type_of(ts, obj));
    if (!start) raise(ts, rt.types.RuntimeError, "super(): __class__ cell not found");
  } else if (argc == 2) {
    if (!is_kind(args[0], ObjKind::Type))
      raise(ts, rt.types.TypeError, "super() argument 1 must be a type, not " + std::string(type_name(ts, args[0])));
    start = as<ObjType>(args[0]);
    obj = args[1];
  } else {
    raise(ts, rt.types.TypeError, "super() takes 0 or 2 arguments in MiniPy");
  }
  ObjType* obj_type = is_kind(obj, ObjKind::Type) && as<ObjType>(obj)->is_subtype_of(start) ? as<ObjType>(obj) : type_of(ts, obj);
  if (!obj_type->is_subtype_of(start))
    raise(ts, rt.types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return make<ObjSuper>(ts, type, start, obj, obj_type);
}

Value super_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  auto* s = as<ObjSuper>(self);
  if (name->text == "__class__") return Value::borrow(type_of(ts, self));
  const auto& mro = s->obj_type->mro;
  auto it = std::find(mro.begin(), mro.end(), s->start);
  if (it != mro.end()) ++it;
  for (; it != mro.end(); ++it) {
    if (const Value* v = (*it)->own(name)) {
      bool bound_to_class = is_kind(s->obj, ObjKind::Type) && s->obj.as_obj() == s->obj_type;
      if (is_kind(*v, ObjKind::Native)) {
        if (bound_to_class && !as<ObjNative>(*v)->class_method) return *v;
        Value bound = make<ObjBoundMethod>(ts, as<ObjNative>(*v)->class_method ? Value::borrow(s->obj_type) : s->obj, *v);
        if (as<ObjNative>(*v)->wrapper) bound.as_obj()->type = ts.rt.types.method_wrapper;
        return bound;
      }
      ObjType* dt = type_of(ts, *v);
      if (dt->tp_descr_get) return dt->tp_descr_get(ts, *v, bound_to_class ? Value() : s->obj, s->obj_type);
      return *v;
    }
  }
  return generic_getattr(ts, self, name);
}

void super_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* s = as<ObjSuper>(self);
  out += "<super: <class '" + s->start->name + "'>, <" + s->obj_type->name + " object>>";
}

// ---- NotImplemented -----------------------------------------------------------------------

void not_implemented_repr(ThreadState& ts, const Value& self, std::string& out) { out += "NotImplemented"; }
void ellipsis_repr(ThreadState& ts, const Value& self, std::string& out) { out += "Ellipsis"; }

}  // namespace

Value call_method_value(ThreadState& ts, const Value& method, const Value& self, Value* args, int argc,
                        ObjTuple* kwnames) {
  if (is_kind(method, ObjKind::Function) || is_kind(method, ObjKind::Native))
    return call(ts, method, args, argc, kwnames);
  ObjType* dt = type_of(ts, method);
  if (dt->tp_descr_get) {
    Value bound = dt->tp_descr_get(ts, method, self, type_of(ts, self));
    return call(ts, bound, args + 1, argc - 1, kwnames);
  }
  return call(ts, method, args + 1, argc - 1, kwnames);
}

void install_type_machinery(Runtime& rt) {
  BuiltinTypes& t = rt.types;
  ObjType* object = t.object;
  object->tp_repr = object_repr;
  object->tp_hash = object_hash;
  object->tp_richcompare = object_richcompare;
  object->tp_getattro = generic_getattr;
  object->tp_setattro = generic_setattr;
  object->tp_new = object_new;
  object->tp_init = object_init;
  // Both see every argument of the call that reached them and judge it.
  add_method(rt, object, "__init__", object_init_method, "*");
  add_method(rt, object, "__new__", object_new_method, "*");
  as<ObjNative>(*object->own(rt.name("__new__")))->owner = nullptr;
  add_method(rt, object, "__str__", object_str_method);
  add_method(rt, object, "__setattr__", object_setattr_method);
  add_method(rt, object, "__delattr__", object_delattr_method);
  add_method(rt, object, "__getattribute__", object_getattribute_method);
  add_method(rt, object, "__format__", object_format_method);

  ObjType* type = t.type;
  type->tp_repr = type_repr;
  type->tp_hash = identity_hash;
  type->tp_richcompare = type_richcompare;
  type->tp_call = type_call;
  type->tp_getattro = type_getattro;
  type->tp_setattro = type_setattro;
  add_method(rt, type, "mro", type_mro_method);
  add_method(rt, type, "__subclasses__", type_subclasses_method);

  t.function->tp_descr_get = function_descr_get;
  t.function->tp_getattro = generic_getattr;
  t.function->instances_have_dict = true;
  // Bound methods of Python functions are `method`; those of built-in ones
  // keep the first rounds' type.
  t.builtin_method = t.method;
  t.method = new_type(rt, "method", object);
  inherit_slots(t.method, t.builtin_method);
  t.method->tp_getattro = method_getattro;
  t.method->tp_repr = method_repr;
  t.method->is_final = true;
  t.slice = new_type(rt, "slice", object, construct_slice);
  rt.define_builtin("slice", Value::borrow(t.slice));
  t.map = new_type(rt, "map", object);
  t.filter = new_type(rt, "filter", object);
  for (ObjType* it : {t.map, t.filter}) {
    inherit_slots(it, t.iterator);
    rt.define_builtin(it->name, Value::borrow(it));
  }
  t.builtin_function->tp_descr_get = native_descr_get;

  t.staticmethod = new_type(rt, "staticmethod", object);
  t.staticmethod->tp_new = staticmethod_new;
  t.staticmethod->tp_descr_get = staticmethod_descr_get;
  t.staticmethod->tp_repr = wrapper_repr;
  t.staticmethod->tp_getattro = wrapper_getattro;
  t.classmethod = new_type(rt, "classmethod", object);
  t.classmethod->tp_new = classmethod_new;
  t.classmethod->tp_descr_get = classmethod_descr_get;
  t.classmethod->tp_repr = wrapper_repr;
  t.classmethod->tp_getattro = wrapper_getattro;
  t.property = new_type(rt, "property", object);
  t.property->tp_new = property_new;
  t.property->tp_descr_get = property_descr_get;
  t.property->tp_descr_set = property_descr_set;
  t.property->tp_getattro = property_getattro;
  add_method(rt, t.property, "getter", property_getter);
  add_method(rt, t.property, "setter", property_setter);
  add_method(rt, t.property, "deleter", property_deleter);
  t.super = new_type(rt, "super", object);
  t.super->tp_new = super_new;
  t.super->tp_getattro = super_getattro;
  t.super->tp_repr = super_repr;
  for (ObjType* d : {t.staticmethod, t.classmethod, t.property, t.super})
    rt.define_builtin(d->name, Value::borrow(d));

  t.NotImplementedType = new_type(rt, "NotImplementedType", object);
  t.NotImplementedType->tp_repr = not_implemented_repr;
  t.NotImplementedType->is_final = true;
  auto* ni = new_object<ObjInstance>(rt, t.NotImplementedType, Value());
  make_immortal(ni);
  rt.not_implemented = Value::adopt(ni);
  rt.define_builtin("NotImplemented", rt.not_implemented);

  t.ellipsis = new_type(rt, "ellipsis", object);
  t.ellipsis->tp_repr = ellipsis_repr;
  t.ellipsis->is_final = true;
  auto* ellipsis = new_object<ObjInstance>(rt, t.ellipsis, Value());
  make_immortal(ellipsis);
  rt.ellipsis = Value::adopt(ellipsis);
  rt.define_builtin("Ellipsis", rt.ellipsis);
}

}  // namespace gil
