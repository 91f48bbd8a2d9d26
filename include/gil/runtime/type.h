// Type objects: what every value's behaviour is looked up in.
//
// Every MiniPy value has a type, and every type is an ObjType carrying a
// table of slots, as CPython's PyTypeObject carries tp_* and nb_* slots and a
// Lua value its metatable. The interpreter never asks "is this a list?" to
// decide what an operation does: it calls the slot of the operand's type.
// Built-in types fill their slots with C++ functions; a class written in
// Python fills the same slots with wrappers that call its dunder methods
// (typeobject.cc, after CPython's slotdefs), so built-in and user-defined
// types dispatch the same way. The VM keeps inline fast paths for int, float
// and str; everything else goes through here.
//
// Conventions shared by the slots:
// - An empty Value (Value()) returned by a binary or comparison slot means
//   NotImplemented: the caller then tries the reflected operation.
// - A null slot means the operation is not supported; the caller raises
//   CPython's TypeError for it.
// - tp_getattro returns an empty Value when the attribute does not exist,
//   without raising, so that __getattr__ and getattr(o, n, default) are
//   cheap; the caller raises AttributeError.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gil/language/operators.h"
#include "gil/runtime/object.h"

namespace gil {

struct Runtime;

// Called for each reference a container holds (tp_traverse).
using VisitFn = void (*)(const Value& referent, void* arg);

// The number slots (CPython's PyNumberMethods). A binary slot is called with
// the operands in source order, whichever of them has the type: `1 + x` calls
// type(x)'s Add slot with (1, x) when int's slot declined.
struct NumberSlots {
  Value (*binary[kBinaryOpCount])(ThreadState& ts, const Value& a, const Value& b) = {};
  // `a op= b`; null: fall back to the binary slot.
  Value (*inplace[kBinaryOpCount])(ThreadState& ts, const Value& a, const Value& b) = {};
  Value (*negative)(ThreadState& ts, const Value& a) = nullptr;
  Value (*positive)(ThreadState& ts, const Value& a) = nullptr;
  Value (*invert)(ThreadState& ts, const Value& a) = nullptr;
  Value (*absolute)(ThreadState& ts, const Value& a) = nullptr;
};

struct ObjType : Obj {
  // [rt] makes the namespace dict.
  ObjType(Runtime& rt, std::string n, ObjType* b);
  ~ObjType() override;

  // The name (`int`, `Point`) and, for classes, the dotted path within the
  // module (`Outer.Inner`) and the module's name.
  std::string name;
  std::string qualname;
  std::string module_name = "builtins";
  // The first base, or null for object.
  ObjType* base;
  // Every base as written in the class statement (one for built-in types).
  std::vector<ObjType*> bases;
  // The method resolution order, this type first (C3 linearisation).
  std::vector<ObjType*> mro;
  // The namespace: methods, class attributes, descriptors (an ObjDict keyed
  // by str). Guarded by the GIL.
  Value dict;
  // True for BaseException and its subclasses (their instances are
  // ObjException).
  bool is_exception = false;
  // True for the types a class may not derive from (bool, NoneType).
  bool is_final = false;
  // True for a type made by a class statement (its slots may call Python).
  bool is_heap_type = false;
  // Instances of a class have a __dict__.
  bool instances_have_dict = false;
  // Bumped whenever this type's namespace, or a base's, changes, so caches
  // keyed on it can tell they are stale.
  uint64_t version = 0;

  // ---- Lifecycle ----
  // A built-in type's constructor, for `int(x)`, `list(xs)`: tp_new without
  // the type argument. A class deriving from the type gets the object it
  // makes, with the class as its type.
  NativeFn construct = nullptr;
  // Constructs an instance: `type(args)` calls tp_new, then tp_init when the
  // result is an instance of the type. tp_new receives the type being made
  // (a subclass when inherited).
  Value (*tp_new)(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) = nullptr;
  void (*tp_init)(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) = nullptr;
  // Visits every Value the object holds; clears them (breaking cycles).
  // Null for objects that hold no references (str, bytes, range).
  void (*tp_traverse)(Obj* self, VisitFn visit, void* arg) = nullptr;
  void (*tp_clear)(Obj* self) = nullptr;
  // PEP 442's finalizer (a class's __del__): run once per object, when its
  // count reaches zero or when the cycle collector finds it unreachable.
  // Reports its own exceptions as unraisable.
  void (*tp_finalize)(ThreadState& ts, const Value& self) = nullptr;

  // ---- Text ----
  void (*tp_repr)(ThreadState& ts, const Value& self, std::string& out) = nullptr;
  // Null: tp_repr.
  void (*tp_str)(ThreadState& ts, const Value& self, std::string& out) = nullptr;

  // ---- Comparison and hashing ----
  // One of Eq, NotEq, Lt, LtE, Gt, GtE; an empty result is NotImplemented.
  Value (*tp_richcompare)(ThreadState& ts, const Value& a, const Value& b, CompareOp op) = nullptr;
  // Null: unhashable.
  uint64_t (*tp_hash)(ThreadState& ts, const Value& self) = nullptr;

  // ---- Truth, size and items ----
  // Null: tp_len decides, else always true.
  bool (*tp_bool)(ThreadState& ts, const Value& self) = nullptr;
  int64_t (*tp_len)(ThreadState& ts, const Value& self) = nullptr;
  Value (*tp_getitem)(ThreadState& ts, const Value& self, const Value& key) = nullptr;
  void (*tp_setitem)(ThreadState& ts, const Value& self, const Value& key, const Value& value) = nullptr;
  void (*tp_delitem)(ThreadState& ts, const Value& self, const Value& key) = nullptr;
  // Null: iterate and compare.
  bool (*tp_contains)(ThreadState& ts, const Value& self, const Value& item) = nullptr;

  // ---- Iteration ----
  Value (*tp_iter)(ThreadState& ts, const Value& self) = nullptr;
  // False when exhausted.
  bool (*tp_iternext)(ThreadState& ts, const Value& self, Value& out) = nullptr;

  // ---- Calls and attributes ----
  Value (*tp_call)(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) = nullptr;
  Value (*tp_getattro)(ThreadState& ts, const Value& self, ObjStr* name) = nullptr;
  // [value] empty: delete the attribute.
  void (*tp_setattro)(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) = nullptr;
  // A descriptor found in a class: [obj] is empty when it was looked up on
  // the class itself.
  Value (*tp_descr_get)(ThreadState& ts, const Value& descr, const Value& obj, ObjType* owner) = nullptr;
  // [value] empty: delete.
  void (*tp_descr_set)(ThreadState& ts, const Value& descr, const Value& obj, const Value& value) = nullptr;

  // ---- Numbers ----
  NumberSlots nb;

  // Extra attribute hooks for built-in types whose instances carry data
  // attributes (Thread.name): get returns Empty when there is no such
  // attribute; set returns false when the attribute cannot be set.
  Value (*get_attribute)(ThreadState& ts, const Value& self, ObjStr* name) = nullptr;
  bool (*set_attribute)(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) = nullptr;

  // Whether this type is [other] or derives from it.
  bool is_subtype_of(const ObjType* other) const;
  // The value [name] (interned) has in the first type of the MRO that
  // defines it, or null. Answered from the type's lookup cache when [name]
  // was asked before, as CPython's method cache answers _PyType_Lookup.
  const Value* lookup(ObjStr* name) const {
    if (!lookup_cache_.empty()) {
      size_t mask = lookup_cache_.size() - 1;
      for (size_t i = cache_slot(name, mask);; i = (i + 1) & mask) {
        const CachedLookup& c = lookup_cache_[i];
        if (c.name == name) return c.found;
        if (!c.name) break;
      }
    }
    return lookup_and_remember(name);
  }
  // Forgets every cached lookup (the namespace of this type or of a type in
  // its MRO changed shape).
  void clear_lookup_cache() const;
  // The same, in this type's own namespace only.
  const Value* own(ObjStr* name) const;
  // Old name of lookup(), kept for the built-in modules.
  const Value* find_method(ObjStr* name) const { return lookup(name); }

  // The classes deriving directly from this one (CPython's tp_subclasses),
  // so that a change here reaches the caches below.
  std::vector<ObjType*> subclasses;

 private:
  // The lookup cache: an open-addressing table (linear probing, at most
  // half full) of interned names and what lookup() found for them, a null
  // [found] included. [found] points into the namespace dict of a type in
  // the MRO, so the invariant is: no cached entry survives a change of
  // shape (insertion, deletion, compaction) of any of those dicts. Each
  // namespace dict knows its type (ObjDict::namespace_of) and dict.cc calls
  // type_modified() on every such change. Assigning a new value to an
  // existing key keeps the entry's address, and the cache then sees the new
  // value. Guarded by the GIL.
  struct CachedLookup {
    ObjStr* name;
    const Value* found;
  };
  static size_t cache_slot(const ObjStr* name, size_t mask) {
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(name) * 0x9E3779B97F4A7C15ull) >> 40) & mask;
  }
  const Value* lookup_and_remember(ObjStr* name) const;
  const Value* lookup_uncached(ObjStr* name) const;
  mutable std::vector<CachedLookup> lookup_cache_;
  mutable size_t lookup_cache_used_ = 0;
};

// A built-in type of [rt] named [name] deriving from [base] (null: none),
// constructed by [construct]. The one way every layer makes a built-in
// type: it is immortal and owned by the Runtime, inherits its base's slots
// and starts with an empty namespace.
ObjType* new_type(Runtime& rt, std::string name, ObjType* base, NativeFn construct = nullptr);

// Binds [name] in [type]'s namespace (a method, a class attribute).
void type_set(Runtime& rt, ObjType* type, std::string_view name, Value value);

// [type]'s namespace changed shape: bumps the version of [type] and of every
// class deriving from it and drops their cached lookups.
void type_modified(ObjType* type);

// Copies every slot [type] does not set from [base] (CPython's inherit_slots).
void inherit_slots(ObjType* type, const ObjType* base);

// The C3 linearisation of [type] given its bases; TypeError when the bases
// admit none.
std::vector<ObjType*> compute_mro(ThreadState& ts, ObjType* type);

// The class statement's last step: a new type named [name] with [bases]
// (an ObjTuple of types) and the namespace [ns] (an ObjDict) the class body
// built. Fills the slots from the dunder methods in the MRO.
Value make_class(ThreadState& ts, const std::string& name, const Value& bases, const Value& ns);

// The function written in Python that `a op b` would call first for an [a]
// of class [ta] and a [b] of type [tb], when calling it is all binary_op
// would do before looking at its result; null otherwise. The eval loop then
// runs it as a frame of its own and, only when it returns NotImplemented,
// calls binary_op_after_forward, which does the rest of what binary_op does
// (the reflected method, then CPython's TypeError).
ObjFunction* inlinable_binary_dunder(ThreadState& ts, BinaryOp op, bool in_place, ObjType* ta, ObjType* tb);
Value binary_op_after_forward(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place);

// After `Class.__dunder__ = f` (or del): refreshes the slot the name drives,
// in [type] and its subclasses.
void update_slot(ThreadState& ts, ObjType* type, ObjStr* name);

// The instance dict of [self] (an ObjDict, or Empty until first used), or
// null when its kind has none.
Value* instance_dict(const Value& self);

// [base], a new object of a built-in type, as an instance of the class [t]
// deriving from it: for list, tuple, dict, str (sets are made so by their
// tp_new) a fresh object with room for an instance dict, holding [base]'s
// contents, so that a shared tuple or str is never retyped; other objects
// get [t] as their type; inline values are returned as they are.
Value make_subclass_instance(ThreadState& ts, ObjType* t, Value base);
// The instance dict slot of an object made by make_subclass_instance or of
// a set of a class, or null for any other object.
Value* subclass_instance_dict(Obj* o);
// The built-in type whose layout instances of [t] have (list for a class
// deriving from a class deriving from list), or object.
ObjType* solid_base(ObjType* t);
// Gives a class whose instances are WithDict<...> the tp_traverse and
// tp_clear that also visit and drop the instance dict.
void set_subclass_gc_slots(Runtime& rt, ObjType* t);

// object's generic attribute lookup (PyObject_GenericGetAttr): data
// descriptors of the type, then the instance dict, then other class
// attributes (bound through their tp_descr_get). Empty when absent.
Value generic_getattr(ThreadState& ts, const Value& self, ObjStr* name);
// object's generic assignment: a data descriptor's setter, else the
// instance dict; AttributeError when the object has neither.
void generic_setattr(ThreadState& ts, const Value& self, ObjStr* name, const Value& value);

// CPython's add_operators: puts a slot wrapper (`int.__add__`) in
// [type]'s namespace for each slot the type has of its own and whose dunder
// the namespace lacks (slot_wrappers.cc).
void add_operators(Runtime& rt, ObjType* type);
// Makes the wrapper types and runs add_operators on every built-in type
// made so far.
void install_slot_wrappers(Runtime& rt);

// Installs object, type and the descriptor types (staticmethod,
// classmethod, property, super) and NotImplemented on [rt].
void install_type_machinery(Runtime& rt);

// Calls [method], found in type(self)'s MRO, as a method of [self]: [args]
// holds self, then the arguments. Functions are called directly (no bound
// method is made); other descriptors are bound first.
Value call_method_value(ThreadState& ts, const Value& method, const Value& self, Value* args, int argc,
                        ObjTuple* kwnames = nullptr);

}  // namespace gil
