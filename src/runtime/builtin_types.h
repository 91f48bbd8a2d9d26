// The built-in types that own a file: each file (rangeobject.cc, ...) fills
// its type's slots and methods in an init function, which install_types
// (types.cc) calls once every type object exists, so that the types can
// refer to one another. Below the init functions, the helpers more than one
// type's file uses. Private to src/runtime.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"

namespace gil {

// ---- The types' files ----------------------------------------------------------

void init_none_type(Runtime& rt);   // noneobject.cc
void init_int_type(Runtime& rt);    // intobject.cc
void init_bool_type(Runtime& rt);   // boolobject.cc, after int
void init_float_type(Runtime& rt);  // floatobject.cc
void init_str_type(Runtime& rt);    // strobject.cc
void init_bytes_type(Runtime& rt);  // bytesobject.cc
void init_list_type(Runtime& rt);   // listobject.cc
void init_dict_type(Runtime& rt);   // dictobject.cc
void init_dict_view_types(Runtime& rt);  // dictobject.cc
void init_iterator_type(Runtime& rt);  // iterobject.cc
// Bound native methods' type, then (once install_type_machinery has made
// it) `method`, the bound Python functions' type.
void init_builtin_method_type(Runtime& rt);  // methodobject.cc
void init_method_type(Runtime& rt);          // methodobject.cc
void init_tuple_type(Runtime& rt);  // tupleobject.cc
void init_range_type(Runtime& rt);  // rangeobject.cc
// reversed(r) for a range whose length or values leave int64 (rangeobject.cc);
// empty for the others, which reversed() walks by index.
Value range_reversed_big(ThreadState& ts, const Value& r);
void init_module_type(Runtime& rt);  // moduleobject.cc
void init_cell_type(Runtime& rt);    // cellobject.cc
void init_code_type(Runtime& rt);    // codeobject.cc
void init_function_type(Runtime& rt);         // functionobject.cc
void init_native_function_type(Runtime& rt);  // nativeobject.cc
// BaseException's slots and methods, inherited by every exception type.
void init_exception_types(Runtime& rt);  // exceptionobject.cc
// Once install_type_machinery has made `slice`.
void init_slice_type(Runtime& rt);  // sliceobject.cc
// Once the set types exist.
void init_generic_alias_types(Runtime& rt);  // genericaliasobject.cc

// ---- Shared by the types' files ------------------------------------------------

// Attribute access on an instance of a built-in type: the type's
// get_attribute hook (its data attributes), then the MRO (methods bound
// through tp_descr_get), then the instance dict; Empty when absent. LOAD_METHOD
// (vm.cc) knows that a type with this slot finds its methods in its MRO.
Value builtin_getattr(ThreadState& ts, const Value& obj, ObjStr* name);
// Assignment: a writable data attribute through set_attribute, a data
// descriptor of the type (which may refuse), else CPython's AttributeError
// (read-only, not writable, no such attribute).
void builtin_setattr(ThreadState& ts, const Value& obj, ObjStr* name, const Value& value);
// Lists the data attribute [name], which [owner]'s get_attribute answers,
// in [owner]'s namespace as a read-only getset_descriptor (getsetobject.cc),
// so that dir() shows it and assignment raises CPython's "not writable".
void add_getset(Runtime& rt, ObjType* owner, std::string_view name);
// The same as a read-only member_descriptor: assignment raises "readonly
// attribute" (range's and slice's start, stop and step).
void add_member(Runtime& rt, ObjType* owner, std::string_view name);

// Numbers: int (bool) and float mix in arithmetic and comparisons.
inline bool is_number(const Value& v) { return v.is_intlike() || v.is_float(); }
inline double to_double(const Value& v) { return v.is_float() ? v.as_float() : static_cast<double>(v.as_int()); }
// `a op b` on two ints (intobject.cc) and on two floats (floatobject.cc);
// empty (NotImplemented) for an operator the type lacks.
Value int_binary(ThreadState& ts, BinaryOp op, int64_t a, int64_t b);
Value float_binary(ThreadState& ts, BinaryOp op, double a, double b);
// One of the six rich comparisons of two numbers of one C++ type.
template <typename T>
Value compare_numbers(CompareOp op, T x, T y) {
  switch (op) {
    case CompareOp::Eq: return Value::boolean(x == y);
    case CompareOp::NotEq: return Value::boolean(x != y);
    case CompareOp::Lt: return Value::boolean(x < y);
    case CompareOp::LtE: return Value::boolean(x <= y);
    case CompareOp::Gt: return Value::boolean(x > y);
    case CompareOp::GtE: return Value::boolean(x >= y);
    default: return Value();
  }
}
// Whether [data] is all ASCII (int() and float() of bytes).
bool is_ascii(std::string_view data);

// CPython's numeric hashes reduce modulo the Mersenne prime 2**61 - 1.
constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t{1} << kHashBits) - 1;
// Scrambles [x] into a hash, never 0 (which means "not computed").
uint64_t hash_mix(uint64_t x);

// Whether two strs are equal: interned strs are unique, so two of them
// are equal only when they are one object.
inline bool str_equal(const ObjStr* x, const ObjStr* y) {
  if (x == y) return true;
  if (x->interned && y->interned) return false;
  return x->text == y->text;
}

// The hash of an object compared by identity: a mix of its address.
uint64_t address_hash(const Obj* o);

// The slots of a type whose instances are compared by identity (cells,
// modules, functions): `<T object at 0x...>`, address_hash(), and object's
// == and != (true of one object, else NotImplemented, so that the other
// side decides and rich_compare falls back to identity), without ordering.
void address_repr(ThreadState& ts, const Value& self, std::string& out);
uint64_t address_hash_slot(ThreadState& ts, const Value& self);
Value identity_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op);

// The address of [o] as the default repr shows it (0x00007f...).
std::string address_of(const Obj* o);

// [i] counted from the end when negative; IndexError "[what] index out of
// range" when outside [0, size).
int64_t normalize_index(ThreadState& ts, int64_t i, size_t size, const char* what);

// A slice resolved against a sequence's length (PySlice_AdjustIndices):
// [count] indices from [start] by [step].
struct SliceRange {
  int64_t start, stop, step, count;
};
SliceRange resolve_slice(ThreadState& ts, const ObjSlice* s, size_t size);
// The same for bounds not (yet) in a slice object: each None or an int.
SliceRange resolve_slice_bounds(ThreadState& ts, const Value& start, const Value& stop, const Value& step,
                                size_t size);

// `obj.__class__ = C` ([value] Empty for del), as object.__class__'s
// setter: only between classes whose instances are laid out alike.
void assign_class(ThreadState& ts, const Value& self, const Value& value);

// TypeError "T indices must be integers or slices, not U".
[[noreturn]] void raise_bad_index(ThreadState& ts, const Value& container, const Value& index);

// The items of the resolved slice [r] of [src].
template <typename Item>
std::vector<Item> take_slice(const std::vector<Item>& src, const SliceRange& r) {
  if (r.step == 1) return std::vector<Item>(src.begin() + r.start, src.begin() + r.start + r.count);
  std::vector<Item> out;
  out.reserve(static_cast<size_t>(r.count));
  for (int64_t i = 0, at = r.start; i < r.count; ++i, at += r.step) out.push_back(src[static_cast<size_t>(at)]);
  return out;
}

// The resolved slice [r] of the list or tuple [seq] as a new list or tuple
// (a tuple may be [seq] itself, or the empty tuple). Assigning [value]'s
// items to the slice [r] of [list] (any length when the step is 1, else
// exactly r.count items).
Value list_slice(ThreadState& ts, const Value& list, const SliceRange& r);
Value tuple_slice(ThreadState& ts, const Value& tuple, const SliceRange& r);
void list_assign_slice(ThreadState& ts, ObjList* list, const SliceRange& r, Value value);

// Over the items of a list or tuple (listobject.cc): repr() of each,
// comma-separated; `item in items`; [times] copies of them (MemoryError
// when too many); a rich comparison (the first items that differ decide,
// through their own comparison, else the lengths).
void items_repr_into(ThreadState& ts, const std::vector<Value>& items, std::string& out);
bool items_contain(ThreadState& ts, const std::vector<Value>& items, const Value& item);
std::vector<Value> repeat_items(ThreadState& ts, const std::vector<Value>& items, int64_t times);
Value compare_items(ThreadState& ts, const std::vector<Value>& a, const std::vector<Value>& b, CompareOp op);
// The count of `seq * n`; TypeError when [n] is not an int.
int64_t repeat_count(ThreadState& ts, const Value& n);
// `a + b` with b of another type: NotImplemented when b is an instance of a
// class (its __radd__ may take it), else CPython's TypeError.
Value concat_mismatch(ThreadState& ts, const Value& a, const Value& b);

// Marks a container as being printed, so that a list that contains itself
// prints as [...] (CPython's Py_ReprEnter).
struct ReprGuard {
  ReprGuard(ThreadState& ts, const Obj* o) : ts(ts) {
    recursive = std::find(ts.repr_in_progress.begin(), ts.repr_in_progress.end(), o) != ts.repr_in_progress.end();
    if (!recursive) ts.repr_in_progress.push_back(o);
  }
  ~ReprGuard() {
    if (!recursive) ts.repr_in_progress.pop_back();
  }
  ThreadState& ts;
  bool recursive;
};

// One level of a recursive comparison or hash, counted against the
// recursion limit as CPython's Py_EnterRecursiveCall(" in comparison")
// counts it, so that comparing two lists nested a hundred thousand deep
// raises RecursionError instead of overflowing the C++ stack.
class NestingGuard {
 public:
  NestingGuard(ThreadState& ts, const char* where) : ts_(ts) {
    if (++ts.native_depth + static_cast<int>(ts.frames.size()) > ts.rt.config.recursion_limit) [[unlikely]] {
      --ts.native_depth;
      raise(ts, ts.rt.types.RecursionError, std::string("maximum recursion depth exceeded") + where);
    }
  }
  ~NestingGuard() { --ts_.native_depth; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

 private:
  ThreadState& ts_;
};

}  // namespace gil
