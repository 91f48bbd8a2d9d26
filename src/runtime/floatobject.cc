// `float`, after CPython's Objects/floatobject.c.
//
// A float is an inline Value (Tag::Float) holding a double. Division and
// modulo by zero raise ZeroDivisionError, floor division and modulo round
// toward negative infinity (format.h), and the hash is CPython's, so that
// hash(2.0) == hash(2) and sets of floats iterate in CPython's order.
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/format.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

#include "gil/runtime/longobject.h"

#include "builtin_types.h"

namespace gil {
namespace {

Value float_pow(ThreadState& ts, double a, double b) {
  if (a == 0.0 && b < 0) raise(ts, ts.rt.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (a < 0 && b != std::floor(b) && std::isfinite(b))
    raise(ts, ts.rt.types.ValueError, "MiniPy has no complex numbers: negative number to a fractional power");
  double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    raise(ts, ts.rt.types.OverflowError, "(34, 'Numerical result out of range')");
  return Value::number(r);
}

}  // namespace

Value float_binary(ThreadState& ts, BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::Add: return Value::number(a + b);
    case BinaryOp::Sub: return Value::number(a - b);
    case BinaryOp::Mul: return Value::number(a * b);
    case BinaryOp::Div:
      if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "float division by zero");
      return Value::number(a / b);
    case BinaryOp::FloorDiv:
      if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "float floor division by zero");
      return Value::number(format::float_floordiv(a, b));
    case BinaryOp::Mod:
      if (b == 0) raise(ts, ts.rt.types.ZeroDivisionError, "float modulo");
      return Value::number(format::float_mod(a, b));
    case BinaryOp::Pow: return float_pow(ts, a, b);
    default: return Value();  // no bitwise operators on floats
  }
}

uint64_t python_float_hash(double v) {
  if (std::isinf(v)) return static_cast<uint64_t>(v > 0 ? int64_t{314159} : int64_t{-314159});
  if (std::isnan(v)) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return hash_mix(bits) >> 4;  // CPython hashes a NaN by identity
  }
  // _Py_HashDouble: the mantissa 28 bits at a time, reduced modulo 2**61 - 1,
  // then rotated by the exponent.
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == ~uint64_t{0}) x = ~uint64_t{0} - 1;
  return x;
}

namespace {

Value construct_float(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "float", kwnames);
  check_args(ts, "float", argc, 0, 1);
  if (argc == 0) return Value::number(0.0);
  const Value& v = args[0];
  if (v.is_float()) return v;
  if (v.is_intlike()) return Value::number(static_cast<double>(v.as_int()));
  if (is_long(v)) return Value::number(int_to_double(ts, v));
  if (is_str(v) || is_bytes(v)) {
    std::optional<double> parsed;
    if (is_str(v) || is_ascii(as<ObjBytes>(v)->data))
      parsed = format::parse_float(is_str(v) ? as<ObjStr>(v)->text : as<ObjBytes>(v)->data);
    if (!parsed) raise(ts, ts.rt.types.ValueError, "could not convert string to float: " + repr(ts, v));
    return Value::number(*parsed);
  }
  raise(ts, ts.rt.types.TypeError,
        "float() argument must be a string or a real number, not '" + std::string(type_name(ts, v)) + "'");
}

// ---- Slots ------------------------------------------------------------------------

void float_repr(ThreadState& ts, const Value& self, std::string& out) { out += format::float_repr(self.as_float()); }

uint64_t float_hash(ThreadState& ts, const Value& self) { return python_float_hash(self.as_float()); }

// With a float or an int, as floats: a NaN is unordered and unequal.
Value float_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  // Against an int, int's slot answers (reflected), exactly: 2**53 + 1 != 2.0**53.
  if (a.is_float() && b.is_float()) return compare_numbers(op, a.as_float(), b.as_float());
  return Value();
}

bool float_bool(ThreadState& ts, const Value& self) { return self.as_float() != 0.0; }

template <BinaryOp Op>
Value float_number(ThreadState& ts, const Value& a, const Value& b) {
  if (is_number(a) && is_number(b)) return float_binary(ts, Op, to_double(a), to_double(b));
  return Value();
}

Value float_negative(ThreadState& ts, const Value& a) { return Value::number(-a.as_float()); }
Value float_positive(ThreadState& ts, const Value& a) { return a; }

// x.real, x.imag.
Value float_attribute(ThreadState& ts, const Value& self, ObjStr* name) {
  if (name->text == "real") return self;
  if (name->text == "imag") return Value::number(0.0);
  return Value();
}

// ---- Methods ------------------------------------------------------------------------

Value float_conjugate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "conjugate", argc, 1, 1);
  return args[0];
}

Value float_is_integer(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "is_integer", argc, 1, 1);
  double d = args[0].as_float();
  return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

Value float_as_integer_ratio(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "as_integer_ratio", argc, 1, 1);
  double d = args[0].as_float();
  if (std::isinf(d)) raise(ts, ts.rt.types.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) raise(ts, ts.rt.types.ValueError, "cannot convert NaN to integer ratio");
  auto [n, den] = double_as_ratio(ts, d);
  return make_tuple(ts, {n, den});
}

// x.hex(): the digits after float_hex of floatobject.c, one hex digit
// before the point (0 for subnormals), thirteen after.
Value float_hex(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "hex", argc, 1, 1);
  double x = args[0].as_float();
  if (std::isnan(x) || std::isinf(x)) return make_str(format::float_repr(x));
  if (x == 0.0) return make_str(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  const char* hex = "0123456789abcdef";
  std::string out = x < 0 ? "-0x" : "0x";
  out += hex[static_cast<int>(m)];
  m -= static_cast<int>(m);
  out += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    out += hex[static_cast<int>(m)];
    m -= static_cast<int>(m);
  }
  out += 'p';
  out += e < 0 ? '-' : '+';
  out += std::to_string(std::abs(e));
  return make_str(out);
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// float.fromhex(s): checks CPython's grammar, then lets strtod (correctly
// rounded for hex input) compute the value.
Value float_fromhex(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "fromhex", kwnames);
  check_args(ts, "fromhex", argc - 1, 1, 1);
  if (!is_str(args[1])) raise(ts, ts.rt.types.TypeError, "bad argument type for built-in operation");
  std::string_view s = as<ObjStr>(args[1])->text;
  auto invalid = [&]() -> Value { raise(ts, ts.rt.types.ValueError, "invalid hexadecimal floating-point string"); };
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  std::string text;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (s[0] == '-') text += '-';
    s.remove_prefix(1);
  }
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "inf" || lower == "infinity") return Value::number(text.empty() ? HUGE_VAL : -HUGE_VAL);
  if (lower == "nan") return Value::number(std::nan(""));
  if (lower.size() >= 2 && lower[0] == '0' && lower[1] == 'x') s.remove_prefix(2);
  text += "0x";
  size_t i = 0, digits = 0;
  for (; i < s.size() && is_hex(s[i]); ++i, ++digits) text += s[i];
  if (i < s.size() && s[i] == '.') {
    text += s[i++];
    for (; i < s.size() && is_hex(s[i]); ++i, ++digits) text += s[i];
  }
  if (digits == 0) return invalid();
  if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
    text += 'p';
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) text += s[i++];
    size_t start = i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) text += s[i];
    if (i == start) return invalid();
  }
  if (i != s.size()) return invalid();
  double d = std::strtod(text.c_str(), nullptr);
  if (std::isinf(d))
    raise(ts, ts.rt.types.OverflowError, "hexadecimal value too large to represent as a float");
  return Value::number(d);
}

}  // namespace

void init_float_type(Runtime& rt) {
  ObjType* t = rt.types.float_;
  t->construct = construct_float;
  t->tp_repr = float_repr;
  t->tp_hash = float_hash;
  t->tp_richcompare = float_richcompare;
  t->tp_bool = float_bool;
  t->tp_getattro = builtin_getattr;
  t->tp_setattro = builtin_setattr;
  t->get_attribute = float_attribute;
  // The arithmetic operators; floats have no bitwise ones.
  using Op = BinaryOp;
  t->nb.binary[static_cast<int>(Op::Add)] = float_number<Op::Add>;
  t->nb.binary[static_cast<int>(Op::Sub)] = float_number<Op::Sub>;
  t->nb.binary[static_cast<int>(Op::Mul)] = float_number<Op::Mul>;
  t->nb.binary[static_cast<int>(Op::Div)] = float_number<Op::Div>;
  t->nb.binary[static_cast<int>(Op::FloorDiv)] = float_number<Op::FloorDiv>;
  t->nb.binary[static_cast<int>(Op::Mod)] = float_number<Op::Mod>;
  t->nb.binary[static_cast<int>(Op::Pow)] = float_number<Op::Pow>;
  t->nb.negative = float_negative;
  t->nb.positive = float_positive;
  // abs() takes an inline path; the slot makes float.__abs__.
  t->nb.absolute = [](ThreadState& ts, const Value& a) { return Value::number(std::fabs(a.as_float())); };
  add_method(rt, t, "conjugate", float_conjugate);
  add_method(rt, t, "is_integer", float_is_integer);
  add_method(rt, t, "as_integer_ratio", float_as_integer_ratio);
  add_method(rt, t, "hex", float_hex);
  add_method(rt, t, "fromhex", float_fromhex);
  as<ObjNative>(*t->own(rt.intern("fromhex")))->class_method = true;
  for (const char* name : {"real", "imag"}) add_getset(rt, t, name);
}

}  // namespace gil
