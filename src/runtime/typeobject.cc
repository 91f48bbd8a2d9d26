// Types and classes: the namespace and MRO of a type, slot inheritance, the
// class statement, and the slots a class fills from its dunder methods.
//
// A class written in Python gets its slots from a table (kSlotDefs, after
// CPython's slotdefs in Objects/typeobject.c): each row names a dunder
// method and the slot it drives. When a class is made, or a dunder is set on
// it later, every row whose method the MRO defines points its slot at a
// wrapper that looks the method up and calls it. Rows whose method is absent
// leave the slot inherited from the base. So `a + b` on instances runs the
// same code path as on ints: the Add slot, which here calls __add__ (or,
// for the right operand, __radd__).
#include "gil/runtime/type.h"

#include <algorithm>
#include <array>
#include <utility>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/vm.h"

namespace gil {

// ---- The type object ----------------------------------------------------------

ObjType::ObjType(Runtime& rt, std::string n, ObjType* b) : Obj(ObjKind::Type), name(std::move(n)), base(b) {
  qualname = name;
  if (b) bases.push_back(b);
  mro.push_back(this);
  if (b) mro.insert(mro.end(), b->mro.begin(), b->mro.end());
  dict = make<ObjDict>(rt);
  as<ObjDict>(dict)->namespace_of = this;
  if (b) b->subclasses.push_back(this);
}

ObjType::~ObjType() {
  if (is_dict(dict)) as<ObjDict>(dict)->namespace_of = nullptr;
}

bool ObjType::is_subtype_of(const ObjType* other) const {
  if (this == other) return true;
  for (const ObjType* t : mro)
    if (t == other) return true;
  return false;
}

const Value* ObjType::own(ObjStr* name) const { return dict_find_str(as<ObjDict>(dict), name); }

const Value* ObjType::lookup_uncached(ObjStr* name) const {
  for (const ObjType* t : mro)
    if (const Value* v = t->own(name)) return v;
  return nullptr;
}

const Value* ObjType::lookup_and_remember(ObjStr* name) const {
  const Value* found = lookup_uncached(name);
  // Only interned names: another str could later live at a freed one's
  // address.
  if (!name->interned) return found;
  if ((lookup_cache_used_ + 1) * 2 > lookup_cache_.size()) {
    std::vector<CachedLookup> old = std::move(lookup_cache_);
    lookup_cache_.assign(old.empty() ? 16 : old.size() * 2, CachedLookup{nullptr, nullptr});
    lookup_cache_used_ = 0;
    for (const CachedLookup& c : old)
      if (c.name) {
        size_t mask = lookup_cache_.size() - 1;
        size_t i = cache_slot(c.name, mask);
        while (lookup_cache_[i].name) i = (i + 1) & mask;
        lookup_cache_[i] = c;
        ++lookup_cache_used_;
      }
  }
  size_t mask = lookup_cache_.size() - 1;
  size_t i = cache_slot(name, mask);
  while (lookup_cache_[i].name) i = (i + 1) & mask;
  lookup_cache_[i] = {name, found};
  ++lookup_cache_used_;
  return found;
}

void ObjType::clear_lookup_cache() const {
  lookup_cache_.clear();
  lookup_cache_used_ = 0;
}

void type_modified(ObjType* type) {
  ++type->version;
  type->clear_lookup_cache();
  for (ObjType* sub : type->subclasses) type_modified(sub);
}

ObjType* new_type(Runtime& rt, std::string name, ObjType* base, NativeFn construct) {
  auto* t = new_object<ObjType>(rt, rt, std::move(name), base);
  make_immortal(t);
  if (base) inherit_slots(t, base);
  t->construct = construct;
  t->is_exception = base && base->is_exception;
  rt.owned_types.push_back(t);
  return t;
}

void type_set(Runtime& rt, ObjType* type, std::string_view name, Value value) {
  dict_set_str(as<ObjDict>(type->dict), rt.intern(name), std::move(value));
  type_modified(type);
}

void inherit_slots(ObjType* type, const ObjType* base) {
#define GIL_INHERIT(slot) \
  if (!type->slot) type->slot = base->slot;
  GIL_INHERIT(tp_new)
  GIL_INHERIT(tp_init)
  GIL_INHERIT(tp_traverse)
  GIL_INHERIT(tp_clear)
  GIL_INHERIT(tp_finalize)
  GIL_INHERIT(tp_repr)
  GIL_INHERIT(tp_str)
  GIL_INHERIT(tp_richcompare)
  GIL_INHERIT(tp_hash)
  GIL_INHERIT(tp_bool)
  GIL_INHERIT(tp_len)
  GIL_INHERIT(tp_getitem)
  GIL_INHERIT(tp_setitem)
  GIL_INHERIT(tp_delitem)
  GIL_INHERIT(tp_contains)
  GIL_INHERIT(tp_iter)
  GIL_INHERIT(tp_iternext)
  GIL_INHERIT(tp_call)
  GIL_INHERIT(tp_getattro)
  GIL_INHERIT(tp_setattro)
  GIL_INHERIT(tp_descr_get)
  GIL_INHERIT(tp_descr_set)
  GIL_INHERIT(nb.negative)
  GIL_INHERIT(nb.positive)
  GIL_INHERIT(nb.invert)
  GIL_INHERIT(nb.absolute)
  GIL_INHERIT(get_attribute)
  GIL_INHERIT(set_attribute)
  GIL_INHERIT(construct)
#undef GIL_INHERIT
  for (int i = 0; i < kBinaryOpCount; ++i) {
    if (!type->nb.binary[i]) type->nb.binary[i] = base->nb.binary[i];
    if (!type->nb.inplace[i]) type->nb.inplace[i] = base->nb.inplace[i];
  }
}

// ---- C3 linearisation ----------------------------------------------------------

std::vector<ObjType*> compute_mro(ThreadState& ts, ObjType* type) {
  // Merge the bases' MROs and the list of bases: repeatedly take the first
  // head that appears in no other list's tail.
  std::vector<std::vector<ObjType*>> seqs;
  for (ObjType* b : type->bases) seqs.push_back(b->mro);
  seqs.push_back(type->bases);
  std::vector<ObjType*> result{type};
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return result;
    ObjType* head = nullptr;
    for (auto& s : seqs) {
      ObjType* candidate = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        if (std::find(other.begin() + 1, other.end(), candidate) != other.end()) in_tail = true;
      if (!in_tail) {
        head = candidate;
        break;
      }
    }
    if (!head) {
      std::string names;
      for (ObjType* b : type->bases) names += (names.empty() ? "" : ", ") + b->name;
      raise(ts, ts.rt.types.TypeError,
            "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
    }
    result.push_back(head);
    for (auto& s : seqs)
      if (s.front() == head) s.erase(s.begin());
  }
}

// ---- Slots that call dunder methods ----------------------------------------------

namespace {

// The method [name] of type(self), or null.
const Value* special(ThreadState& ts, const Value& self, const char* name) {
  return type_of(ts, self)->lookup(ts.rt.name(name));
}

// Calls the dunder [name] of type(self) with self and [args].
Value call_special(ThreadState& ts, const Value& self, const char* name, std::initializer_list<Value> args) {
  const Value* m = special(ts, self, name);
  if (!m) raise(ts, ts.rt.types.AttributeError, "'" + std::string(type_name(ts, self)) + "' object has no attribute '" + name + "'");
  Value argv[4];
  int argc = 0;
  argv[argc++] = self;
  for (const Value& a : args) argv[argc++] = a;
  return call_method_value(ts, *m, self, argv, argc);
}

// A NotImplemented result becomes the slots' empty Value.
Value or_not_implemented(ThreadState& ts, Value v) {
  if (v.is_obj() && v.as_obj() == ts.rt.not_implemented.as_obj()) return Value();
  return v;
}

// PEP 442's tp_finalize for a class with __del__ (CPython's
// slot_tp_finalize): an exception it raises is reported as unraisable,
// naming the __del__ function.
void slot_finalize(ThreadState& ts, const Value& self) {
  const Value* del = special(ts, self, "__del__");
  if (!del) return;
  Value method = *del;
  try {
    call_special(ts, self, "__del__", {});
  } catch (PyException& pe) {
    std::string where;
    try {
      where = repr(ts, method);
    } catch (PyException&) {
      where = "__del__";
    }
    print_unraisable(ts, pe.exception, where);
  }
}

void slot_repr(ThreadState& ts, const Value& self, std::string& out) {
  Value r = call_special(ts, self, "__repr__", {});
  if (!is_str(r))
    raise(ts, ts.rt.types.TypeError, "__repr__ returned non-string (type " + std::string(type_name(ts, r)) + ")");
  out += as<ObjStr>(r)->text;
}

void slot_str(ThreadState& ts, const Value& self, std::string& out) {
  Value r = call_special(ts, self, "__str__", {});
  if (!is_str(r))
    raise(ts, ts.rt.types.TypeError, "__str__ returned non-string (type " + std::string(type_name(ts, r)) + ")");
  out += as<ObjStr>(r)->text;
}

uint64_t slot_hash(ThreadState& ts, const Value& self) {
  Value r = call_special(ts, self, "__hash__", {});
  if (!r.is_intlike()) raise(ts, ts.rt.types.TypeError, "__hash__ method should return an integer");
  return hash_value(ts, r);
}

const char* const kCompareDunders[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};

Value slot_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  const char* name = kCompareDunders[static_cast<int>(op)];
  const Value* m = special(ts, a, name);
  if (!m) return Value();
  Value args[2] = {a, b};
  return or_not_implemented(ts, call_method_value(ts, *m, a, args, 2));
}

bool slot_bool(ThreadState& ts, const Value& self) {
  if (special(ts, self, "__bool__")) {
    Value r = call_special(ts, self, "__bool__", {});
    if (!r.is_bool())
      raise(ts, ts.rt.types.TypeError, "__bool__ should return bool, returned " + std::string(type_name(ts, r)));
    return r.as_bool();
  }
  return length(ts, self) != 0;
}

int64_t slot_len(ThreadState& ts, const Value& self) {
  Value r = call_special(ts, self, "__len__", {});
  if (!r.is_intlike())
    raise(ts, ts.rt.types.TypeError, "'" + std::string(type_name(ts, r)) + "' object cannot be interpreted as an integer");
  if (r.as_int() < 0) raise(ts, ts.rt.types.ValueError, "__len__() should return >= 0");
  return r.as_int();
}

Value slot_getitem(ThreadState& ts, const Value& self, const Value& key) {
  return call_special(ts, self, "__getitem__", {key});
}
void slot_setitem(ThreadState& ts, const Value& self, const Value& key, const Value& value) {
  call_special(ts, self, "__setitem__", {key, value});
}
void slot_delitem(ThreadState& ts, const Value& self, const Value& key) {
  call_special(ts, self, "__delitem__", {key});
}
bool slot_contains(ThreadState& ts, const Value& self, const Value& item) {
  return truthy(ts, call_special(ts, self, "__contains__", {item}));
}

Value slot_iter(ThreadState& ts, const Value& self) {
  Value it = call_special(ts, self, "__iter__", {});
  if (!type_of(ts, it)->tp_iternext)
    raise(ts, ts.rt.types.TypeError, "iter() returned non-iterator of type '" + std::string(type_name(ts, it)) + "'");
  return it;
}

bool slot_iternext(ThreadState& ts, const Value& self, Value& out) {
  try {
    out = call_special(ts, self, "__next__", {});
    return true;
  } catch (PyException& e) {
    if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.StopIteration)) throw;
    return false;
  }
}

Value slot_call(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  const Value* m = special(ts, self, "__call__");
  int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
  std::vector<Value> with_self;
  with_self.reserve(static_cast<size_t>(total) + 1);
  with_self.push_back(self);
  for (int i = 0; i < total; ++i) with_self.push_back(args[i]);
  return call(ts, *m, with_self.data(), argc + 1, kwnames);
}

// A __getattribute__ written in Python sees every read. Its AttributeError
// means "not found" when the class also has __getattr__, which then gets its
// turn (CPython's slot_tp_getattr_hook); otherwise it is the program's.
Value slot_getattro(ThreadState& ts, const Value& self, ObjStr* name) {
  try {
    return call_special(ts, self, "__getattribute__", {Value::borrow(name)});
  } catch (PyException& e) {
    if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.AttributeError) ||
        !special(ts, self, "__getattr__"))
      throw;
    return Value();
  }
}

void slot_setattro(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  if (value.is_empty()) {
    if (special(ts, self, "__delattr__")) {
      call_special(ts, self, "__delattr__", {Value::borrow(name)});
      return;
    }
  } else if (special(ts, self, "__setattr__")) {
    call_special(ts, self, "__setattr__", {Value::borrow(name), value});
    return;
  }
  generic_setattr(ts, self, name, value);
}

Value slot_descr_get(ThreadState& ts, const Value& descr, const Value& obj, ObjType* owner) {
  return call_special(ts, descr, "__get__", {obj.is_empty() ? Value::none() : obj, Value::borrow(owner)});
}

void slot_descr_set(ThreadState& ts, const Value& descr, const Value& obj, const Value& value) {
  if (value.is_empty())
    call_special(ts, descr, "__delete__", {obj});
  else
    call_special(ts, descr, "__set__", {obj, value});
}

Value slot_negative(ThreadState& ts, const Value& a) { return call_special(ts, a, "__neg__", {}); }
Value slot_positive(ThreadState& ts, const Value& a) { return call_special(ts, a, "__pos__", {}); }
Value slot_invert(ThreadState& ts, const Value& a) { return call_special(ts, a, "__invert__", {}); }
Value slot_absolute(ThreadState& ts, const Value& a) { return call_special(ts, a, "__abs__", {}); }

// The dunder names of each binary operator: forward, reflected, in-place.
struct BinaryDunders {
  const char* forward;
  const char* reflected;
  const char* in_place;
};
const BinaryDunders kBinaryDunders[kBinaryOpCount] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},          {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__lshift__", "__rlshift__", "__ilshift__"}, {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},          {"__xor__", "__rxor__", "__ixor__"},
    {"__or__", "__ror__", "__ior__"},
};

// CPython's SLOT1BINFULL: called with the operands in source order, it
// calls a's forward method when a has this slot, else b's reflected one.
template <BinaryOp Op>
Value slot_binary(ThreadState& ts, const Value& a, const Value& b) {
  const BinaryDunders& d = kBinaryDunders[static_cast<int>(Op)];
  ObjType* ta = type_of(ts, a);
  ObjType* tb = type_of(ts, b);
  bool do_other = tb != ta && tb->nb.binary[static_cast<int>(Op)] == &slot_binary<Op>;
  auto reflected = [&]() -> Value {
    const Value* m = tb->lookup(ts.rt.name(d.reflected));
    if (!m) return Value();
    Value args[2] = {b, a};
    return or_not_implemented(ts, call_method_value(ts, *m, b, args, 2));
  };
  if (ta->nb.binary[static_cast<int>(Op)] == &slot_binary<Op>) {
    // A subclass that overrides the reflected method goes first.
    if (do_other && tb->is_subtype_of(ta) && tb->lookup(ts.rt.name(d.reflected)) != ta->lookup(ts.rt.name(d.reflected))) {
      Value r = reflected();
      if (!r.is_empty()) return r;
      do_other = false;
    }
    if (const Value* m = ta->lookup(ts.rt.name(d.forward))) {
      Value args[2] = {a, b};
      Value r = or_not_implemented(ts, call_method_value(ts, *m, a, args, 2));
      if (!r.is_empty() || ta == tb) return r;
    }
  }
  return do_other ? reflected() : Value();
}

template <BinaryOp Op>
Value slot_inplace(ThreadState& ts, const Value& a, const Value& b) {
  const Value* m = type_of(ts, a)->lookup(ts.rt.name(kBinaryDunders[static_cast<int>(Op)].in_place));
  if (!m) return Value();
  Value args[2] = {a, b};
  return or_not_implemented(ts, call_method_value(ts, *m, a, args, 2));
}

template <size_t... I>
constexpr auto binary_slots(std::index_sequence<I...>) {
  using Fn = Value (*)(ThreadState&, const Value&, const Value&);
  return std::array<Fn, sizeof...(I)>{{&slot_binary<static_cast<BinaryOp>(I)>...}};
}
template <size_t... I>
constexpr auto inplace_slots(std::index_sequence<I...>) {
  using Fn = Value (*)(ThreadState&, const Value&, const Value&);
  return std::array<Fn, sizeof...(I)>{{&slot_inplace<static_cast<BinaryOp>(I)>...}};
}
constexpr auto kBinarySlots = binary_slots(std::make_index_sequence<kBinaryOpCount>());
constexpr auto kInplaceSlots = inplace_slots(std::make_index_sequence<kBinaryOpCount>());

// Type, slot set when a dunder is present: one row per dunder method.
struct SlotDef {
  const char* dunder;
  void (*fill)(ObjType* t);
};

const SlotDef kSlotDefs[] = {
    {"__repr__", [](ObjType* t) { t->tp_repr = slot_repr; }},
    {"__del__", [](ObjType* t) { t->tp_finalize = slot_finalize; }},
    {"__str__", [](ObjType* t) { t->tp_str = slot_str; }},
    {"__hash__", [](ObjType* t) { t->tp_hash = slot_hash; }},
    {"__eq__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__ne__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__lt__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__le__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__gt__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__ge__", [](ObjType* t) { t->tp_richcompare = slot_richcompare; }},
    {"__bool__", [](ObjType* t) { t->tp_bool = slot_bool; }},
    {"__len__", [](ObjType* t) {
       t->tp_len = slot_len;
       if (!t->tp_bool) t->tp_bool = slot_bool;
     }},
    {"__getitem__", [](ObjType* t) { t->tp_getitem = slot_getitem; }},
    {"__setitem__", [](ObjType* t) { t->tp_setitem = slot_setitem; }},
    {"__delitem__", [](ObjType* t) { t->tp_delitem = slot_delitem; }},
    {"__contains__", [](ObjType* t) { t->tp_contains = slot_contains; }},
    {"__iter__", [](ObjType* t) { t->tp_iter = slot_iter; }},
    {"__next__", [](ObjType* t) { t->tp_iternext = slot_iternext; }},
    {"__call__", [](ObjType* t) { t->tp_call = slot_call; }},
    {"__setattr__", [](ObjType* t) { t->tp_setattro = slot_setattro; }},
    {"__delattr__", [](ObjType* t) { t->tp_setattro = slot_setattro; }},
    {"__get__", [](ObjType* t) { t->tp_descr_get = slot_descr_get; }},
    {"__set__", [](ObjType* t) { t->tp_descr_set = slot_descr_set; }},
    {"__delete__", [](ObjType* t) { t->tp_descr_set = slot_descr_set; }},
    {"__neg__", [](ObjType* t) { t->nb.negative = slot_negative; }},
    {"__pos__", [](ObjType* t) { t->nb.positive = slot_positive; }},
    {"__invert__", [](ObjType* t) { t->nb.invert = slot_invert; }},
    {"__abs__", [](ObjType* t) { t->nb.absolute = slot_absolute; }},
};

// Points every slot the class's MRO defines a dunder for at its wrapper.
// A dunder written in Python drives its slot; a built-in one (object's
// __repr__, a base type's method) stands for the C++ slot the type already
// inherited, as CPython keeps the slot when the dunder is its own wrapper.
bool defined_in_python(Runtime& rt, const ObjType* t, const char* dunder) {
  const Value* v = t->lookup(rt.name(dunder));
  return v && !v->is_none() && !is_kind(*v, ObjKind::Native);
}

void fill_slots_from_dunders(Runtime& rt, ObjType* t) {
  for (const SlotDef& def : kSlotDefs)
    if (defined_in_python(rt, t, def.dunder)) def.fill(t);
  for (int i = 0; i < kBinaryOpCount; ++i) {
    const BinaryDunders& d = kBinaryDunders[i];
    if (defined_in_python(rt, t, d.forward) || defined_in_python(rt, t, d.reflected))
      t->nb.binary[i] = kBinarySlots[static_cast<size_t>(i)];
    if (defined_in_python(rt, t, d.in_place)) t->nb.inplace[i] = kInplaceSlots[static_cast<size_t>(i)];
  }
  // A class that defines __eq__ without __hash__ is unhashable (its
  // __hash__ is None), as in CPython.
  const Value* h = t->own(rt.name("__hash__"));
  if (h && h->is_none()) t->tp_hash = nullptr;
}

}  // namespace

// ---- The class statement ---------------------------------------------------------

// A class's slots: inherited along the MRO (the first base first), then
// from the dunders its MRO defines in Python. Run again from scratch when a
// dunder is assigned or deleted later.
void set_slots(Runtime& rt, ObjType* t) {
  ObjType* object = rt.types.object;
  t->clear_lookup_cache();
  // Every slot goes back to unset; the namespace and MRO stay.
#define GIL_RESET(slot) t->slot = nullptr;
  GIL_RESET(tp_new) GIL_RESET(tp_init) GIL_RESET(tp_traverse) GIL_RESET(tp_clear) GIL_RESET(tp_finalize) GIL_RESET(tp_repr)
  GIL_RESET(tp_str) GIL_RESET(tp_richcompare) GIL_RESET(tp_hash) GIL_RESET(tp_bool) GIL_RESET(tp_len)
  GIL_RESET(tp_getitem) GIL_RESET(tp_setitem) GIL_RESET(tp_delitem) GIL_RESET(tp_contains) GIL_RESET(tp_iter)
  GIL_RESET(tp_iternext) GIL_RESET(tp_call) GIL_RESET(tp_getattro) GIL_RESET(tp_setattro) GIL_RESET(tp_descr_get)
  GIL_RESET(tp_descr_set) GIL_RESET(get_attribute) GIL_RESET(set_attribute) GIL_RESET(construct)
#undef GIL_RESET
  t->nb = NumberSlots{};
  for (size_t i = 1; i < t->mro.size(); ++i) inherit_slots(t, t->mro[i]);
  fill_slots_from_dunders(rt, t);
  ObjType* solid = t->base;
  while (solid && solid->is_heap_type) solid = solid->base;
  t->tp_getattro = solid && solid->tp_getattro != object->tp_getattro ? solid->tp_getattro : generic_getattr;
  if (defined_in_python(rt, t, "__getattribute__")) t->tp_getattro = slot_getattro;
  if (!t->tp_setattro) t->tp_setattro = generic_setattr;
  set_subclass_gc_slots(rt, t);
  // __eq__ without __hash__ in the same class: unhashable.
  const Value* h = t->own(rt.name("__hash__"));
  if (h && h->is_none()) t->tp_hash = nullptr;
}

Value make_class(ThreadState& ts, const std::string& name, const Value& bases_value, const Value& ns) {
  Runtime& rt = ts.rt;
  std::vector<ObjType*> bases;
  for (const Value& b : as<ObjTuple>(bases_value)->items) {
    if (!is_kind(b, ObjKind::Type))
      raise(ts, rt.types.TypeError, "bases must be types");
    auto* bt = as<ObjType>(b);
    if (bt->is_final)
      raise(ts, rt.types.TypeError, "type '" + bt->name + "' is not an acceptable base type");
    if (std::find(bases.begin(), bases.end(), bt) != bases.end())
      raise(ts, rt.types.TypeError, "duplicate base class " + bt->name);
    bases.push_back(bt);
  }
  if (bases.empty()) bases.push_back(rt.types.object);
  // The first base whose instances are not plain instances decides the
  // layout; two different such bases cannot be combined.
  ObjType* solid = nullptr;
  for (ObjType* b : bases) {
    ObjType* layout = b;
    while (layout->is_heap_type) layout = layout->base;
    if (layout == rt.types.object) continue;
    if (solid && !layout->is_subtype_of(solid) && !solid->is_subtype_of(layout))
      raise(ts, rt.types.TypeError, "multiple bases have instance lay-out conflict");
    if (!solid || layout->is_subtype_of(solid)) solid = layout;
  }

  auto* t = new_object<ObjType>(rt, rt, name, bases[0]);
  rt.owned_types.push_back(t);
  make_immortal(t);
  t->is_heap_type = true;
  t->bases = bases;
  for (size_t i = 1; i < bases.size(); ++i) bases[i]->subclasses.push_back(t);
  t->mro = compute_mro(ts, t);
  t->is_exception = bases[0]->is_exception || (solid && solid->is_exception);
  for (ObjType* b : bases) t->instances_have_dict = true, t->is_exception = t->is_exception || b->is_exception;
  // The namespace the body built, minus what the machinery consumes.
  auto* d = as<ObjDict>(t->dict);
  for (auto& e : as<ObjDict>(ns)->entries)
    if (!e.key.is_empty()) dict_set(ts, d, e.key, e.value);
  t->module_name = "__main__";
  if (const Value* m = t->own(rt.name("__module__")); m && is_str(*m)) t->module_name = as<ObjStr>(*m)->text;
  if (const Value* q = t->own(rt.name("__qualname__")); q && is_str(*q)) {
    t->qualname = as<ObjStr>(*q)->text;
    dict_remove(ts, d, Value::borrow(rt.name("__qualname__")));
  }
  // A plain function as __new__ is a static method, as CPython makes it.
  if (const Value* n = t->own(rt.name("__new__")); n && is_kind(*n, ObjKind::Function))
    dict_set(ts, d, Value::borrow(rt.name("__new__")), make<ObjStaticMethod>(ts, rt.types.staticmethod, *n));
  // __eq__ without __hash__: unhashable.
  if (t->own(rt.name("__eq__")) && !t->own(rt.name("__hash__")))
    dict_set(ts, d, Value::borrow(rt.name("__hash__")), Value::none());

  set_slots(rt, t);
  Value type_value = Value::borrow(t);
  // __init_subclass__ is left out; __set_name__ is called, as 3.6+ does.
  for (auto& e : d->entries) {
    if (e.key.is_empty()) continue;
    if (const Value* sn = type_of(ts, e.value)->lookup(rt.name("__set_name__"))) {
      Value args[3] = {e.value, type_value, e.key};
      call_method_value(ts, *sn, e.value, args, 3);
    }
  }
  return type_value;
}

ObjFunction* inlinable_binary_dunder(ThreadState& ts, BinaryOp op, bool in_place, ObjType* ta, ObjType* tb) {
  auto i = static_cast<size_t>(op);
  if (!ta->is_heap_type || ta->nb.binary[i] != kBinarySlots[i] || (in_place && ta->nb.inplace[i])) return nullptr;
  // A subclass operand's reflected method may have to go first.
  if (tb != ta && tb->is_subtype_of(ta)) return nullptr;
  const Value* m = ta->lookup(ts.rt.name(kBinaryDunders[i].forward));
  return m && is_kind(*m, ObjKind::Function) ? as<ObjFunction>(*m) : nullptr;
}

Value binary_op_after_forward(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place) {
  auto i = static_cast<size_t>(op);
  ObjType* ta = type_of(ts, a);
  ObjType* tb = type_of(ts, b);
  if (tb != ta) {
    if (tb->nb.binary[i] == kBinarySlots[i]) {
      if (const Value* m = tb->lookup(ts.rt.name(kBinaryDunders[i].reflected))) {
        Value args[2] = {b, a};
        Value r = or_not_implemented(ts, call_method_value(ts, *m, b, args, 2));
        if (!r.is_empty()) return r;
      }
    } else if (auto slot_b = tb->nb.binary[i]) {
      Value r = slot_b(ts, a, b);
      if (!r.is_empty()) return r;
    }
  }
  raise_binary_op_error(ts, op, a, b, in_place);
}

void update_slot(ThreadState& ts, ObjType* type, ObjStr* name) {
  type_modified(type);
  if (name->text.size() < 5 || name->text.compare(0, 2, "__") != 0) return;
  set_slots(ts.rt, type);
  for (ObjType* sub : ts.rt.owned_types)
    if (sub != type && sub->is_heap_type && sub->is_subtype_of(type)) set_slots(ts.rt, sub);
}

// ---- Attribute access ------------------------------------------------------------

Value* instance_dict(const Value& self) {
  if (!self.is_obj()) return nullptr;
  switch (self.as_obj()->kind) {
    case ObjKind::Instance: return &as<ObjInstance>(self)->dict;
    case ObjKind::Exception: return &as<ObjException>(self)->dict;
    case ObjKind::Opaque: return &as<ObjOpaque>(self)->dict;
    case ObjKind::Function: return &as<ObjFunction>(self)->attrs;
    default: return subclass_instance_dict(self.as_obj());
  }
}

namespace {

bool is_data_descriptor(ThreadState& ts, const Value& v) { return type_of(ts, v)->tp_descr_set != nullptr; }

}  // namespace

Value generic_getattr(ThreadState& ts, const Value& self, ObjStr* name) {
  ObjType* t = type_of(ts, self);
  if (t->get_attribute) {
    Value v = t->get_attribute(ts, self, name);
    if (!v.is_empty()) return v;
  }
  const Value* found = t->lookup(name);
  if (found && is_data_descriptor(ts, *found)) {
    ObjType* dt = type_of(ts, *found);
    if (dt->tp_descr_get) return dt->tp_descr_get(ts, *found, self, t);
  }
  // object's __dict__, a data descriptor, goes before the instance dict
  // (which may hold a key "__dict__" of its own).
  if (!found && name == ts.rt.name("__dict__") && t->instances_have_dict) {
    if (Value* d = instance_dict(self)) {
      if (d->is_empty()) *d = make<ObjDict>(ts);
      return *d;
    }
  }
  if (Value* d = instance_dict(self); d && !d->is_empty())
    if (Value* v = dict_find_str(as<ObjDict>(*d), name)) return *v;
  if (found) {
    ObjType* dt = type_of(ts, *found);
    if (dt->tp_descr_get) return dt->tp_descr_get(ts, *found, self, t);
    return *found;
  }
  if (name == ts.rt.name("__class__")) return Value::borrow(t);
  return Value();
}

// Whether instances of [t] are plain ObjInstances: a class with no built-in
// base that makes its instances itself (CPython: the same layout).
static bool plain_instances(const ObjType* t) { return t->is_heap_type && !t->construct && !t->is_exception; }

void assign_class(ThreadState& ts, const Value& self, const Value& value) {
  Runtime& rt = ts.rt;
  if (value.is_empty()) raise(ts, rt.types.TypeError, "can't delete __class__ attribute");
  if (!is_kind(value, ObjKind::Type))
    raise(ts, rt.types.TypeError,
          "__class__ must be set to a class, not '" + std::string(type_name(ts, value)) + "' object");
  ObjType* old_type = type_of(ts, self);
  auto* new_type = as<ObjType>(value);
  if (!is_kind(self, ObjKind::Instance) || !plain_instances(old_type) || !new_type->is_heap_type)
    raise(ts, rt.types.TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (!plain_instances(new_type))
    raise(ts, rt.types.TypeError,
          "__class__ assignment: '" + new_type->name + "' object layout differs from '" + old_type->name + "'");
  self.as_obj()->type = new_type;
}

void generic_setattr(ThreadState& ts, const Value& self, ObjStr* name, const Value& value) {
  ObjType* t = type_of(ts, self);
  if (name == ts.rt.name_class) {
    assign_class(ts, self, value);
    return;
  }
  // object's __dict__ is a data descriptor: storing replaces the dict, and
  // deleting leaves a fresh empty one for the next use.
  if (name == ts.rt.name("__dict__") && t->instances_have_dict && !t->lookup(name)) {
    if (Value* d = instance_dict(self)) {
      if (!value.is_empty() && !is_kind(value, ObjKind::Dict))
        raise(ts, ts.rt.types.TypeError,
              "__dict__ must be set to a dictionary, not a '" + std::string(type_name(ts, value)) + "'");
      *d = value;
      return;
    }
  }
  if (const Value* found = t->lookup(name)) {
    ObjType* dt = type_of(ts, *found);
    if (dt->tp_descr_set) {
      Value descr = *found;
      dt->tp_descr_set(ts, descr, self, value);
      return;
    }
  }
  Value* d = t->instances_have_dict ? instance_dict(self) : nullptr;
  if (!d) {
    if (t->set_attribute && !value.is_empty() && t->set_attribute(ts, self, name, value)) return;
    if (t->lookup(name) || (t->get_attribute && !t->get_attribute(ts, self, name).is_empty()))
      raise(ts, ts.rt.types.AttributeError,
            "'" + t->name + "' object attribute '" + name->text + "' is read-only");
    raise(ts, ts.rt.types.AttributeError, "'" + t->name + "' object has no attribute '" + name->text + "'");
  }
  if (t->set_attribute && !value.is_empty() && t->set_attribute(ts, self, name, value)) return;
  if (d->is_empty()) *d = make<ObjDict>(ts);
  if (value.is_empty()) {
    if (dict_remove(ts, as<ObjDict>(*d), Value::borrow(name)).is_empty())
      raise(ts, ts.rt.types.AttributeError, "'" + t->name + "' object has no attribute '" + name->text + "'");
    return;
  }
  dict_set(ts, as<ObjDict>(*d), Value::borrow(name), value);
}

}  // namespace gil
