// Ints outside int64 (longobject.h): arithmetic, comparison, conversion.
//
// Reached only from intobject.cc's slow paths: when an int64 operation
// overflows, or when an operand already is an ObjLong.
#include "gil/runtime/longobject.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/type.h"

#include "builtin_types.h"

namespace gil {

static_assert(sizeof(long) == sizeof(int64_t), "mpz_*_si take an int64 on LP64");

MpzView::MpzView(const Value& v) : owns_(!is_long(v)) {
  if (owns_) {
    mpz_init_set_si(tmp_, v.as_int());
    p_ = tmp_;
  } else {
    p_ = static_cast<ObjLong*>(v.as_obj())->z;
  }
}

MpzView::~MpzView() {
  if (owns_) mpz_clear(tmp_);
}

namespace {

// An mpz that frees itself.
struct Mpz {
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_t z;
};

[[noreturn]] void raise_zero_division(ThreadState& ts, const char* message) {
  raise(ts, ts.rt.types.ZeroDivisionError, message);
}

// A shift count as a bit count: negative counts are an error and counts
// past any memory are OverflowError (CPython: "too many digits").
mp_bitcnt_t shift_count(ThreadState& ts, const Value& b) {
  MpzView n(b);
  if (mpz_sgn(n.get()) < 0) raise(ts, ts.rt.types.ValueError, "negative shift count");
  if (!mpz_fits_ulong_p(n.get())) return std::numeric_limits<mp_bitcnt_t>::max();
  return mpz_get_ui(n.get());
}

Value left_shift(ThreadState& ts, mpz_srcptr a, const Value& b) {
  mp_bitcnt_t n = shift_count(ts, b);
  if (mpz_sgn(a) == 0) return Value::integer(0);
  if (n > (mp_bitcnt_t{1} << 40)) raise(ts, ts.rt.types.OverflowError, "too many digits in integer");
  Mpz r;
  mpz_mul_2exp(r.z, a, n);
  return int_from_mpz(ts, r.z);
}

// Floor division by a power of two: Python's >> on negative numbers.
Value right_shift(ThreadState& ts, mpz_srcptr a, const Value& b) {
  mp_bitcnt_t n = shift_count(ts, b);
  Mpz r;
  mpz_fdiv_q_2exp(r.z, a, n);
  return int_from_mpz(ts, r.z);
}

// a ** b: an int for b >= 0, a float for a negative b (as CPython).
Value power(ThreadState& ts, const Value& a, const Value& b) {
  MpzView x(a), e(b);
  if (mpz_sgn(e.get()) < 0) {
    if (mpz_sgn(x.get()) == 0) raise_zero_division(ts, "0.0 cannot be raised to a negative power");
    double r = std::pow(int_to_double(ts, a), int_to_double(ts, b));
    return Value::number(r);
  }
  // Bases whose powers never grow: 0, 1 and -1, whatever the exponent.
  if (mpz_cmpabs_ui(x.get(), 1) <= 0) {
    if (mpz_sgn(x.get()) == 0) return Value::integer(mpz_sgn(e.get()) == 0 ? 1 : 0);
    return Value::integer(mpz_sgn(x.get()) > 0 || mpz_even_p(e.get()) ? 1 : -1);
  }
  if (!mpz_fits_ulong_p(e.get()) || mpz_get_ui(e.get()) > (1ul << 40))
    raise(ts, ts.rt.types.OverflowError, "exponent too large");
  Mpz r;
  mpz_pow_ui(r.z, x.get(), mpz_get_ui(e.get()));
  return int_from_mpz(ts, r.z);
}

using MpzOp = void (*)(mpz_ptr, mpz_srcptr, mpz_srcptr);

Value apply(ThreadState& ts, MpzOp fn, mpz_srcptr a, mpz_srcptr b) {
  Mpz r;
  fn(r.z, a, b);
  return int_from_mpz(ts, r.z);
}

}  // namespace

Value int_from_mpz(Runtime& rt, mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) return Value::integer(mpz_get_si(z));
  ObjLong* o = new_object<ObjLong>(rt, rt.types.int_);
  mpz_set(o->z, z);
  return Value::adopt(o);
}

Value int_from_mpz(ThreadState& ts, mpz_srcptr z) { return int_from_mpz(ts.rt, z); }

Value int_from_literal(Runtime& rt, const std::string& digits, int base) {
  Mpz z;
  mpz_set_str(z.z, digits.c_str(), base);
  return int_from_mpz(rt, z.z);
}

std::string long_constant_key(const Value& v) {
  MpzView z(v);
  std::string out(mpz_sizeinbase(z.get(), 16) + 2, '\0');
  mpz_get_str(out.data(), 16, z.get());
  out.resize(std::char_traits<char>::length(out.data()));
  return out;
}

Value long_binary(ThreadState& ts, BinaryOp op, const Value& a, const Value& b) {
  if (op == BinaryOp::Div) return Value::number(int_true_divide(ts, a, b));
  if (op == BinaryOp::Pow) return power(ts, a, b);
  MpzView x(a), y(b);
  switch (op) {
    case BinaryOp::Add: return apply(ts, mpz_add, x.get(), y.get());
    case BinaryOp::Sub: return apply(ts, mpz_sub, x.get(), y.get());
    case BinaryOp::Mul: return apply(ts, mpz_mul, x.get(), y.get());
    case BinaryOp::FloorDiv:
      if (mpz_sgn(y.get()) == 0) raise_zero_division(ts, "integer division or modulo by zero");
      return apply(ts, mpz_fdiv_q, x.get(), y.get());
    case BinaryOp::Mod:
      if (mpz_sgn(y.get()) == 0) raise_zero_division(ts, "integer modulo by zero");
      return apply(ts, mpz_fdiv_r, x.get(), y.get());
    case BinaryOp::And: return apply(ts, mpz_and, x.get(), y.get());
    case BinaryOp::Or: return apply(ts, mpz_ior, x.get(), y.get());
    case BinaryOp::Xor: return apply(ts, mpz_xor, x.get(), y.get());
    case BinaryOp::LShift: return left_shift(ts, x.get(), b);
    case BinaryOp::RShift: return right_shift(ts, x.get(), b);
    default: return Value();
  }
}

Value long_pow_mod(ThreadState& ts, const Value& a, const Value& b, const Value& m) {
  MpzView x(a), e(b), mod(m);
  if (mpz_sgn(mod.get()) == 0) raise(ts, ts.rt.types.ValueError, "pow() 3rd argument cannot be 0");
  Mpz base, r, abs_mod, abs_e;
  mpz_abs(abs_mod.z, mod.get());
  mpz_set(base.z, x.get());
  mpz_abs(abs_e.z, e.get());
  // A negative exponent raises the inverse of the base, when it has one.
  if (mpz_sgn(e.get()) < 0 && mpz_invert(base.z, x.get(), abs_mod.z) == 0)
    raise(ts, ts.rt.types.ValueError, "base is not invertible for the given modulus");
  mpz_powm(r.z, base.z, abs_e.z, abs_mod.z);
  // GMP's result is in [0, |m|); Python's takes the sign of m.
  if (mpz_sgn(mod.get()) < 0 && mpz_sgn(r.z) != 0) mpz_add(r.z, r.z, mod.get());
  return int_from_mpz(ts, r.z);
}

Value long_negate(ThreadState& ts, const Value& a) {
  Mpz r;
  mpz_neg(r.z, MpzView(a).get());
  return int_from_mpz(ts, r.z);
}

Value long_invert(ThreadState& ts, const Value& a) {
  Mpz r;
  mpz_com(r.z, MpzView(a).get());
  return int_from_mpz(ts, r.z);
}

int int_compare(const Value& a, const Value& b) {
  int c = mpz_cmp(MpzView(a).get(), MpzView(b).get());
  return (c > 0) - (c < 0);
}

int int_float_compare(const Value& a, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  // Against the float's integer part exactly; a fraction left over breaks a tie.
  double whole = std::floor(d);
  Mpz w;
  mpz_set_d(w.z, whole);
  int c = mpz_cmp(MpzView(a).get(), w.z);
  if (c == 0 && d > whole) return -1;
  return (c > 0) - (c < 0);
}

namespace {

// The double nearest to |q| * 2**scale, where q carries at least 55
// significant bits and its low bit is set when anything below was lost
// (sticky): rounding q to 53 bits then rounds the exact value correctly,
// half to even. Infinity when it overflows.
double scaled(mpz_srcptr q, long scale) {
  double m = static_cast<double>(mpz_get_ui(q));  // q < 2**64: hardware rounding
  return std::ldexp(m, static_cast<int>(std::clamp<long>(scale, -2200, 2200)));
}

// |a| >> shift with the sticky bit, then the double for it.
double nearest(mpz_srcptr a) {
  size_t bits = mpz_sizeinbase(a, 2);
  if (mpz_sgn(a) == 0) return 0.0;
  if (bits <= 63) return static_cast<double>(mpz_get_si(a));
  long shift = static_cast<long>(bits) - 58;
  Mpz q;
  mpz_tdiv_q_2exp(q.z, a, shift);
  mpz_abs(q.z, q.z);
  if (mpz_scan1(a, 0) < static_cast<mp_bitcnt_t>(shift)) mpz_setbit(q.z, 0);
  double r = scaled(q.z, shift);
  return mpz_sgn(a) < 0 ? -r : r;
}

}  // namespace

double int_to_double(ThreadState& ts, const Value& a) {
  if (!is_long(a)) return static_cast<double>(a.as_int());
  double r = nearest(static_cast<ObjLong*>(a.as_obj())->z);
  if (std::isinf(r)) raise(ts, ts.rt.types.OverflowError, "int too large to convert to float");
  return r;
}

double int_true_divide(ThreadState& ts, const Value& a, const Value& b) {
  MpzView x(a), y(b);
  if (mpz_sgn(y.get()) == 0) raise_zero_division(ts, "division by zero");
  if (mpz_sgn(x.get()) == 0) return mpz_sgn(y.get()) < 0 ? -0.0 : 0.0;
  // q = floor(|a| * 2**s / |b|) with 2**57 <= q < 2**59, remainder as sticky.
  long s = 58 - (static_cast<long>(mpz_sizeinbase(x.get(), 2)) - static_cast<long>(mpz_sizeinbase(y.get(), 2)));
  Mpz n, d, q, r;
  mpz_abs(n.z, x.get());
  mpz_abs(d.z, y.get());
  if (s > 0) mpz_mul_2exp(n.z, n.z, s);
  if (s < 0) mpz_mul_2exp(d.z, d.z, -s);
  mpz_tdiv_qr(q.z, r.z, n.z, d.z);
  if (mpz_sgn(r.z) != 0) mpz_setbit(q.z, 0);
  double result = scaled(q.z, -s);
  if (std::isinf(result)) raise(ts, ts.rt.types.OverflowError, "integer division result too large for a float");
  // Known gap: a quotient in the subnormal range is rounded twice
  // (to 53 bits, then by ldexp); CPython rounds it once.
  bool negative = (mpz_sgn(x.get()) < 0) != (mpz_sgn(y.get()) < 0);
  return negative ? -result : result;
}

Value int_from_double(ThreadState& ts, double d) {
  Mpz z;
  mpz_set_d(z.z, std::trunc(d));
  return int_from_mpz(ts, z.z);
}

uint64_t long_hash(const ObjLong* v) {
  int64_t h = static_cast<int64_t>(mpz_fdiv_ui(v->z, kHashModulus));
  // fdiv_ui reduces |v| when v >= 0; for v < 0 it gives the floor residue,
  // so take the residue of |v| and negate it, as CPython does.
  if (mpz_sgn(v->z) < 0) {
    Mpz m;
    mpz_neg(m.z, v->z);
    h = -static_cast<int64_t>(mpz_fdiv_ui(m.z, kHashModulus));
  }
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

int64_t int_bit_length(const Value& v) {
  MpzView z(v);
  return mpz_sgn(z.get()) == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(z.get(), 2));
}

namespace {

[[noreturn]] void raise_digit_limit(ThreadState& ts, std::string detail) {
  raise(ts, ts.rt.types.ValueError,
        "Exceeds the limit (4300 digits) for integer string conversion" + detail +
            "; use sys.set_int_max_str_digits() to increase the limit");
}

bool power_of_two(int base) { return (base & (base - 1)) == 0; }

}  // namespace

std::string int_to_text(ThreadState& ts, const Value& v, int base) {
  MpzView z(v);
  // mpz_sizeinbase may be one too large: check the digits themselves.
  if (base == 10 && mpz_sizeinbase(z.get(), 10) > kMaxStrDigits + 1) raise_digit_limit(ts, "");
  std::string out(mpz_sizeinbase(z.get(), base) + 2, '\0');
  mpz_get_str(out.data(), base, z.get());
  out.resize(std::char_traits<char>::length(out.data()));
  size_t digits = out.size() - (out[0] == '-');
  if (base == 10 && digits > kMaxStrDigits) raise_digit_limit(ts, "");
  return out;
}

Value int_from_digits(ThreadState& ts, std::string_view digits, int base, bool negative) {
  if (!power_of_two(base) && digits.size() > kMaxStrDigits)
    raise_digit_limit(ts, ": value has " + std::to_string(digits.size()) + " digits");
  Mpz z;
  mpz_set_str(z.z, std::string(digits).c_str(), base);
  if (negative) mpz_neg(z.z, z.z);
  return int_from_mpz(ts, z.z);
}

// ---- Methods' arithmetic ---------------------------------------------------------

Value int_round(ThreadState& ts, const Value& v, const Value& ndigits) {
  MpzView x(v), n(ndigits);
  if (mpz_sgn(n.get()) >= 0) return is_long(v) ? v : Value::integer(v.as_int());
  // 10**k past twice |v| rounds everything to 0: no need to build it.
  Mpz k;
  mpz_neg(k.z, n.get());
  if (mpz_cmp_ui(k.z, mpz_sizeinbase(x.get(), 10) + 1) > 0) return Value::integer(0);
  Mpz p, q, r, twice;
  mpz_ui_pow_ui(p.z, 10, mpz_get_ui(k.z));
  mpz_fdiv_qr(q.z, r.z, x.get(), p.z);
  mpz_mul_2exp(twice.z, r.z, 1);
  int c = mpz_cmp(twice.z, p.z);
  if (c > 0 || (c == 0 && mpz_odd_p(q.z))) mpz_add_ui(q.z, q.z, 1);
  mpz_mul(q.z, q.z, p.z);
  return int_from_mpz(ts, q.z);
}

int64_t int_bit_count(const Value& v) {
  Mpz a;
  mpz_abs(a.z, MpzView(v).get());
  return static_cast<int64_t>(mpz_popcount(a.z));
}

std::string int_to_bytes(ThreadState& ts, const Value& v, int64_t length, bool little, bool is_signed) {
  MpzView x(v);
  if (!is_signed && mpz_sgn(x.get()) < 0)
    raise(ts, ts.rt.types.OverflowError, "can't convert negative int to unsigned");
  // The value must fit in 8 * length bits (one fewer, plus the sign, when signed).
  Mpz limit, u;
  uint64_t bits = static_cast<uint64_t>(length) * 8;
  bool fits;
  if (length > (int64_t{1} << 40)) {
    fits = true;  // no int this large can be made
  } else if (is_signed) {
    fits = bits > 0 && mpz_sizeinbase(x.get(), 2) < bits;
    if (!fits && bits > 0 && mpz_sgn(x.get()) < 0) {  // -2**(bits-1) itself fits
      mpz_neg(u.z, x.get());
      fits = mpz_sizeinbase(u.z, 2) == bits && mpz_scan1(u.z, 0) == bits - 1;
    }
    if (mpz_sgn(x.get()) == 0) fits = true;
  } else {
    fits = mpz_sgn(x.get()) == 0 || mpz_sizeinbase(x.get(), 2) <= bits;
  }
  if (!fits) raise(ts, ts.rt.types.OverflowError, "int too big to convert");
  // Two's complement: the value modulo 2**bits.
  mpz_fdiv_r_2exp(u.z, x.get(), bits);
  std::string out(static_cast<size_t>(length), '\0');
  size_t count = 0;
  if (mpz_sgn(u.z) != 0) {
    size_t used = (mpz_sizeinbase(u.z, 2) + 7) / 8;
    mpz_export(out.data() + (little ? 0 : out.size() - used), &count, little ? -1 : 1, 1, 0, 0, u.z);
  }
  return out;
}

Value int_from_bytes(ThreadState& ts, std::string_view data, bool little, bool is_signed) {
  Mpz z;
  if (!data.empty()) mpz_import(z.z, data.size(), little ? -1 : 1, 1, 0, 0, data.data());
  unsigned char top = data.empty() ? 0 : static_cast<unsigned char>(little ? data.back() : data.front());
  if (is_signed && (top & 0x80)) {
    Mpz span;
    mpz_setbit(span.z, data.size() * 8);
    mpz_sub(z.z, z.z, span.z);
  }
  return int_from_mpz(ts, z.z);
}

std::pair<Value, Value> double_as_ratio(ThreadState& ts, double d) {
  if (d == 0.0) return {Value::integer(0), Value::integer(1)};
  int exponent;
  double mantissa = std::frexp(d, &exponent);
  // 53 bits of mantissa as an integer, the exponent adjusted to match.
  mantissa = std::ldexp(mantissa, 53);
  exponent -= 53;
  Mpz n, den;
  mpz_set_d(n.z, mantissa);
  mpz_set_ui(den.z, 1);
  if (mpz_sgn(n.z) != 0) {
    mp_bitcnt_t zeros = mpz_scan1(n.z, 0);
    mpz_fdiv_q_2exp(n.z, n.z, zeros);
    exponent += static_cast<int>(zeros);
  }
  if (exponent > 0) mpz_mul_2exp(n.z, n.z, static_cast<mp_bitcnt_t>(exponent));
  if (exponent < 0) mpz_mul_2exp(den.z, den.z, static_cast<mp_bitcnt_t>(-exponent));
  return {int_from_mpz(ts, n.z), int_from_mpz(ts, den.z)};
}

}  // namespace gil
