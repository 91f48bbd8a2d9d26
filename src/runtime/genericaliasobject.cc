// `list[int]` and `int | None`: the objects annotations are made of, after
// CPython's Objects/genericaliasobject.c and Objects/unionobject.c.
//
// Subscripting a built-in container type (list, dict, tuple, set,
// frozenset, type) gives a types.GenericAlias; `|` between types (or None,
// or such objects) gives a types.UnionType. Both are instances whose dict
// holds __origin__ and __args__, so attribute access needs nothing of its
// own; they print as typing does, compare by origin and arguments, and a
// GenericAlias called makes its origin (list[int]() is []).
#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

Value new_alias(ThreadState& ts, ObjType* type, const Value& origin, Value args) {
  Value dict = make<ObjDict>(ts);
  auto* d = as<ObjDict>(dict);
  if (!origin.is_empty()) dict_set(ts, d, Value::borrow(ts.rt.intern("__origin__")), origin);
  dict_set(ts, d, Value::borrow(ts.rt.intern("__args__")), std::move(args));
  dict_set(ts, d, Value::borrow(ts.rt.intern("__parameters__")), ts.rt.empty_tuple);
  return Value::adopt(new_object<ObjInstance>(ts, type, std::move(dict)));
}

Value alias_field(ThreadState& ts, const Value& alias, const char* name) {
  return get_attr(ts, alias, ts.rt.intern(name));
}

// One argument as typing prints it: a class by its qualified name (with its
// module unless builtins), `...` and None by their names, else repr().
void append_argument(ThreadState& ts, const Value& v, std::string& out) {
  if (identical(v, ts.rt.ellipsis)) {
    out += "...";
  } else if (is_kind(v, ObjKind::Type) && v.as_obj() == ts.rt.types.none) {
    out += "None";
  } else if (is_kind(v, ObjKind::Type)) {
    std::string module = str(ts, alias_field(ts, v, "__module__"));
    std::string qualname = str(ts, alias_field(ts, v, "__qualname__"));
    out += module == "builtins" ? qualname : module + "." + qualname;
  } else {
    out += repr(ts, v);
  }
}

void generic_alias_repr(ThreadState& ts, const Value& self, std::string& out) {
  append_argument(ts, alias_field(ts, self, "__origin__"), out);
  out += '[';
  auto& args = as<ObjTuple>(alias_field(ts, self, "__args__"))->items;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    append_argument(ts, args[i], out);
  }
  if (args.empty()) out += "()";  // tuple[()]
  out += ']';
}

void union_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto& args = as<ObjTuple>(alias_field(ts, self, "__args__"))->items;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += " | ";
    append_argument(ts, args[i], out);
  }
}

// Whether every member of [a] is among [b]'s.
bool members_within(ThreadState& ts, const std::vector<Value>& a, const std::vector<Value>& b) {
  for (auto& x : a) {
    bool found = false;
    for (auto& y : b) found = found || equals(ts, x, y);
    if (!found) return false;
  }
  return true;
}

// A GenericAlias equals one with the same origin and arguments; a union
// one with the same members in any order (int | str == str | int).
Value alias_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::NotEq) || type_of(ts, a) != type_of(ts, b)) return Value();
  Value args_a = alias_field(ts, a, "__args__"), args_b = alias_field(ts, b, "__args__");
  bool same;
  if (type_of(ts, a) == ts.rt.types.GenericAlias) {
    same = equals(ts, alias_field(ts, a, "__origin__"), alias_field(ts, b, "__origin__")) &&
           equals(ts, args_a, args_b);
  } else {
    auto& x = as<ObjTuple>(args_a)->items;
    auto& y = as<ObjTuple>(args_b)->items;
    same = members_within(ts, x, y) && members_within(ts, y, x);
  }
  return Value::boolean(same == (op == CompareOp::Eq));
}

uint64_t alias_hash(ThreadState& ts, const Value& self) {
  Value args = alias_field(ts, self, "__args__");
  if (type_of(ts, self) == ts.rt.types.GenericAlias)
    return hash_value(ts, args) ^ hash_value(ts, alias_field(ts, self, "__origin__"));
  uint64_t h = 0;  // independent of the members' order
  for (auto& m : as<ObjTuple>(args)->items) h ^= hash_value(ts, m);
  return h;
}

Value generic_alias_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  return call(ts, alias_field(ts, self, "__origin__"), args, argc, kwnames);
}

// cls[args]: the __class_getitem__ of the built-in containers.
Value class_getitem(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "__class_getitem__", argc, 2, 2);
  Value params = is_tuple(args[1]) ? args[1] : make_tuple(ts, {args[1]});
  return new_alias(ts, ts.rt.types.GenericAlias, args[0], std::move(params));
}

// What may stand on either side of `|` in a type expression.
bool is_unionable(ThreadState& ts, const Value& v) {
  ObjType* t = type_of(ts, v);
  return v.is_none() || is_kind(v, ObjKind::Type) || t == ts.rt.types.GenericAlias || t == ts.rt.types.UnionType;
}

// X | Y between types: a UnionType of their arguments, flattened and
// without duplicates; None stands for NoneType.
Value type_or(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_unionable(ts, a) || !is_unionable(ts, b)) return Value();
  std::vector<Value> members;
  auto add = [&](const Value& v) {
    if (type_of(ts, v) == ts.rt.types.UnionType) {
      for (auto& m : as<ObjTuple>(alias_field(ts, v, "__args__"))->items) members.push_back(m);
      return;
    }
    members.push_back(v.is_none() ? Value::borrow(ts.rt.types.none) : v);
  };
  add(a);
  add(b);
  std::vector<Value> unique;
  for (auto& m : members) {
    bool seen = false;
    for (auto& u : unique) seen = seen || equals(ts, u, m);
    if (!seen) unique.push_back(m);
  }
  if (unique.size() == 1) return unique[0];
  return new_alias(ts, ts.rt.types.UnionType, Value(), make_tuple(ts, std::move(unique)));
}

}  // namespace

void init_generic_alias_types(Runtime& rt) {
  auto& t = rt.types;
  t.GenericAlias = new_type(rt, "GenericAlias", t.object);
  t.GenericAlias->tp_repr = generic_alias_repr;
  t.GenericAlias->tp_richcompare = alias_richcompare;
  t.GenericAlias->tp_hash = alias_hash;
  t.GenericAlias->tp_call = generic_alias_call;
  t.GenericAlias->is_final = true;
  t.UnionType = new_type(rt, "UnionType", t.object);
  t.UnionType->tp_repr = union_repr;
  t.UnionType->tp_richcompare = alias_richcompare;
  t.UnionType->tp_hash = alias_hash;
  t.UnionType->is_final = true;
  for (ObjType* container : {t.list, t.dict, t.tuple, t.set, t.frozenset, t.type})
    add_method(rt, container, "__class_getitem__", class_getitem);
  for (ObjType* operand : {t.type, t.GenericAlias, t.UnionType}) {
    operand->nb.binary[static_cast<int>(BinaryOp::Or)] = type_or;
  }
}

}  // namespace gil
