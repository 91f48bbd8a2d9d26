// The big part of `int`: values outside int64, after CPython's
// Objects/longobject.c, with GMP doing the digit work.
//
// An int is an inline Value (Tag::Int) while it fits in 64 bits; only then
// do the eval loop's fast paths apply. An operation whose result leaves
// int64 makes an ObjLong (an immutable heap object whose type is `int`), and
// every result that fits again is demoted back to the inline form, so that
// an int's representation depends only on its value: code that tests
// is_int() never meets a big int that would have fitted.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "gil/language/operators.h"
#include "gil/runtime/object.h"

namespace gil {

struct ObjLong : Obj {
  explicit ObjLong(ObjType* int_type) noexcept : Obj(ObjKind::Long, int_type) { mpz_init(z); }
  ~ObjLong() override { mpz_clear(z); }
  // Never fits in int64 (the demotion rule above); never changed once made.
  mpz_t z;
};

inline bool is_long(const Value& v) { return v.is_obj() && v.as_obj()->kind == ObjKind::Long; }
// int, bool, or a big int: what Python calls an integer.
inline bool is_integer(const Value& v) { return v.is_intlike() || is_long(v); }

// An integer Value read as an mpz: the big int's own digits, or a
// temporary for an inline one. Lives no longer than the Value it reads.
class MpzView {
 public:
  explicit MpzView(const Value& v);
  ~MpzView();
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  mpz_srcptr get() const { return p_; }

 private:
  mpz_t tmp_;
  bool owns_;
  mpz_srcptr p_;
};

// [z] as an int: inline when it fits in int64, an ObjLong otherwise.
Value int_from_mpz(ThreadState& ts, mpz_srcptr z);
Value int_from_mpz(Runtime& rt, mpz_srcptr z);

// The int a literal in source spells: [digits] (valid for [base], no sign,
// prefix or underscores). The parser has applied the digit limit.
Value int_from_literal(Runtime& rt, const std::string& digits, int base);
// The hex digits of an integer: a key that tells equal constants apart.
std::string long_constant_key(const Value& v);

// a op b for two integers of any size; empty for MatMul.
Value long_binary(ThreadState& ts, BinaryOp op, const Value& a, const Value& b);
// pow(a, b, m) for three integers (a negative b takes the inverse).
Value long_pow_mod(ThreadState& ts, const Value& a, const Value& b, const Value& m);
Value long_negate(ThreadState& ts, const Value& a);
Value long_invert(ThreadState& ts, const Value& a);

// -1, 0 or 1 for two integers.
int int_compare(const Value& a, const Value& b);
// -1, 0 or 1 for an integer against a float, exactly; 2 when [d] is NaN.
int int_float_compare(const Value& a, double d);
// The nearest double, OverflowError "int too large to convert to float".
double int_to_double(ThreadState& ts, const Value& a);
// a / b correctly rounded for integers of any size (long_true_divide).
double int_true_divide(ThreadState& ts, const Value& a, const Value& b);
// The exact int of a finite double's integer part.
Value int_from_double(ThreadState& ts, double d);

// CPython's hash: |v| modulo 2**61 - 1, with v's sign.
uint64_t long_hash(const ObjLong* v);
// Bits in |v|, without sign and leading zeros.
int64_t int_bit_length(const Value& v);

// The digits of [v] in [base] (2 to 36), '-' first when negative;
// ValueError past CPython's 4300-digit limit for base 10.
std::string int_to_text(ThreadState& ts, const Value& v, int base);
// [digits] (valid digits of [base], no sign, prefix or underscores) as an
// int, ValueError past the 4300-digit limit when base is not a power of 2.
Value int_from_digits(ThreadState& ts, std::string_view digits, int base, bool negative);

// round(v, ndigits) for a negative [ndigits] of any size: v to the nearest
// multiple of 10**-ndigits, half to even (long_round).
Value int_round(ThreadState& ts, const Value& v, const Value& ndigits);
// The number of one bits in |v| (int.bit_count).
int64_t int_bit_count(const Value& v);
// v.to_bytes(length, ...): OverflowError when it does not fit.
std::string int_to_bytes(ThreadState& ts, const Value& v, int64_t length, bool little, bool is_signed);
// int.from_bytes(data, ...).
Value int_from_bytes(ThreadState& ts, std::string_view data, bool little, bool is_signed);
// The exact (numerator, denominator) of a finite double, in lowest terms.
std::pair<Value, Value> double_as_ratio(ThreadState& ts, double d);

// CPython's sys.int_info.default_max_str_digits.
inline constexpr size_t kMaxStrDigits = 4300;

}  // namespace gil
