// `getset_descriptor` and `member_descriptor`, after the descriptors of
// CPython's Objects/descrobject.c.
//
// A built-in type answers its data attributes (int's real and imag, ...)
// in its get_attribute hook, which instance attribute lookup asks first.
// CPython also lists each of them in the type's namespace as a getset
// descriptor: that is what dir(5) and vars(int) show and what `int.real`
// is. add_getset puts one there, whose __get__ asks the owner's hook and
// whose __set__ refuses, so that assigning or deleting the attribute, on a
// built-in instance or on an instance of a class deriving from the type,
// raises CPython's "attribute 'real' of 'int' objects is not writable".
// add_member does the same for what CPython declares as read-only members
// (range's and slice's start, stop and step): `<member 'start' of 'range'
// objects>`, and "readonly attribute" when assigned.
//
// A descriptor is a plain instance (ObjInstance) of this type whose dict
// holds what CPython's shows, __name__ and __objclass__ (the owner): it is
// neither a function nor a native, so method lookup (LOAD_METHOD, type and
// super attribute lookup) takes it for a descriptor and nothing else.
#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {
namespace {

constexpr const char* kGetsetName = "getset_descriptor";
constexpr const char* kMemberName = "member_descriptor";

// The attribute's name and the type that owns it.
struct Getset {
  ObjStr* name;
  ObjType* owner;
};

Getset getset_of(ThreadState& ts, const Value& descr) {
  auto* d = as<ObjDict>(static_cast<ObjInstance*>(descr.as_obj())->dict);
  const Value* name = dict_find_str(d, ts.rt.name_module);
  const Value* owner = dict_find_str(d, ts.rt.intern("__objclass__"));
  return {as<ObjStr>(*name), as<ObjType>(*owner)};
}

void getset_repr(ThreadState& ts, const Value& self, std::string& out) {
  Getset g = getset_of(ts, self);
  out += "<attribute '" + g.name->text + "' of '" + g.owner->name + "' objects>";
}

void member_repr(ThreadState& ts, const Value& self, std::string& out) {
  Getset g = getset_of(ts, self);
  out += "<member '" + g.name->text + "' of '" + g.owner->name + "' objects>";
}

// `int.real` is the descriptor itself; `(5).real` is the owner's answer.
Value getset_descr_get(ThreadState& ts, const Value& descr, const Value& obj, ObjType* type) {
  if (obj.is_empty()) return descr;
  Getset g = getset_of(ts, descr);
  if (!type_of(ts, obj)->is_subtype_of(g.owner))
    raise(ts, ts.rt.types.TypeError, "descriptor '" + g.name->text + "' for '" + g.owner->name +
                                         "' objects doesn't apply to a '" + std::string(type_name(ts, obj)) +
                                         "' object");
  Value v = g.owner->get_attribute(ts, obj, g.name);
  if (v.is_empty())
    raise(ts, ts.rt.types.AttributeError,
          "'" + std::string(type_name(ts, obj)) + "' object has no attribute '" + g.name->text + "'");
  return v;
}

// Assignment and deletion alike.
void getset_descr_set(ThreadState& ts, const Value& descr, const Value& obj, const Value& value) {
  Getset g = getset_of(ts, descr);
  raise(ts, ts.rt.types.AttributeError,
        "attribute '" + g.name->text + "' of '" + g.owner->name + "' objects is not writable");
}

void member_descr_set(ThreadState& ts, const Value& descr, const Value& obj, const Value& value) {
  raise(ts, ts.rt.types.AttributeError, "readonly attribute");
}

// The type [name], made by the first descriptor of a runtime that needs it.
ObjType* descriptor_type(Runtime& rt, const char* name) {
  for (ObjType* t : rt.owned_types)
    if (!t->is_heap_type && t->name == name) return t;
  bool member = std::string_view(name) == kMemberName;
  ObjType* t = new_type(rt, name, rt.types.object);
  t->tp_repr = member ? member_repr : getset_repr;
  t->tp_hash = address_hash_slot;
  t->tp_richcompare = identity_richcompare;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->tp_descr_get = getset_descr_get;
  t->tp_descr_set = member ? member_descr_set : getset_descr_set;
  t->is_final = true;
  return t;
}

}  // namespace

namespace {

void add_descriptor(Runtime& rt, const char* type_name, ObjType* owner, std::string_view name) {
  Value dict = make<ObjDict>(rt);
  dict_set_str(as<ObjDict>(dict), rt.name_module, Value::borrow(rt.intern(name)));
  dict_set_str(as<ObjDict>(dict), rt.intern("__objclass__"), Value::borrow(owner));
  type_set(rt, owner, name, make<ObjInstance>(rt, descriptor_type(rt, type_name), std::move(dict)));
}

}  // namespace

void add_getset(Runtime& rt, ObjType* owner, std::string_view name) { add_descriptor(rt, kGetsetName, owner, name); }

void add_member(Runtime& rt, ObjType* owner, std::string_view name) { add_descriptor(rt, kMemberName, owner, name); }

}  // namespace gil
