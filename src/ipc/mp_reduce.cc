// Instances travelling to and from children, as pickle's default reduce
// carries them.
//
// pickle does not send an object of a class: it sends how to make it again.
// For an instance of a plain class (object.__reduce_ex__(2)) that is the
// class, by name, and the instance's __dict__: the receiver calls
// cls.__new__(cls), never __init__, and updates the new object's dict. A
// class deriving from a built-in adds the built-in's part: a list's items
// appended with extend(), a dict's set item by item, a tuple's or str's
// value passed to __new__ (their __getnewargs__). Sets and exceptions reduce
// to a call of the class (set.__reduce__, BaseException.__reduce__), so
// their __init__ does run on the receiving side, as under CPython.
//
// The body is 'O' then the wire encoding, through the same extension, of
// the tuple (how, cls, args, items, state): how is "new" or "call"; items is
// a list, a dict or None; state a dict or None. The class travels as any
// class does (multiprocessing.cc): by its name in __main__.
#include <string>

#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

#include "mp_internal.h"

namespace gil::mp {

namespace {

// The state pickle sends: __getstate__() when the class defines one, else
// the instance dict when it has entries, else None.
Value state_of(ThreadState& ts, const Value& v) {
  ObjType* t = type_of(ts, v);
  if (const Value* getstate = t->lookup(ts.rt.name("__getstate__")); getstate && !is_kind(*getstate, ObjKind::Native)) {
    Value self = v;
    return call_method_value(ts, *getstate, v, &self, 1);
  }
  Value* d = instance_dict(v);
  if (!d || d->is_empty() || as<ObjDict>(*d)->size == 0) return Value::none();
  return *d;
}

// cls.__new__(cls, *args): a __new__ written in Python, else the built-in
// base's constructor given the class, else object's.
Value new_instance(ThreadState& ts, ObjType* t, std::vector<Value>& args) {
  if (const Value* n = t->lookup(ts.rt.name("__new__")); n && is_kind(*n, ObjKind::StaticMethod)) {
    std::vector<Value> with_type{Value::borrow(t)};
    with_type.insert(with_type.end(), args.begin(), args.end());
    return call(ts, as<ObjStaticMethod>(*n)->fn, with_type.data(), static_cast<int>(with_type.size()));
  }
  ObjType* builtin = solid_base(t);
  if (builtin->construct)
    return make_subclass_instance(ts, t, builtin->construct(ts, args.data(), static_cast<int>(args.size()), nullptr));
  if (!t->tp_new) raise(ts, ts.rt.types.TypeError, "cannot create '" + t->name + "' instances");
  return t->tp_new(ts, t, args.data(), static_cast<int>(args.size()), nullptr);
}

// pickle's BUILD: __setstate__ when the class has one; an exception's
// attributes are set one by one (BaseException.__setstate__); anything else
// gets the entries straight into its instance dict, past any __setattr__.
void set_state(ThreadState& ts, const Value& obj, const Value& state) {
  if (state.is_none()) return;
  ObjType* t = type_of(ts, obj);
  if (const Value* setstate = t->lookup(ts.rt.name("__setstate__")); setstate && !is_kind(*setstate, ObjKind::Native)) {
    Value args[2] = {obj, state};
    call_method_value(ts, *setstate, obj, args, 2);
    return;
  }
  if (!is_dict(state)) raise(ts, ts.rt.types.TypeError, "state is not a dictionary");
  Value* d = t->is_exception ? nullptr : instance_dict(obj);
  for (auto& e : as<ObjDict>(state)->entries) {
    if (e.key.is_empty()) continue;
    if (!is_str(e.key)) raise(ts, ts.rt.types.TypeError, "attribute name must be string");
    ObjStr* name = ts.rt.intern(as<ObjStr>(e.key)->text);
    if (d) {
      if (d->is_empty()) *d = make<ObjDict>(ts);
      dict_set(ts, as<ObjDict>(*d), Value::borrow(name), e.value);
    } else {
      set_attr(ts, obj, name, e.value);
    }
  }
}

}  // namespace

bool reduce_object(ThreadState& ts, const Value& v, std::string& body, wire::Extension& ext) {
  Obj* o = v.as_obj();
  ObjType* t = type_of(ts, v);
  const bool subclass = t->is_heap_type;
  const char* how = "new";
  std::vector<Value> args;
  Value items = Value::none();
  switch (o->kind) {
    case ObjKind::Instance: break;
    case ObjKind::Exception:
      how = "call";
      if (is_tuple(static_cast<ObjException*>(o)->args)) args = as<ObjTuple>(static_cast<ObjException*>(o)->args)->items;
      break;
    case ObjKind::List:
      if (!subclass) return false;
      items = make_list(ts, static_cast<ObjList*>(o)->items);
      break;
    case ObjKind::Dict: {
      if (!subclass) return false;
      Value plain = make<ObjDict>(ts);
      for (auto& e : static_cast<ObjDict*>(o)->entries)
        if (!e.key.is_empty()) dict_set(ts, as<ObjDict>(plain), e.key, e.value);
      items = std::move(plain);
      break;
    }
    case ObjKind::Tuple:
      if (!subclass) return false;
      args.push_back(make_tuple(ts, static_cast<ObjTuple*>(o)->items));
      break;
    case ObjKind::Str:
      if (!subclass) return false;
      args.push_back(make_str(static_cast<ObjStr*>(o)->text));
      break;
    case ObjKind::Set:
    case ObjKind::FrozenSet:
      if (!subclass) return false;
      how = "call";
      args.push_back(make_list(ts, set_items(v)));
      break;
    default: return false;
  }
  Value reduced = make_tuple(ts, {make_str(how), Value::borrow(t), make_tuple(ts, std::move(args)), items, state_of(ts, v)});
  body = "O";
  wire::encode(ts, reduced, body, &ext);
  return true;
}

Value rebuild_object(ThreadState& ts, std::string_view body, wire::Extension& ext) {
  Value reduced = wire::decode(ts, body, &ext);
  if (!is_tuple(reduced) || as<ObjTuple>(reduced)->items.size() != 5) throw wire::FormatError("bad object reduction");
  auto& r = as<ObjTuple>(reduced)->items;
  if (!is_str(r[0]) || !is_kind(r[1], ObjKind::Type) || !is_tuple(r[2])) throw wire::FormatError("bad object reduction");
  auto* t = as<ObjType>(r[1]);
  std::vector<Value> args = as<ObjTuple>(r[2])->items;
  Value obj;
  if (as<ObjStr>(r[0])->text == "call")
    obj = call(ts, r[1], args.data(), static_cast<int>(args.size()));
  else
    obj = new_instance(ts, t, args);
  // A list's items through extend() and a dict's through obj[k] = v, as
  // pickle's APPENDS and SETITEMS, so a class overriding them sees them.
  if (is_list(r[3])) {
    Value extend = get_attr(ts, obj, ts.rt.name("extend"));
    Value items = r[3];
    call(ts, extend, &items, 1);
  } else if (is_dict(r[3])) {
    for (auto& e : as<ObjDict>(r[3])->entries)
      if (!e.key.is_empty()) set_item(ts, obj, e.key, e.value);
  }
  set_state(ts, obj, r[4]);
  return obj;
}

}  // namespace gil::mp
