// Slot wrappers: a built-in type's slots seen as dunder methods, as
// CPython's add_operators() puts them in a static type's namespace.
//
// `(5).__add__(3)`, `int.__add__(a, b)`, `list.__iter__` and `object.__lt__`
// are wrapper descriptors: ObjNatives whose call runs one C++ slot of the
// type that owns them ([owner]), whatever the class of self. That is what
// lets a class deriving from int call `int.__add__(self, other)` from its
// own __add__ without coming back to itself, and what makes `x.__lt__(y)`
// return NotImplemented where the operator would try the reflected side.
//
// The wrappers are for programs only: the interpreter's own operations
// still call the slots directly, and typeobject.cc keeps treating a native
// dunder as "the slot the type inherited", so a class inheriting one of
// these keeps the C++ slot.
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace gil {
namespace {

// What kind of slot a wrapper stands for; the wrapper's [slot] then picks
// the operator (binary ops) or comparison.
enum Kind : int {
  kBinary, kReflected, kInPlace, kCompare, kNegative, kPositive, kInvert, kAbsolute, kRepr, kStr, kHash, kBool,
  kLen, kGetItem, kSetItem, kDelItem, kContains, kIter, kNext
};

// The dunder names of the binary operators, in BinaryOp's order.
const char* const kBinaryNames[kBinaryOpCount] = {"add",    "sub",    "mul", "truediv", "floordiv",
                                                  "mod",    "pow",    "matmul", "lshift", "rshift",
                                                  "and",    "xor",    "or"};
const char* const kCompareNames[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};

// How many arguments after self each kind takes.
int arity(int kind) {
  switch (kind) {
    case kBinary: case kReflected: case kInPlace: case kCompare: case kGetItem: case kDelItem: case kContains:
      return 1;
    case kSetItem: return 2;
    default: return 0;
  }
}

Value or_not_implemented(ThreadState& ts, Value v) { return v.is_empty() ? ts.rt.not_implemented : v; }

// Runs [owner]'s slot; [slot] packs the kind and the operator.
Value call_slot(ThreadState& ts, ObjType* owner, int slot, Value* args, int argc) {
  int kind = slot >> 8, which = slot & 0xFF;
  int want = arity(kind);
  if (argc - 1 != want)
    raise(ts, ts.rt.types.TypeError,
          "expected " + std::to_string(want) + " argument" + (want == 1 ? "" : "s") + ", got " +
              std::to_string(argc - 1));
  const Value& self = args[0];
  switch (kind) {
    case kBinary: return or_not_implemented(ts, owner->nb.binary[which](ts, self, args[1]));
    // The slots take the operands in source order: `o + self`.
    case kReflected: return or_not_implemented(ts, owner->nb.binary[which](ts, args[1], self));
    case kInPlace: return or_not_implemented(ts, owner->nb.inplace[which](ts, self, args[1]));
    case kCompare:
      return or_not_implemented(ts, owner->tp_richcompare(ts, self, args[1], static_cast<CompareOp>(which)));
    case kNegative: return owner->nb.negative(ts, self);
    case kPositive: return owner->nb.positive(ts, self);
    case kInvert: return owner->nb.invert(ts, self);
    case kAbsolute: return owner->nb.absolute(ts, self);
    case kRepr: {
      std::string out;
      owner->tp_repr(ts, self, out);
      return make_str(std::move(out));
    }
    case kStr: {
      std::string out;
      owner->tp_str(ts, self, out);
      return make_str(std::move(out));
    }
    case kHash: {
      // As hash() shows it: CPython never returns -1 from a hash.
      auto h = static_cast<int64_t>(owner->tp_hash(ts, self));
      return Value::integer(h == -1 ? -2 : h);
    }
    case kBool: return Value::boolean(owner->tp_bool(ts, self));
    case kLen: return Value::integer(owner->tp_len(ts, self));
    case kGetItem: return owner->tp_getitem(ts, self, args[1]);
    case kSetItem: owner->tp_setitem(ts, self, args[1], args[2]); return Value::none();
    case kDelItem: owner->tp_delitem(ts, self, args[1]); return Value::none();
    case kContains: return Value::boolean(owner->tp_contains(ts, self, args[1]));
    case kIter: return owner->tp_iter(ts, self);
    case kNext: {
      Value out;
      if (!owner->tp_iternext(ts, self, out)) raise_value(construct_exception(ts, ts.rt.types.StopIteration, nullptr, 0, nullptr));
      return out;
    }
  }
  return Value::none();
}

// One row of the table: the dunder, its kind and operator, and whether
// [t] has the slot.
struct Row {
  std::string name;
  int kind;
  int which;
  // The slot's value in [t], to tell its own slot from an inherited one.
  const void* (*slot_of)(const ObjType* t, int which);
};

template <typename F>
const void* ptr(F f) {
  return reinterpret_cast<const void*>(f);
}

std::vector<Row> slot_rows() {
  std::vector<Row> rows;
  auto add = [&](std::string name, int kind, int which, const void* (*slot_of)(const ObjType*, int)) {
    rows.push_back({std::move(name), kind, which, slot_of});
  };
  add("__repr__", kRepr, 0, [](const ObjType* t, int) { return ptr(t->tp_repr); });
  add("__str__", kStr, 0, [](const ObjType* t, int) { return ptr(t->tp_str); });
  add("__hash__", kHash, 0, [](const ObjType* t, int) { return ptr(t->tp_hash); });
  for (int op = 0; op < 6; ++op)
    add(kCompareNames[op], kCompare, op, [](const ObjType* t, int) { return ptr(t->tp_richcompare); });
  add("__bool__", kBool, 0, [](const ObjType* t, int) { return ptr(t->tp_bool); });
  add("__len__", kLen, 0, [](const ObjType* t, int) { return ptr(t->tp_len); });
  add("__getitem__", kGetItem, 0, [](const ObjType* t, int) { return ptr(t->tp_getitem); });
  add("__setitem__", kSetItem, 0, [](const ObjType* t, int) { return ptr(t->tp_setitem); });
  add("__delitem__", kDelItem, 0, [](const ObjType* t, int) { return ptr(t->tp_delitem); });
  add("__contains__", kContains, 0, [](const ObjType* t, int) { return ptr(t->tp_contains); });
  add("__iter__", kIter, 0, [](const ObjType* t, int) { return ptr(t->tp_iter); });
  add("__next__", kNext, 0, [](const ObjType* t, int) { return ptr(t->tp_iternext); });
  add("__neg__", kNegative, 0, [](const ObjType* t, int) { return ptr(t->nb.negative); });
  add("__pos__", kPositive, 0, [](const ObjType* t, int) { return ptr(t->nb.positive); });
  add("__invert__", kInvert, 0, [](const ObjType* t, int) { return ptr(t->nb.invert); });
  add("__abs__", kAbsolute, 0, [](const ObjType* t, int) { return ptr(t->nb.absolute); });
  for (int op = 0; op < kBinaryOpCount; ++op) {
    std::string n = kBinaryNames[op];
    auto binary = [](const ObjType* t, int which) { return ptr(t->nb.binary[which]); };
    add("__" + n + "__", kBinary, op, binary);
    add("__r" + n + "__", kReflected, op, binary);
    add("__i" + n + "__", kInPlace, op, [](const ObjType* t, int which) { return ptr(t->nb.inplace[which]); });
  }
  return rows;
}

// The first rounds' types: their namespaces list exactly CPython 3.11's
// dunders (vars(int) and friends), not one wrapper for each slot they fill
// (their slots once were catch-alls shared by every built-in type).
struct KnownDunders {
  const char* type;
  const char* dunders;
};
const KnownDunders kKnown[] = {
    {"int",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ __neg__ __pos__ __abs__ __invert__ "
     "__add__ __radd__ __sub__ __rsub__ __mul__ __rmul__ __truediv__ __rtruediv__ __floordiv__ __rfloordiv__ "
     "__mod__ __rmod__ __pow__ __rpow__ __lshift__ __rlshift__ __rshift__ __rrshift__ __and__ __rand__ __xor__ "
     "__rxor__ __or__ __ror__"},
    {"bool", "__repr__ __and__ __rand__ __xor__ __rxor__ __or__ __ror__"},
    {"float",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ __neg__ __pos__ __abs__ __add__ "
     "__radd__ __sub__ __rsub__ __mul__ __rmul__ __truediv__ __rtruediv__ __floordiv__ __rfloordiv__ __mod__ "
     "__rmod__ __pow__ __rpow__"},
    {"str",
     "__repr__ __str__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __getitem__ __contains__ "
     "__iter__ __add__ __mul__ __rmul__ __mod__ __rmod__"},
    {"bytes",
     "__repr__ __str__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __getitem__ __contains__ "
     "__iter__ __add__ __mul__ __rmul__ __mod__ __rmod__"},
    {"list",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __getitem__ __setitem__ __delitem__ "
     "__contains__ __iter__ __add__ __iadd__ __mul__ __rmul__ __imul__"},
    {"tuple",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __getitem__ __contains__ __iter__ "
     "__add__ __mul__ __rmul__"},
    {"dict",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __getitem__ __setitem__ __delitem__ "
     "__contains__ __iter__ __or__ __ror__ __ior__"},
    {"dict_keys", "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __contains__ __iter__"},
    {"dict_values", "__repr__ __len__ __iter__"},
    {"dict_items", "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __len__ __contains__ __iter__"},
    {"range",
     "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ __len__ __getitem__ __contains__ "
     "__iter__"},
    {"iterator", "__iter__ __next__"},
    {"builtin_function_or_method", "__repr__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__"},
    {"NoneType", "__repr__ __bool__"},
};

const char* known_dunders(Runtime& rt, const ObjType* t) {
  const BuiltinTypes& b = rt.types;
  const ObjType* first_rounds[] = {b.int_,      b.bool_,       b.float_,     b.str,   b.bytes,
                                   b.list,      b.tuple,       b.dict,       b.dict_keys, b.dict_values,
                                   b.dict_items, b.range,      b.iterator,   b.builtin_function, b.none};
  for (const ObjType* f : first_rounds)
    if (f == t)
      for (const KnownDunders& k : kKnown)
        if (t->name == k.type) return k.dunders;
  return nullptr;
}

bool listed(const char* dunders, const std::string& name) {
  for (const char* p = std::strstr(dunders, name.c_str()); p; p = std::strstr(p + 1, name.c_str())) {
    bool starts = p == dunders || p[-1] == ' ';
    bool ends = p[name.size()] == '\0' || p[name.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

std::string address_text(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(p)));
  return buf;
}

void wrapper_descriptor_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* n = as<ObjNative>(self);
  out += "<slot wrapper '" + n->name + "' of '" + n->owner->name + "' objects>";
}

void method_wrapper_repr(ThreadState& ts, const Value& self, std::string& out) {
  auto* m = as<ObjBoundMethod>(self);
  out += "<method-wrapper '" + as<ObjNative>(m->method)->name + "' of " + std::string(type_name(ts, m->self)) +
         " object at " + address_text(m->self.is_obj() ? static_cast<const void*>(m->self.as_obj())
                                                       : static_cast<const void*>(m)) +
         ">";
}

}  // namespace

void add_operators(Runtime& rt, ObjType* t) {
  static const std::vector<Row> rows = slot_rows();
  const char* known = known_dunders(rt, t);
  for (const Row& row : rows) {
    ObjStr* name = rt.intern(row.name);
    if (t->own(name)) continue;
    const void* mine = row.slot_of(t, row.which);
    if (known) {
      if (!listed(known, row.name)) continue;
      // CPython's types that cannot be hashed say so in their namespace.
      if (row.kind == kHash && !mine) {
        type_set(rt, t, row.name, Value::none());
        continue;
      }
    } else if (t->base && mine == row.slot_of(t->base, row.which)) {
      continue;  // inherited: found through the MRO, as in CPython
    }
    if (!mine) continue;
    auto* n = new ObjNative(row.name, nullptr);
    n->owner = t;
    n->wrapper = call_slot;
    n->slot = row.kind << 8 | row.which;
    n->type = rt.types.wrapper_descriptor;
    type_set(rt, t, row.name, Value::adopt(n));
  }
}

void install_slot_wrappers(Runtime& rt) {
  BuiltinTypes& b = rt.types;
  b.wrapper_descriptor = new_type(rt, "wrapper_descriptor", b.object);
  inherit_slots(b.wrapper_descriptor, b.builtin_function);
  b.wrapper_descriptor->tp_repr = wrapper_descriptor_repr;
  // new_type gave it object's identity comparison; each `int.__add__` is a
  // new unbound copy, which the natives' comparison knows to be equal.
  b.wrapper_descriptor->tp_richcompare = b.builtin_function->tp_richcompare;
  b.wrapper_descriptor->tp_hash = b.builtin_function->tp_hash;
  b.method_wrapper = new_type(rt, "method-wrapper", b.object);
  inherit_slots(b.method_wrapper, b.builtin_method);
  b.method_wrapper->tp_repr = method_wrapper_repr;
  // A bound method: new_type gave it object's traversal, which sees nothing.
  b.method_wrapper->tp_traverse = b.builtin_method->tp_traverse;
  b.method_wrapper->tp_clear = b.builtin_method->tp_clear;
  for (ObjType* t : {b.wrapper_descriptor, b.method_wrapper}) t->is_final = true;
  // Every built-in type made so far. The types of the threading and
  // multiprocessing modules, made later, have none yet.
  std::vector<ObjType*> types = rt.owned_types;
  for (ObjType* t : types)
    if (!t->is_heap_type) add_operators(rt, t);
}

}  // namespace gil