// `int`, after CPython's Objects/longobject.c.
//
// An int is an inline Value (Tag::Int) while it fits in 64 bits, and an
// ObjLong (longobject.h) beyond: an int64 operation that overflows is
// redone on big ints. The eval loop adds, subtracts and compares inline ints
// and comes here for the rest. An int mixed with a float is computed here as float
// arithmetic (floatobject.cc), so that `1 + x` does not call two slots.
#include <cmath>
#include <optional>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

// ---- Checked arithmetic ---------------------------------------------------------

int64_t checked_add(ThreadState& ts, int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) raise_int_overflow(ts);
  return r;
}
int64_t checked_sub(ThreadState& ts, int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) raise_int_overflow(ts);
  return r;
}
int64_t checked_mul(ThreadState& ts, int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) raise_int_overflow(ts);
  return r;
}

uint64_t python_int_hash(int64_t n) {
  // |n| as unsigned, which INT64_MIN has too.
  uint64_t magnitude = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  int64_t h = static_cast<int64_t>(magnitude % kHashModulus);
  if (n < 0) h = -h;
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

bool is_ascii(std::string_view data) {
  for (char c : data)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

namespace {

// a op b redone on big ints, when the int64 result overflowed.
[[gnu::noinline]] Value promoted(ThreadState& ts, BinaryOp op, int64_t a, int64_t b) {
  return long_binary(ts, op, Value::integer(a), Value::integer(b));
}

Value int_floordiv(ThreadState& ts, int64_t a, int64_t b) {
  if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "integer division or modulo by zero");
  if (a == INT64_MIN && b == -1) return promoted(ts, BinaryOp::FloorDiv, a, b);
  return Value::integer(format::int_floordiv(a, b));
}

template <bool (*Checked)(int64_t, int64_t, int64_t*), BinaryOp Op>
Value int_checked(ThreadState& ts, int64_t a, int64_t b) {
  int64_t r;
  if (Checked(a, b, &r)) [[unlikely]] return promoted(ts, Op, a, b);
  return Value::integer(r);
}
bool add_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); }
bool sub_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); }
bool mul_overflows(int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); }

// a / b: the quotient of two doubles is correctly rounded only while both
// operands are exact doubles.
Value int_divide(ThreadState& ts, int64_t a, int64_t b) {
  if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "division by zero");
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact)
    return Value::number(static_cast<double>(a) / static_cast<double>(b));
  return Value::number(int_true_divide(ts, Value::integer(a), Value::integer(b)));
}

int64_t int_mod(ThreadState& ts, int64_t a, int64_t b) {
  if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "integer modulo by zero");
  return format::int_mod(a, b);
}

Value int_pow(ThreadState& ts, int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) raise(ts, ts.rt.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::number(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1, b = base, e = exp;
  while (e > 0) {
    if ((e & 1) && __builtin_mul_overflow(result, b, &result)) return promoted(ts, BinaryOp::Pow, base, exp);
    e >>= 1;
    if (e > 0 && __builtin_mul_overflow(b, b, &b)) return promoted(ts, BinaryOp::Pow, base, exp);
  }
  return Value::integer(result);
}

}  // namespace

namespace {

// a << b, on big ints when the result leaves 64 bits.
Value int_lshift(ThreadState& ts, int64_t a, int64_t b) {
  if (b < 0) raise(ts, ts.rt.types.ValueError, "negative shift count");
  if (a == 0) return Value::integer(0);
  if (b >= 63) return promoted(ts, BinaryOp::LShift, a, b);
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
  if ((r >> b) != a) return promoted(ts, BinaryOp::LShift, a, b);
  return Value::integer(r);
}

}  // namespace

Value int_binary(ThreadState& ts, BinaryOp op, int64_t a, int64_t b) {
  switch (op) {
    case BinaryOp::Add: return int_checked<add_overflows, BinaryOp::Add>(ts, a, b);
    case BinaryOp::Sub: return int_checked<sub_overflows, BinaryOp::Sub>(ts, a, b);
    case BinaryOp::Mul: return int_checked<mul_overflows, BinaryOp::Mul>(ts, a, b);
    case BinaryOp::Div: return int_divide(ts, a, b);
    case BinaryOp::FloorDiv: return int_floordiv(ts, a, b);
    case BinaryOp::Mod: return Value::integer(int_mod(ts, a, b));
    case BinaryOp::Pow: return int_pow(ts, a, b);
    case BinaryOp::And: return Value::integer(a & b);
    case BinaryOp::Or: return Value::integer(a | b);
    case BinaryOp::Xor: return Value::integer(a ^ b);
    case BinaryOp::LShift: return int_lshift(ts, a, b);
    case BinaryOp::RShift:
      if (b < 0) raise(ts, ts.rt.types.ValueError, "negative shift count");
      return Value::integer(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    case BinaryOp::MatMul: return Value();
  }
  return Value();
}

namespace {

Value int_from_float(ThreadState& ts, double d) {
  if (std::isnan(d)) raise(ts, ts.rt.types.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) raise(ts, ts.rt.types.OverflowError, "cannot convert float infinity to integer");
  double t = std::trunc(d);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return int_from_double(ts, t);
  return Value::integer(static_cast<int64_t>(t));
}

Value construct_int(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  // int(x, base=10): x by position only, base also by name.
  Value* base_kw = nullptr;
  int total = argc + (kwnames ? static_cast<int>(kwnames->items.size()) : 0);
  if (total > 2) raise(ts, ts.rt.types.TypeError, "int() takes at most 2 arguments (" + std::to_string(total) + " given)");
  if (kwnames && !kwnames->items.empty()) {
    for (const Value& k : kwnames->items)
      if (as<ObjStr>(k)->text != "base")
        raise(ts, ts.rt.types.TypeError, "'" + as<ObjStr>(k)->text + "' is an invalid keyword argument for int()");
    base_kw = &args[argc];
    if (argc == 0) raise(ts, ts.rt.types.TypeError, "int() missing string argument");
  }
  if (argc == 0) return Value::integer(0);
  const Value& v = args[0];
  if (base_kw) {
    args[1] = *base_kw;
    argc = 2;
  }
  if (argc == 1) {
    if (v.is_intlike()) return Value::integer(v.as_int());
    if (is_long(v)) return v;
    if (v.is_float()) return int_from_float(ts, v.as_float());
  }
  if (!is_str(v) && !is_bytes(v)) {
    if (argc == 2) raise(ts, ts.rt.types.TypeError, "int() can't convert non-string with explicit base");
    raise(ts, ts.rt.types.TypeError,
          "int() argument must be a string, a bytes-like object or a real number, not '" +
              std::string(type_name(ts, v)) + "'");
  }
  int base = argc == 2 ? static_cast<int>(expect_int(ts, args[1], "base")) : 10;
  bool overflow = false;
  format::BigDigits big;
  std::optional<int64_t> parsed;
  try {
    // Bytes hold ASCII digits only: the Unicode digits and spaces a str may
    // use are not text in bytes.
    if (is_str(v) || is_ascii(as<ObjBytes>(v)->data))
      parsed = format::parse_int(is_str(v) ? as<ObjStr>(v)->text : as<ObjBytes>(v)->data, base, &overflow, &big);
  } catch (const format::FormatError& e) {
    raise_format_error(ts, e);
  }
  if (overflow) return int_from_digits(ts, big.digits, big.base, big.negative);
  if (!parsed)
    raise(ts, ts.rt.types.ValueError,
          "invalid literal for int() with base " + std::to_string(base) + ": " + repr(ts, v));
  return Value::integer(*parsed);
}

// ---- Slots ------------------------------------------------------------------------

void int_repr(ThreadState& ts, const Value& self, std::string& out) {
  if (is_long(self)) {
    out += int_to_text(ts, self, 10);
    return;
  }
  out += format::int_to_string(self.as_int());
}

uint64_t int_hash(ThreadState& ts, const Value& self) {
  if (is_long(self)) return long_hash(static_cast<const ObjLong*>(self.as_obj()));
  return python_int_hash(self.as_int());
}

// An int a double holds exactly, so that double comparison is exact.
bool exact_in_double(const Value& v) {
  constexpr int64_t kExact = int64_t{1} << 53;
  return v.is_intlike() && v.as_int() >= -kExact && v.as_int() <= kExact;
}

// Python's int-float comparison: exact, the float's fraction included.
Value int_float_richcompare(const Value& i, double d, CompareOp op) {
  if (exact_in_double(i)) return compare_numbers(op, static_cast<double>(i.as_int()), d);
  int c = int_float_compare(i, d);
  if (c == 2) return Value::boolean(op == CompareOp::NotEq);  // NaN
  return compare_numbers(op, c, 0);
}

// Between ints exactly; with a float, exactly too.
Value int_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (a.is_intlike() && b.is_intlike()) return compare_numbers(op, a.as_int(), b.as_int());
  if (is_integer(a) && is_integer(b)) return compare_numbers(op, int_compare(a, b), 0);
  if (is_integer(a) && b.is_float()) return int_float_richcompare(a, b.as_float(), op);
  // a float against this int, reflected: the int is on the right.
  if (a.is_float() && is_integer(b)) return int_float_richcompare(b, a.as_float(), swapped(op));
  return Value();
}

bool int_bool(ThreadState& ts, const Value& self) { return is_long(self) || self.as_int() != 0; }

// An int or float operand as a double; OverflowError for a huge int.
double number_to_double(ThreadState& ts, const Value& v) {
  return v.is_float() ? v.as_float() : int_to_double(ts, v);
}

// The number slots, called with the operands in source order.
template <BinaryOp Op>
Value int_number(ThreadState& ts, const Value& a, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) return int_binary(ts, Op, a.as_int(), b.as_int());
  if (is_integer(a) && is_integer(b)) return long_binary(ts, Op, a, b);
  bool numbers = (is_integer(a) || a.is_float()) && (is_integer(b) || b.is_float());
  if (numbers) return float_binary(ts, Op, number_to_double(ts, a), number_to_double(ts, b));
  return Value();
}

// The int itself, as an int (True gives 1).
Value int_itself(const Value& a) { return is_long(a) ? a : Value::integer(a.as_int()); }

Value int_negative(ThreadState& ts, const Value& a) { return is_long(a) ? long_negate(ts, a) : negate(ts, a); }
Value int_positive(ThreadState& ts, const Value& a) { return int_itself(a); }
// abs() and ~ take inline paths; the slots make int.__abs__ and int.__invert__.
Value int_absolute(ThreadState& ts, const Value& a) {
  return int_compare(a, Value::integer(0)) < 0 ? int_negative(ts, a) : int_itself(a);
}
Value int_invert(ThreadState& ts, const Value& a) { return is_long(a) ? long_invert(ts, a) : Value::integer(~a.as_int()); }

// n.real, n.imag, n.numerator, n.denominator.
Value int_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name->text == "real" || name->text == "numerator") return int_itself(self);
  if (name->text == "imag") return Value::integer(0);
  if (name->text == "denominator") return Value::integer(1);
  return Value();
}

// ---- Methods ------------------------------------------------------------------------

Value int_bit_length(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "bit_length", argc, 1, 1);
  return Value::integer(int_bit_length(args[0]));
}

// n.conjugate() is n, as an int (True.conjugate() is 1).
Value int_conjugate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "conjugate", argc, 1, 1);
  return int_itself(args[0]);
}

Value int_bit_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "bit_count", argc, 1, 1);
  return Value::integer(int_bit_count(args[0]));
}

Value int_as_integer_ratio(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "as_integer_ratio", argc, 1, 1);
  return make_tuple(ts, {int_itself(args[0]), Value::integer(1)});
}

// The byteorder and signed arguments of to_bytes and from_bytes.
bool little_endian(ThreadState& ts, const char* fn, const Value* order) {
  if (!order) return false;
  if (!is_str(*order)) raise_bad_argument(ts, fn, "byteorder", "str", *order);
  const std::string& text = as<ObjStr>(*order)->text;
  if (text != "little" && text != "big")
    raise(ts, ts.rt.types.ValueError, "byteorder must be either 'little' or 'big'");
  return text == "little";
}

void check_positional(ThreadState& ts, const char* fn, int given) {
  if (given > 2)
    raise(ts, ts.rt.types.TypeError,
          std::string(fn) + "() takes at most 2 positional arguments (" + std::to_string(given) + " given)");
}

// n.to_bytes(length=1, byteorder='big', *, signed=False), as of 3.11.
Value int_to_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_positional(ts, "to_bytes", argc - 1);
  const Value* slots[3];
  bind_arguments(ts, "to_bytes", args + 1, argc - 1, kwnames, {"length", "byteorder", "signed"}, slots);
  int64_t length = slots[0] ? expect_int(ts, *slots[0], "length") : 1;
  if (length < 0) raise(ts, ts.rt.types.ValueError, "length argument must be non-negative");
  bool little = little_endian(ts, "to_bytes", slots[1]);
  bool is_signed = slots[2] && truthy(ts, *slots[2]);
  return make_bytes(int_to_bytes(ts, args[0], length, little, is_signed));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a class method.
Value int_from_bytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_positional(ts, "from_bytes", argc - 1);
  const Value* slots[3];
  bind_arguments(ts, "from_bytes", args + 1, argc - 1, kwnames, {"bytes", "byteorder", "signed"}, slots);
  if (!slots[0]) raise(ts, ts.rt.types.TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
  bool little = little_endian(ts, "from_bytes", slots[1]);
  bool is_signed = slots[2] && truthy(ts, *slots[2]);
  Value data = *slots[0];
  if (is_str(data))
    raise(ts, ts.rt.types.TypeError, "cannot convert '" + std::string(type_name(ts, data)) + "' object to bytes");
  if (!is_bytes(data)) data = call(ts, Value::borrow(ts.rt.types.bytes), &data, 1);
  return int_from_bytes(ts, as<ObjBytes>(data)->data, little, is_signed);
}

template <size_t... I>
void set_number_slots(ObjType* t, std::index_sequence<I...>) {
  ((t->nb.binary[I] = static_cast<BinaryOp>(I) == BinaryOp::MatMul ? nullptr : &int_number<static_cast<BinaryOp>(I)>), ...);
}

}  // namespace

void init_int_type(Runtime& rt) {
  ObjType* t = rt.types.int_;
  t->construct = construct_int;
  t->tp_repr = int_repr;
  t->tp_hash = int_hash;
  t->tp_richcompare = int_richcompare;
  t->tp_bool = int_bool;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = int_attribute;
  set_number_slots(t, std::make_index_sequence<kBinaryOpCount>());
  t->nb.negative = int_negative;
  t->nb.positive = int_positive;
  t->nb.absolute = int_absolute;
  t->nb.invert = int_invert;
  add_method(rt, t, "bit_length", int_bit_length);
  add_method(rt, t, "conjugate", int_conjugate);
  add_method(rt, t, "bit_count", int_bit_count);
  add_method(rt, t, "as_integer_ratio", int_as_integer_ratio);
  add_method(rt, t, "to_bytes", int_to_bytes, "length byteorder signed");
  add_method(rt, t, "from_bytes", int_from_bytes, "bytes byteorder signed");
  as<ObjNative>(*t->own(rt.intern("from_bytes")))->class_method = true;
  for (const char* name : {"real", "imag", "numerator", "denominator"}) add_getset(rt, t, name);
}

}  // namespace gil
