// `int`, after CPython's Objects/longobject.c.
//
// An int is an inline Value (Tag::Int) holding 64 bits, not an object:
// arithmetic is checked and raises OverflowError where CPython's ints would
// grow. The eval loop adds, subtracts and compares ints inline and comes
// here for the rest. An int mixed with a float is computed here as float
// arithmetic (floatobject.cc), so that `1 + x` does not call two slots.
#include <cmath>
#include <optional>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
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

int64_t int_floordiv(ThreadState& ts, int64_t a, int64_t b) {
  if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "integer division or modulo by zero");
  if (a == INT64_MIN && b == -1) raise_int_overflow(ts);
  return format::int_floordiv(a, b);
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
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) result = checked_mul(ts, result, base);
    exp >>= 1;
    if (exp > 0) base = checked_mul(ts, base, base);
  }
  return Value::integer(result);
}

}  // namespace

namespace {

// a << b, OverflowError when the result leaves 64 bits (until ints grow).
Value int_lshift(ThreadState& ts, int64_t a, int64_t b) {
  if (b < 0) raise(ts, ts.rt.types.ValueError, "negative shift count");
  if (a == 0) return Value::integer(0);
  if (b >= 63) raise_int_overflow(ts);
  int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
  if ((r >> b) != a) raise_int_overflow(ts);
  return Value::integer(r);
}

}  // namespace

Value int_binary(ThreadState& ts, BinaryOp op, int64_t a, int64_t b) {
  switch (op) {
    case BinaryOp::Add: return Value::integer(checked_add(ts, a, b));
    case BinaryOp::Sub: return Value::integer(checked_sub(ts, a, b));
    case BinaryOp::Mul: return Value::integer(checked_mul(ts, a, b));
    case BinaryOp::Div:
      if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "division by zero");
      return Value::number(static_cast<double>(a) / static_cast<double>(b));
    case BinaryOp::FloorDiv: return Value::integer(int_floordiv(ts, a, b));
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
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) raise_int_overflow(ts);
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
  std::optional<int64_t> parsed;
  try {
    // Bytes hold ASCII digits only: the Unicode digits and spaces a str may
    // use are not text in bytes.
    if (is_str(v) || is_ascii(as<ObjBytes>(v)->data))
      parsed = format::parse_int(is_str(v) ? as<ObjStr>(v)->text : as<ObjBytes>(v)->data, base, &overflow);
  } catch (const format::FormatError& e) {
    raise_format_error(ts, e);
  }
  if (overflow) raise_int_overflow(ts);
  if (!parsed)
    raise(ts, ts.rt.types.ValueError,
          "invalid literal for int() with base " + std::to_string(base) + ": " + repr(ts, v));
  return Value::integer(*parsed);
}

// ---- Slots ------------------------------------------------------------------------

void int_repr(ThreadState& ts, const Value& self, std::string& out) { out += format::int_to_string(self.as_int()); }

uint64_t int_hash(ThreadState& ts, const Value& self) { return python_int_hash(self.as_int()); }

// Between ints exactly; with a float, as floats.
Value int_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (a.is_intlike() && b.is_intlike()) return compare_numbers(op, a.as_int(), b.as_int());
  if (is_number(a) && is_number(b)) return compare_numbers(op, to_double(a), to_double(b));
  return Value();
}

bool int_bool(ThreadState& ts, const Value& self) { return self.as_int() != 0; }

// The number slots, called with the operands in source order.
template <BinaryOp Op>
Value int_number(ThreadState& ts, const Value& a, const Value& b) {
  if (a.is_intlike() && b.is_intlike()) return int_binary(ts, Op, a.as_int(), b.as_int());
  if (is_number(a) && is_number(b)) return float_binary(ts, Op, to_double(a), to_double(b));
  return Value();
}

Value int_negative(ThreadState& ts, const Value& a) { return Value::integer(checked_sub(ts, 0, a.as_int())); }
Value int_positive(ThreadState& ts, const Value& a) { return Value::integer(a.as_int()); }
// abs() and ~ take inline paths; the slots make int.__abs__ and int.__invert__.
Value int_absolute(ThreadState& ts, const Value& a) {
  return Value::integer(a.as_int() < 0 ? checked_sub(ts, 0, a.as_int()) : a.as_int());
}
Value int_invert(ThreadState& ts, const Value& a) { return Value::integer(~a.as_int()); }

// n.real, n.imag, n.numerator, n.denominator.
Value int_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name->text == "real" || name->text == "numerator") return Value::integer(self.as_int());
  if (name->text == "imag") return Value::integer(0);
  if (name->text == "denominator") return Value::integer(1);
  return Value();
}

// ---- Methods ------------------------------------------------------------------------

Value int_bit_length(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "bit_length", argc, 1, 1);
  uint64_t m = args[0].as_int() < 0 ? 0 - static_cast<uint64_t>(args[0].as_int()) : static_cast<uint64_t>(args[0].as_int());
  return Value::integer(m == 0 ? 0 : 64 - __builtin_clzll(m));
}

// n.conjugate() is n, as an int (True.conjugate() is 1).
Value int_conjugate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "conjugate", argc, 1, 1);
  return Value::integer(args[0].as_int());
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
  for (const char* name : {"real", "imag", "numerator", "denominator"}) add_getset(rt, t, name);
}

}  // namespace gil
