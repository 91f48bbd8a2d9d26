#include "gil/runtime/ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "gil/runtime/builtins.h"
#include "gil/runtime/bytes.h"
#include "gil/runtime/chunk.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/type.h"
#include "gil/runtime/unicode.h"
#include "gil/runtime/vm.h"

#include "builtin_types.h"

namespace gil {

// ---- Types and truth -------------------------------------------------------

ObjType* type_of_slow(ThreadState& ts, const Value& v) {
  const BuiltinTypes& t = ts.rt.types;
  switch (v.tag()) {
    case Tag::Empty:
    case Tag::None: return t.none;
    case Tag::Bool: return t.bool_;
    case Tag::Int: return t.int_;
    case Tag::Float: return t.float_;
    case Tag::Obj: break;
  }
  Obj* o = v.as_obj();
  // Objects that carry their type: instances of classes (of built-in
  // layouts too), exceptions, sets, the later layers' types.
  if (o->type) return o->type;
  switch (o->kind) {
    case ObjKind::Str: return t.str;
    case ObjKind::Bytes: return t.bytes;
    case ObjKind::List: return t.list;
    case ObjKind::Tuple: return t.tuple;
    case ObjKind::Dict: return t.dict;
    case ObjKind::DictView: {
      auto w = static_cast<ObjDictView*>(o)->which;
      return w == ObjDictView::Which::Keys ? t.dict_keys : w == ObjDictView::Which::Values ? t.dict_values : t.dict_items;
    }
    case ObjKind::Range: return t.range;
    case ObjKind::Iterator: {
      auto over = static_cast<ObjIterator*>(o)->over;
      return over == ObjIterator::Over::Map ? t.map : over == ObjIterator::Over::Filter ? t.filter : t.iterator;
    }
    case ObjKind::Function: return t.function;
    case ObjKind::Code: return t.code;
    case ObjKind::Native: return t.builtin_function;
    case ObjKind::BoundMethod:
      return is_kind(static_cast<ObjBoundMethod*>(o)->method, ObjKind::Function) ? t.method : t.builtin_method;
    case ObjKind::Type: return t.type;
    case ObjKind::Module: return t.module;
    case ObjKind::Cell: return t.cell;
    case ObjKind::Slice: return t.slice;
    default: break;  // the other kinds always carry o->type
  }
  return t.object;
}

void index_builtin_types(Runtime& rt) {
  BuiltinTypes& t = rt.types;
  t.of_tag[static_cast<int>(Tag::Empty)] = t.none;
  t.of_tag[static_cast<int>(Tag::None)] = t.none;
  t.of_tag[static_cast<int>(Tag::Bool)] = t.bool_;
  t.of_tag[static_cast<int>(Tag::Int)] = t.int_;
  t.of_tag[static_cast<int>(Tag::Float)] = t.float_;
  t.of_tag[static_cast<int>(Tag::Obj)] = t.object;
  auto set = [&](ObjKind k, ObjType* type) { t.of_kind[static_cast<int>(k)] = type; };
  set(ObjKind::Str, t.str);
  set(ObjKind::Bytes, t.bytes);
  set(ObjKind::List, t.list);
  set(ObjKind::Tuple, t.tuple);
  set(ObjKind::Dict, t.dict);
  set(ObjKind::Range, t.range);
  set(ObjKind::Function, t.function);
  set(ObjKind::Code, t.code);
  set(ObjKind::Native, t.builtin_function);
  set(ObjKind::Type, t.type);
  set(ObjKind::Module, t.module);
  set(ObjKind::Cell, t.cell);
  set(ObjKind::Slice, t.slice);
  // DictView, Iterator and BoundMethod depend on the object: left null, so
  // type_of() asks type_of_slow().
}

std::string_view type_name(ThreadState& ts, const Value& v) { return type_of(ts, v)->name; }

namespace {

const char* op_symbol(BinaryOp op, bool in_place) {
  static const char* plain[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "@", "<<", ">>", "&", "^", "|"};
  static const char* inplace[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "^=", "|="};
  return (in_place ? inplace : plain)[static_cast<int>(op)];
}

}  // namespace

// ---- Comparison --------------------------------------------------------------

bool identical(const Value& a, const Value& b) {
  if (a.tag() != b.tag()) return false;
  switch (a.tag()) {
    case Tag::Empty:
    case Tag::None: return true;
    // The same number object: same bits and same serial, so `x is x` holds
    // for a NaN while two NaNs made apart are two objects.
    case Tag::Float:
    case Tag::Int: return a.as_int() == b.as_int() && a.serial() == b.serial();
    default: return a.as_int() == b.as_int();
  }
}

// ---- Hashing -----------------------------------------------------------------

uint64_t hash_mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x | 1;  // never 0, which means "not computed"
}

void RecursionGuard::overflow() {
  --ts_.native_depth;
  raise(ts_, ts_.rt.types.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
}

uint64_t address_hash(const Obj* o) { return hash_mix(reinterpret_cast<uintptr_t>(o)); }

uint64_t address_hash_slot(ThreadState& ts, const Value& self) { return address_hash(self.as_obj()); }

// ---- Text ---------------------------------------------------------------------

std::string address_of(const Obj* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(o)));
  return buf;
}

void address_repr(ThreadState& ts, const Value& self, std::string& out) {
  out += "<" + std::string(type_name(ts, self)) + " object at " + address_of(self.as_obj()) + ">";
}

std::string format_value(ThreadState& ts, const Value& v, std::string_view spec) {
  if (spec.empty() && !(v.is_obj() && v.as_obj()->type && v.as_obj()->type->is_heap_type)) return str(ts, v);
  if (spec.empty() && !(v.is_obj() && type_of(ts, v)->lookup(ts.rt.name("__format__")) &&
                        !is_kind(*type_of(ts, v)->lookup(ts.rt.name("__format__")), ObjKind::Native)))
    return str(ts, v);
  try {
    if (v.is_bool()) return format::format_bool(v.as_bool(), spec);
    if (v.is_int()) return format::format_int(v.as_int(), spec);
    if (is_long(v)) {
      format::BigInt big;
      big.negative = int_compare(v, Value::integer(0)) < 0;
      big.digits = [&](int base) {
        std::string text = int_to_text(ts, v, base);
        return big.negative ? text.substr(1) : text;
      };
      big.to_double = [&] { return int_to_double(ts, v); };
      return format::format_big_int(big, spec);
    }
    if (v.is_float()) return format::format_float(v.as_float(), spec);
    if (is_str(v)) return format::format_str(as<ObjStr>(v)->text, spec);
  } catch (const format::FormatError& e) {
    raise_format_error(ts, e);
  }
  if (const Value* f = type_of(ts, v)->lookup(ts.rt.name("__format__")); f && !is_kind(*f, ObjKind::Native)) {
    Value args[2] = {v, make_str(std::string(spec))};
    Value r = call_method_value(ts, *f, v, args, 2);
    if (!is_str(r))
      raise(ts, ts.rt.types.TypeError, "__format__ must return a str, not " + std::string(type_name(ts, r)));
    return as<ObjStr>(r)->text;
  }
  raise(ts, ts.rt.types.TypeError,
        "unsupported format string passed to " + std::string(type_name(ts, v)) + ".__format__");
}

[[noreturn]] void raise_format_error(ThreadState& ts, const format::FormatError& e) {
  raise(ts, e.kind() == format::FormatError::Kind::kOverflowError ? ts.rt.types.OverflowError : ts.rt.types.ValueError,
        e.what());
}

// ---- Subscripts -----------------------------------------------------------------

int64_t normalize_index(ThreadState& ts, int64_t i, size_t size, const char* what) {
  int64_t n = static_cast<int64_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(ts, ts.rt.types.IndexError, std::string(what) + " index out of range");
  return i;
}

namespace {

int64_t slice_bound(ThreadState& ts, const Value& v) {
  if (v.is_intlike()) return v.as_int();
  raise(ts, ts.rt.types.TypeError,
        "slice indices must be integers or None or have an __index__ method");
}

}  // namespace

// Python's PySlice_AdjustIndices: resolves [s] against a sequence of [size].
SliceRange resolve_slice(ThreadState& ts, const ObjSlice* s, size_t size) {
  return resolve_slice_bounds(ts, s->start, s->stop, s->step, size);
}

SliceRange resolve_slice_bounds(ThreadState& ts, const Value& start_bound, const Value& stop_bound,
                                const Value& step_bound, size_t size) {
  int64_t n = static_cast<int64_t>(size);
  int64_t step = step_bound.is_none() ? 1 : slice_bound(ts, step_bound);
  if (step == 0) raise(ts, ts.rt.types.ValueError, "slice step cannot be zero");
  int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
  // As CPython's PySlice_Unpack: a step too large to take a second item is
  // bounded, so that neither -step nor the walk one step past the last item
  // (the loops over a SliceRange) leaves int64.
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  step = std::clamp(step, -kMax, std::max<int64_t>(kMax - n, 2));
  auto clamp = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t i = slice_bound(ts, v);
    if (i < 0) {
      i += n;
      if (i < lo) i = lo;
    } else if (i > hi) {
      i = hi;
    }
    return i;
  };
  int64_t start = clamp(start_bound, step < 0 ? hi : lo);
  int64_t stop = clamp(stop_bound, step < 0 ? lo : hi);
  // Steps of 1 and -1, nearly every slice, need no division.
  int64_t count = 0;
  if (step > 0 && start < stop) count = step == 1 ? stop - start : (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) count = step == -1 ? start - stop : (start - stop - 1) / (-step) + 1;
  return {start, stop, step, count};
}

[[noreturn]] void raise_bad_index(ThreadState& ts, const Value& container, const Value& index) {
  raise(ts, ts.rt.types.TypeError,
        std::string(type_name(ts, container)) + " indices must be integers or slices, not " +
            std::string(type_name(ts, index)));
}


// ---- Iteration ---------------------------------------------------------------------

std::vector<Value> collect(ThreadState& ts, const Value& iterable) {
  if (is_list(iterable)) return as<ObjList>(iterable)->items;
  if (is_tuple(iterable)) return as<ObjTuple>(iterable)->items;
  Value it = get_iter(ts, iterable);
  std::vector<Value> out;
  Value item;
  while (next_item(ts, it, item)) out.push_back(std::move(item));
  return out;
}

// ---- Attributes and calls ---------------------------------------------------------

Value builtin_getattr(ThreadState& ts, const Value& obj, ObjStr* name) {
  ObjType* type = type_of(ts, obj);
  if (type->get_attribute) {
    Value v = type->get_attribute(ts, obj, name);
    if (!v.is_empty()) return v;
  }
  if (const Value* m = type->lookup(name)) {
    ObjType* dt = type_of(ts, *m);
    if (dt->tp_descr_get) return dt->tp_descr_get(ts, *m, obj, type);
    return *m;
  }
  return generic_getattr(ts, obj, name);
}

void builtin_setattr(ThreadState& ts, const Value& obj, ObjStr* name, const Value& value) {
  ObjType* type = type_of(ts, obj);
  if (name == ts.rt.name_class) return assign_class(ts, obj, value);
  if (type->instances_have_dict) return generic_setattr(ts, obj, name, value);
  if (type->set_attribute && type->set_attribute(ts, obj, name, value)) return;
  if (const Value* d = type->lookup(name)) {
    if (auto set = type_of(ts, *d)->tp_descr_set) {
      Value descr = *d;
      return set(ts, descr, obj, value);
    }
    raise(ts, ts.rt.types.AttributeError,
          "'" + type->name + "' object attribute '" + name->text + "' is read-only");
  }
  if (type->get_attribute && !type->get_attribute(ts, obj, name).is_empty())
    raise(ts, ts.rt.types.AttributeError,
          "attribute '" + name->text + "' of '" + type->name + "' objects is not writable");
  raise(ts, ts.rt.types.AttributeError,
        "'" + type->name + "' object has no attribute '" + name->text + "'");
}

int64_t expect_int(ThreadState& ts, const Value& v, std::string_view what) {
  if (v.is_intlike()) return v.as_int();
  raise(ts, ts.rt.types.TypeError,
        "'" + std::string(type_name(ts, v)) + "' object cannot be interpreted as an integer");
}

ObjStr* expect_str(ThreadState& ts, const Value& v, std::string_view what) {
  if (is_str(v)) return as<ObjStr>(v);
  raise(ts, ts.rt.types.TypeError,
        std::string(what) + " must be str, not " + std::string(type_name(ts, v)));
}

// ---- Dispatch through the type's slots -----------------------------------------------
//
// The public operations: inline fast paths for the commonest built-in
// values, then the slot of the operand's type, then CPython's error.

namespace {

const char* compare_symbol(CompareOp op) {
  static const char* symbols[] = {"==", "!=", "<", "<=", ">", ">="};
  return symbols[static_cast<int>(op)];
}

[[noreturn]] void raise_not_supported(ThreadState& ts, const char* what, const Value& v) {
  raise(ts, ts.rt.types.TypeError, "'" + std::string(type_name(ts, v)) + "' object " + what);
}

}  // namespace

Value identity_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::NotEq) || !identical(a, b)) return Value();
  return Value::boolean(op == CompareOp::Eq);
}

Value rich_compare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  ObjType* ta = type_of(ts, a);
  ObjType* tb = type_of(ts, b);
  bool reflected_first = ta != tb && tb->tp_richcompare && tb->is_subtype_of(ta);
  if (reflected_first) {
    Value r = tb->tp_richcompare(ts, b, a, swapped(op));
    if (!r.is_empty()) return r;
  }
  if (ta->tp_richcompare) {
    Value r = ta->tp_richcompare(ts, a, b, op);
    if (!r.is_empty()) return r;
  }
  if (!reflected_first && tb->tp_richcompare) {
    Value r = tb->tp_richcompare(ts, b, a, swapped(op));
    if (!r.is_empty()) return r;
  }
  if (op == CompareOp::Eq) return Value::boolean(identical(a, b));
  if (op == CompareOp::NotEq) return Value::boolean(!identical(a, b));
  raise(ts, ts.rt.types.TypeError,
        std::string("'") + compare_symbol(op) + "' not supported between instances of '" + std::string(type_name(ts, a)) +
            "' and '" + std::string(type_name(ts, b)) + "'");
}

bool equals(ThreadState& ts, const Value& a, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) return a.as_int() == b.as_int();
  if (a.is_float() && b.is_float()) return a.as_float() == b.as_float();
  if (is_str(a) && is_str(b) && !a.as_obj()->type && !b.as_obj()->type) return str_equal(as<ObjStr>(a), as<ObjStr>(b));
  return truthy(ts, rich_compare(ts, a, b, CompareOp::Eq));
}

bool less_than(ThreadState& ts, const Value& a, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) return a.as_int() < b.as_int();
  return truthy(ts, rich_compare(ts, a, b, CompareOp::Lt));
}

bool contains(ThreadState& ts, const Value& container, const Value& item) {
  ObjType* t = type_of(ts, container);
  if (t->tp_contains) return t->tp_contains(ts, container, item);
  if (t->tp_iter || t->tp_getitem) {
    Value it = get_iter(ts, container);
    Value v;
    while (next_item(ts, it, v))
      if (identical(v, item) || equals(ts, v, item)) return true;
    return false;
  }
  raise(ts, ts.rt.types.TypeError, "argument of type '" + std::string(type_name(ts, container)) + "' is not iterable");
}

Value compare(ThreadState& ts, CompareOp op, const Value& a, const Value& b) {
  switch (op) {
    case CompareOp::Is: return Value::boolean(identical(a, b));
    case CompareOp::IsNot: return Value::boolean(!identical(a, b));
    case CompareOp::In: return Value::boolean(contains(ts, b, a));
    case CompareOp::NotIn: return Value::boolean(!contains(ts, b, a));
    case CompareOp::Eq:
    case CompareOp::NotEq:
      if (a.is_intlike() && b.is_intlike()) return Value::boolean((a.as_int() == b.as_int()) == (op == CompareOp::Eq));
      return rich_compare(ts, a, b, op);
    default: return rich_compare(ts, a, b, op);
  }
}

bool truthy(ThreadState& ts, const Value& v) {
  if (v.is_bool()) return v.as_bool();
  ObjType* t = type_of(ts, v);
  if (t->tp_bool) return t->tp_bool(ts, v);
  if (t->tp_len) return t->tp_len(ts, v) != 0;
  return true;
}

uint64_t hash_value(ThreadState& ts, const Value& v) {
  if (v.is_intlike()) return python_int_hash(v.as_int());
  if (is_str(v)) return str_hash(as<ObjStr>(v));
  ObjType* t = type_of(ts, v);
  if (!t->tp_hash) raise(ts, ts.rt.types.TypeError, "unhashable type: '" + std::string(type_name(ts, v)) + "'");
  return t->tp_hash(ts, v);
}

void repr_into(ThreadState& ts, const Value& v, std::string& out) {
  if (!v.is_obj()) return type_of(ts, v)->tp_repr(ts, v, out);  // None, bool, int, float
  ObjType* t = type_of(ts, v);
  RecursionGuard guard(ts);
  t->tp_repr(ts, v, out);
}

std::string repr(ThreadState& ts, const Value& v) {
  std::string out;
  repr_into(ts, v, out);
  return out;
}

std::string str(ThreadState& ts, const Value& v) {
  if (is_str(v)) return as<ObjStr>(v)->text;
  std::string out;
  if (!v.is_obj()) {
    type_of(ts, v)->tp_repr(ts, v, out);
    return out;
  }
  ObjType* t = type_of(ts, v);
  RecursionGuard guard(ts);
  if (t->tp_str)
    t->tp_str(ts, v, out);
  else
    t->tp_repr(ts, v, out);
  return out;
}

Value get_item(ThreadState& ts, const Value& container, const Value& index) {
  ObjType* t = type_of(ts, container);
  if (t->tp_getitem) return t->tp_getitem(ts, container, index);
  if (is_kind(container, ObjKind::Type)) {
    if (const Value* cg = as<ObjType>(container)->lookup(ts.rt.name("__class_getitem__"))) {
      Value args[2] = {container, index};
      return call_method_value(ts, *cg, container, args, 2);
    }
    raise(ts, ts.rt.types.TypeError, "type '" + as<ObjType>(container)->name + "' is not subscriptable");
  }
  raise_not_supported(ts, "is not subscriptable", container);
}

// Exactly a list or a tuple: a subclass may define __getitem__/__setitem__.
static bool is_exact(const Value& v, ObjKind kind) { return is_kind(v, kind) && !v.as_obj()->type; }

Value get_slice(ThreadState& ts, const Value& container, const Value& start, const Value& stop, const Value& step) {
  if (is_exact(container, ObjKind::List))
    return list_slice(ts, container, resolve_slice_bounds(ts, start, stop, step, as<ObjList>(container)->items.size()));
  if (is_exact(container, ObjKind::Tuple))
    return tuple_slice(ts, container, resolve_slice_bounds(ts, start, stop, step, as<ObjTuple>(container)->items.size()));
  return get_item(ts, container, make<ObjSlice>(ts, start, stop, step));
}

void set_slice(ThreadState& ts, const Value& container, const Value& start, const Value& stop, const Value& step,
               Value value) {
  if (is_exact(container, ObjKind::List)) {
    auto* list = as<ObjList>(container);
    list_assign_slice(ts, list, resolve_slice_bounds(ts, start, stop, step, list->items.size()), std::move(value));
    return;
  }
  set_item(ts, container, make<ObjSlice>(ts, start, stop, step), std::move(value));
}

void set_item(ThreadState& ts, const Value& container, const Value& index, Value value) {
  ObjType* t = type_of(ts, container);
  if (!t->tp_setitem) raise_not_supported(ts, "does not support item assignment", container);
  t->tp_setitem(ts, container, index, value);
}

void del_item(ThreadState& ts, const Value& container, const Value& index) {
  ObjType* t = type_of(ts, container);
  if (!t->tp_delitem) raise_not_supported(ts, "doesn't support item deletion", container);
  t->tp_delitem(ts, container, index);
}

int64_t length(ThreadState& ts, const Value& v) {
  ObjType* t = type_of(ts, v);
  if (!t->tp_len) raise(ts, ts.rt.types.TypeError, "object of type '" + std::string(type_name(ts, v)) + "' has no len()");
  return t->tp_len(ts, v);
}

namespace {

// iter() over an object with __getitem__ but no __iter__: the old sequence
// protocol, indexes 0, 1, ... until IndexError.
struct SequenceIterState {};

}  // namespace

Value get_iter(ThreadState& ts, const Value& v) {
  ObjType* t = type_of(ts, v);
  if (t->tp_iter) return t->tp_iter(ts, v);
  if (t->tp_getitem && t->is_heap_type) {
    auto it = make<ObjIterator>(ts, ObjIterator::Over::GetItem, v);
    return it;
  }
  raise_not_supported(ts, "is not iterable", v);
}

bool is_iterable(ThreadState& ts, const Value& v) {
  ObjType* t = type_of(ts, v);
  return t->tp_iter != nullptr || (t->tp_getitem && t->is_heap_type);
}

bool next_item(ThreadState& ts, const Value& it, Value& out) {
  if (is_kind(it, ObjKind::Iterator)) return iterator_next(ts, as<ObjIterator>(it), out);
  ObjType* t = type_of(ts, it);
  if (!t->tp_iternext) raise_not_supported(ts, "is not an iterator", it);
  return t->tp_iternext(ts, it, out);
}

Value get_attr(ThreadState& ts, const Value& obj, ObjStr* name) {
  ObjType* t = type_of(ts, obj);
  Value v = t->tp_getattro ? t->tp_getattro(ts, obj, name) : Value();
  if (!v.is_empty()) return v;
  // __getattr__ decides, and its AttributeError is the one the program sees.
  if (t->is_heap_type)
    if (const Value* hook = t->lookup(ts.rt.name("__getattr__"))) {
      Value args[2] = {obj, Value::borrow(name)};
      return call_method_value(ts, *hook, obj, args, 2);
    }
  if (is_kind(obj, ObjKind::Module))
    raise(ts, ts.rt.types.AttributeError, "module '" + as<ObjModule>(obj)->name + "' has no attribute '" + name->text + "'");
  if (is_kind(obj, ObjKind::Type))
    raise(ts, ts.rt.types.AttributeError, "type object '" + as<ObjType>(obj)->name + "' has no attribute '" + name->text + "'");
  raise(ts, ts.rt.types.AttributeError, "'" + std::string(type_name(ts, obj)) + "' object has no attribute '" + name->text + "'");
}

Value try_get_attr(ThreadState& ts, const Value& obj, ObjStr* name) {
  ObjType* t = type_of(ts, obj);
  Value v = t->tp_getattro ? t->tp_getattro(ts, obj, name) : Value();
  if (!v.is_empty() || !t->is_heap_type) return v;
  if (const Value* hook = t->lookup(ts.rt.name("__getattr__"))) {
    Value args[2] = {obj, Value::borrow(name)};
    try {
      return call_method_value(ts, *hook, obj, args, 2);
    } catch (PyException& e) {
      if (!as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.AttributeError)) throw;
    }
  }
  return Value();
}

void set_attr(ThreadState& ts, const Value& obj, ObjStr* name, const Value& value) {
  ObjType* t = type_of(ts, obj);
  if (!t->tp_setattro)
    raise(ts, ts.rt.types.AttributeError, "'" + t->name + "' object has no attribute '" + name->text + "'");
  t->tp_setattro(ts, obj, name, value);
}

void del_attr(ThreadState& ts, const Value& obj, ObjStr* name) { set_attr(ts, obj, name, Value()); }

Value call(ThreadState& ts, const Value& callable, Value* args, int argc, ObjTuple* kwnames) {
  if (is_kind(callable, ObjKind::Function))
    return call_function(ts, as<ObjFunction>(callable), args, argc, kwnames);
  ObjType* t = type_of(ts, callable);
  if (!t->tp_call) raise_not_supported(ts, "is not callable", callable);
  return t->tp_call(ts, callable, args, argc, kwnames);
}

Value binary_op(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place) {
  int i = static_cast<int>(op);
  ObjType* ta = type_of(ts, a);
  if (in_place && ta->nb.inplace[i]) {
    Value r = ta->nb.inplace[i](ts, a, b);
    if (!r.is_empty()) return r;
  }
  ObjType* tb = type_of(ts, b);
  auto slot_a = ta->nb.binary[i];
  auto slot_b = tb != ta ? tb->nb.binary[i] : nullptr;
  if (slot_a && slot_b && slot_b != slot_a && tb->is_subtype_of(ta)) {
    Value r = slot_b(ts, a, b);
    if (!r.is_empty()) return r;
    slot_b = nullptr;
  }
  if (slot_a) {
    Value r = slot_a(ts, a, b);
    if (!r.is_empty()) return r;
  }
  if (slot_b && slot_b != slot_a) {
    Value r = slot_b(ts, a, b);
    if (!r.is_empty()) return r;
  }
  raise_binary_op_error(ts, op, a, b, in_place);
}

void raise_binary_op_error(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place) {
  if (op == BinaryOp::Add && !in_place && (is_str(a) || is_list(a) || is_tuple(a)) && a.as_obj()->type == nullptr)
    raise(ts, ts.rt.types.TypeError,
          "can only concatenate " + std::string(type_name(ts, a)) + " (not \"" + std::string(type_name(ts, b)) +
              "\") to " + std::string(type_name(ts, a)));
  raise_operand_error(ts, op_symbol(op, in_place), a, b);
}

namespace {

Value unary(ThreadState& ts, const Value& a, Value (*NumberSlots::*slot)(ThreadState&, const Value&), const char* symbol) {
  ObjType* t = type_of(ts, a);
  if (auto fn = t->nb.*slot) {
    Value r = fn(ts, a);
    if (!r.is_empty()) return r;
  }
  raise(ts, ts.rt.types.TypeError, std::string("bad operand type for ") + symbol + ": '" + std::string(type_name(ts, a)) + "'");
}

}  // namespace

Value negate(ThreadState& ts, const Value& a) {
  if (a.is_intlike()) return a.as_int() == INT64_MIN ? long_negate(ts, a) : Value::integer(-a.as_int());
  if (a.is_float()) return Value::number(-a.as_float());
  return unary(ts, a, &NumberSlots::negative, "unary -");
}

Value positive(ThreadState& ts, const Value& a) {
  if (a.is_intlike()) return Value::integer(a.as_int());
  if (a.is_float()) return a;
  return unary(ts, a, &NumberSlots::positive, "unary +");
}

Value invert(ThreadState& ts, const Value& a) {
  if (a.is_intlike()) return Value::integer(~a.as_int());
  return unary(ts, a, &NumberSlots::invert, "unary ~");
}

Value absolute(ThreadState& ts, const Value& a) { return unary(ts, a, &NumberSlots::absolute, "abs()"); }

}  // namespace gil
