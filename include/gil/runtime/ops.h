// Python semantics on values: arithmetic, comparison, truth, hashing,
// conversion to text, subscripting, iteration, attribute lookup and calls.
// The eval loop handles the commonest int cases inline and comes here for
// everything else; built-in functions use the same entry points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gil/language/ast.h"
#include "gil/runtime/format.h"
#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/type.h"

namespace gil {

// The type of [v]: the object's own type when it has one (instances of
// classes, exceptions), else the built-in type of its kind or tag. Inline,
// since every slot dispatch starts here.
ObjType* type_of_slow(ThreadState& ts, const Value& v);
inline ObjType* type_of(ThreadState& ts, const Value& v) {
  if (!v.is_obj()) return ts.rt.types.of_tag[static_cast<int>(v.tag())];
  const Obj* o = v.as_obj();
  if (o->type) return o->type;
  ObjType* t = ts.rt.types.of_kind[static_cast<int>(o->kind)];
  return t ? t : type_of_slow(ts, v);
}
// Fills the tables type_of() reads; once the built-in types exist.
void index_builtin_types(Runtime& rt);
// The Python name of [v]'s type ("int", "list", ...).
std::string_view type_name(ThreadState& ts, const Value& v);

// Python truthiness.
bool truthy(ThreadState& ts, const Value& v);
// `a op b` for the arithmetic operators; [in_place] for `a op= b`.
Value binary_op(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place);
// CPython's TypeError for `a op b` when no operand's slot could do it.
[[noreturn]] void raise_binary_op_error(ThreadState& ts, BinaryOp op, const Value& a, const Value& b, bool in_place);
// `-a`, `+a`, `~a`, abs(a).
Value negate(ThreadState& ts, const Value& a);
Value positive(ThreadState& ts, const Value& a);
Value invert(ThreadState& ts, const Value& a);
Value absolute(ThreadState& ts, const Value& a);
// `a op b` for comparisons, identity and membership.
Value compare(ThreadState& ts, CompareOp op, const Value& a, const Value& b);
// CPython's rich comparison (Eq..GtE): the reflected operation of a
// subclass first, then a's slot, then b's reflected one; identity for ==
// and != when both decline, TypeError for an ordering.
Value rich_compare(ThreadState& ts, const Value& a, const Value& b, CompareOp op);
// `a == b`.
bool equals(ThreadState& ts, const Value& a, const Value& b);
// `a < b`; TypeError when the types are not ordered.
bool less_than(ThreadState& ts, const Value& a, const Value& b);
// `a is b`.
bool identical(const Value& a, const Value& b);
// `item in container`.
bool contains(ThreadState& ts, const Value& container, const Value& item);
// hash(v); TypeError for unhashable values.
uint64_t hash_value(ThreadState& ts, const Value& v);
// CPython's hashes of numbers (Python/pyhash.c), which decide the order a
// set of numbers iterates in: hash(n) is n modulo 2**61 - 1 with n's sign,
// a float's hash is that of the rational it stands for (hash(2.0) ==
// hash(2)), and -1 becomes -2. Returned, as every hash in MiniPy, as the
// uint64_t holding the signed hash.
uint64_t python_int_hash(int64_t n);
uint64_t python_float_hash(double d);

// repr(v) and str(v).
std::string repr(ThreadState& ts, const Value& v);
std::string str(ThreadState& ts, const Value& v);
// Appends repr(v) to [out].
void repr_into(ThreadState& ts, const Value& v, std::string& out);
// format(v, spec).
std::string format_value(ThreadState& ts, const Value& v, std::string_view spec);
// Raises the Python exception a formatting error stands for.
[[noreturn]] void raise_format_error(ThreadState& ts, const format::FormatError& e);

// container[index], container[index] = value, del container[index].
Value get_item(ThreadState& ts, const Value& container, const Value& index);
void set_item(ThreadState& ts, const Value& container, const Value& index, Value value);
void del_item(ThreadState& ts, const Value& container, const Value& index);
// container[start:stop:step] and its assignment, [step] None when absent:
// the same as get_item and set_item with a slice, without making the slice
// object for an exact list or tuple (CPython 3.12's BINARY_SLICE).
Value get_slice(ThreadState& ts, const Value& container, const Value& start, const Value& stop, const Value& step);
void set_slice(ThreadState& ts, const Value& container, const Value& start, const Value& stop, const Value& step,
               Value value);
// len(v).
int64_t length(ThreadState& ts, const Value& v);

// iter(v): an ObjIterator for the built-in iterables, or what a class's
// __iter__ returns.
Value get_iter(ThreadState& ts, const Value& v);
// Whether get_iter(v) succeeds, for built-ins whose TypeError for a
// non-iterable is their own ("can only join an iterable").
bool is_iterable(ThreadState& ts, const Value& v);
// Advances the iterator [it] (anything get_iter returned); false when
// exhausted.
bool next_item(ThreadState& ts, const Value& it, Value& out);
// Advances a built-in iterator: FOR_ITER's fast path.
bool iterator_next(ThreadState& ts, ObjIterator* it, Value& out);
// Every item of an iterable, in order.
std::vector<Value> collect(ThreadState& ts, const Value& iterable);

// obj.name (name interned), as a bound value; AttributeError when absent.
Value get_attr(ThreadState& ts, const Value& obj, ObjStr* name);
// The same, or an empty Value when absent (getattr with a default).
Value try_get_attr(ThreadState& ts, const Value& obj, ObjStr* name);
// obj.name = value.
void set_attr(ThreadState& ts, const Value& obj, ObjStr* name, const Value& value);
// del obj.name.
void del_attr(ThreadState& ts, const Value& obj, ObjStr* name);
// Calls [callable] with positional [args] then keyword values for [kwnames].
Value call(ThreadState& ts, const Value& callable, Value* args, int argc, ObjTuple* kwnames = nullptr);

// The int in [v] (int or bool); TypeError naming [what] otherwise.
int64_t expect_int(ThreadState& ts, const Value& v, std::string_view what);
// The str in [v]; TypeError naming [what] otherwise.
ObjStr* expect_str(ThreadState& ts, const Value& v, std::string_view what);

// Checked 64-bit arithmetic; OverflowError on overflow.
int64_t checked_add(ThreadState& ts, int64_t a, int64_t b);
int64_t checked_sub(ThreadState& ts, int64_t a, int64_t b);
int64_t checked_mul(ThreadState& ts, int64_t a, int64_t b);

}  // namespace gil
