// `builtin_function_or_method` for the functions written in C++, after
// CPython's Objects/methodobject.c and the method descriptors of
// Objects/descrobject.c.
//
// A native function (ObjNative) is a C++ function with its name, the
// keywords it accepts (NativeKeywords, as CPython's METH_NOKW and
// METH_KEYWORDS) and, for a method, the type that owns it. len, print and
// the like have no owner; list.append has list. Calling one checks, once
// here, what the C++ function assumes: the keywords it declares and, for a
// method taken from its type (`str.upper(5)`), that the first argument is
// an instance of that type. A slot wrapper (`int.__add__`,
// slot_wrappers.cc) is a native whose call runs its owner's slot instead.
// Two natives are equal when they are the same C++ function of the same
// type under the same name (each `str.upper` is a new unbound copy; CPython
// compares builtin_function_or_method objects so too), and hash alike.
#include <algorithm>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

// ---- Making natives and their keywords -------------------------------------------

std::shared_ptr<const NativeKeywords> parse_keywords(std::string_view spec) {
  if (spec.empty()) return nullptr;
  auto kw = std::make_shared<NativeKeywords>();
  if (spec == "*") {
    kw->any = true;
    return kw;
  }
  if (size_t colon = spec.find(':'); colon != std::string_view::npos) {
    kw->error_name = std::string(spec.substr(0, colon));
    spec.remove_prefix(colon + 1);
  }
  while (!spec.empty()) {
    size_t start = spec.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    spec.remove_prefix(start);
    size_t end = std::min(spec.find(' '), spec.size());
    kw->names.emplace_back(spec.substr(0, end));
    spec.remove_prefix(end);
  }
  return kw;
}

void check_native_keywords(ThreadState& ts, const ObjNative* n, ObjTuple* kwnames) {
  const NativeKeywords* kw = n->keywords.get();
  if (!kw)
    raise(ts, ts.rt.types.TypeError,
          (n->wrapper ? "wrapper " : n->owner ? n->owner->name + "." : std::string()) + n->name +
              "() takes no keyword arguments");
  if (kw->any) return;
  for (const Value& k : kwnames->items) {
    const std::string& name = as<ObjStr>(k)->text;
    if (std::find(kw->names.begin(), kw->names.end(), name) == kw->names.end())
      raise(ts, ts.rt.types.TypeError,
            "'" + name + "' is an invalid keyword argument for " +
                (kw->error_name.empty() ? n->name : kw->error_name) + "()");
  }
}

// Built-in functions hold no references: no registry, so no runtime needed.
Value make_native(std::string_view name, NativeFn fn, std::string_view keywords) {
  auto* n = new ObjNative(std::string(name), fn);
  n->keywords = parse_keywords(keywords);
  return Value::adopt(n);
}

void add_method(Runtime& rt, ObjType* type, std::string_view name, NativeFn fn, std::string_view keywords) {
  Value m = make_native(name, fn, keywords);
  as<ObjNative>(m)->owner = type;
  type_set(rt, type, name, std::move(m));
}

// ---- The type's slots -------------------------------------------------------------

namespace {

ObjNative* as_native(const Value& v) { return static_cast<ObjNative*>(v.as_obj()); }

// A method taken from its type must be given an instance of that type first.
void check_self_argument(ThreadState& ts, const ObjNative* n, const Value* args, int argc) {
  const std::string& type = n->owner->name;
  if (n->wrapper) {  // a slot wrapper words it as CPython's wrapper_descriptor
    if (argc < 1)
      raise(ts, ts.rt.types.TypeError, "descriptor '" + n->name + "' of '" + type + "' object needs an argument");
    if (!type_of(ts, args[0])->is_subtype_of(n->owner))
      raise(ts, ts.rt.types.TypeError, "descriptor '" + n->name + "' requires a '" + type + "' object but received a '" +
                                           std::string(type_name(ts, args[0])) + "'");
    return;
  }
  if (argc < 1)
    raise(ts, ts.rt.types.TypeError, "unbound method " + type + "." + n->name + "() needs an argument");
  if (!type_of(ts, args[0])->is_subtype_of(n->owner))
    raise(ts, ts.rt.types.TypeError, "descriptor '" + n->name + "' for '" + type + "' objects doesn't apply to a '" +
                                         std::string(type_name(ts, args[0])) + "' object");
}

Value native_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  auto* n = as_native(self);
  if (n->checks_self) check_self_argument(ts, n, args, argc);
  if (kwnames && !kwnames->items.empty()) [[unlikely]] check_native_keywords(ts, n, kwnames);
  if (n->wrapper) [[unlikely]] return n->wrapper(ts, n->owner, n->slot, args, argc);
  return n->fn(ts, args, argc, kwnames);
}

// A method as its type holds it (`list.append`), else a function (`len`).
void native_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* n = as_native(self);
  if (n->owner)
    out += "<method '" + n->name + "' of '" + n->owner->name + "' objects>";
  else
    out += "<built-in function " + n->name + ">";
}

bool same_native(const ObjNative* x, const ObjNative* y) {
  return x == y || (x->fn == y->fn && x->wrapper == y->wrapper && x->slot == y->slot && x->owner == y->owner &&
                    x->name == y->name);
}

// Between two natives: == and != only, as CPython's meth_richcompare.
Value native_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::NotEq) return Value();
  if (!is_kind(a, ObjKind::Native) || !is_kind(b, ObjKind::Native)) return Value();
  return Value::boolean(same_native(as_native(a), as_native(b)) == (op == CompareOp::Eq));
}

uint64_t native_hash(ThreadState& ts, const Value& self) {
  auto* n = as_native(self);
  auto code = n->wrapper ? reinterpret_cast<uintptr_t>(n->wrapper) : reinterpret_cast<uintptr_t>(n->fn);
  return hash_mix(code ^ (reinterpret_cast<uintptr_t>(n->owner) << 1) ^ static_cast<uintptr_t>(n->slot));
}

Value native_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name == ts.rt.name_module) return make_str(as_native(self)->name);
  return Value();
}

}  // namespace

void init_native_function_type(Runtime& rt) {
  ObjType* t = rt.types.builtin_function;
  t->tp_repr = native_repr;
  t->tp_hash = native_hash;
  t->tp_richcompare = native_richcompare;
  t->tp_call = native_call;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = native_attribute;
  t->is_final = true;
}

}  // namespace gil
