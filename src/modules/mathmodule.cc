#include "gil/modules/mathmodule.h"

#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"

namespace gil {
namespace {

// An mpz that frees itself.
struct Mpz {
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_t z;
};

// A function name usable as a template argument, for argument-count errors.
template <size_t N>
struct Name {
  constexpr Name(const char (&s)[N]) { std::copy_n(s, N, text); }
  char text[N];
};

[[noreturn]] void domain_error(ThreadState& ts) { raise(ts, ts.rt.types.ValueError, "math domain error"); }
[[noreturn]] void range_error(ThreadState& ts) { raise(ts, ts.rt.types.OverflowError, "math range error"); }

// The special method [name] of [v] called with no arguments, or empty.
Value call_special(ThreadState& ts, const Value& v, std::string_view name) {
  Value method = try_get_attr(ts, v, ts.rt.intern(name));
  if (method.is_empty()) return method;
  return call(ts, method, nullptr, 0);
}

// PyFloat_AsDouble: a float, an int of any size, or __float__/__index__.
double to_double(ThreadState& ts, const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.is_intlike()) return static_cast<double>(v.as_int());
  if (is_long(v)) return int_to_double(ts, v);
  if (!is_str(v) && !is_bytes(v)) {
    Value f = call_special(ts, v, "__float__");
    if (f.is_float()) return f.as_float();
    if (f.is_empty()) {
      Value i = call_special(ts, v, "__index__");
      if (is_integer(i)) return is_long(i) ? int_to_double(ts, i) : static_cast<double>(i.as_int());
    }
  }
  raise(ts, ts.rt.types.TypeError, "must be real number, not " + std::string(type_name(ts, v)));
}

// PyNumber_Index: an int, or what __index__ gives.
Value to_index(ThreadState& ts, const Value& v) {
  if (is_integer(v)) return v.is_bool() ? Value::integer(v.as_int()) : v;
  if (!v.is_float() && !is_str(v)) {
    Value i = call_special(ts, v, "__index__");
    if (is_integer(i)) return i;
  }
  raise(ts, ts.rt.types.TypeError,
        "'" + std::string(type_name(ts, v)) + "' object cannot be interpreted as an integer");
}

// CPython's is_error: errno set by a libm call becomes an exception, except
// an underflow (ERANGE with a small result), which is not an error.
void check_errno(ThreadState& ts, double r) {
  if (errno == EDOM) domain_error(ts);
  if (errno == ERANGE && std::fabs(r) >= 1.5) range_error(ts);
}

// An int from a double's integral value (PyLong_FromDouble).
Value int_from_whole_double(ThreadState& ts, double d) {
  if (std::isinf(d)) raise(ts, ts.rt.types.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(ts, ts.rt.types.ValueError, "cannot convert float NaN to integer");
  return int_from_double(ts, d);
}

// ---- Functions of one float (math_1) ------------------------------------------

// A NaN from a non-NaN is a domain error; an infinity from a finite value
// is an overflow where the function can overflow, a singularity otherwise.
template <Name N, double (*F)(double), bool CanOverflow>
Value math_1(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 1, 1);
  double x = to_double(ts, args[0]);
  errno = 0;
  double r = F(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) {
    if (CanOverflow) range_error(ts);
    domain_error(ts);
  }
  if (std::isfinite(r) && errno) check_errno(ts, r);
  return Value::number(r);
}

// gamma and lgamma report through errno only (math_1a).
template <Name N, double (*F)(double)>
Value math_1a(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 1, 1);
  double x = to_double(ts, args[0]);
  errno = 0;
  double r = F(x);
  if (errno) check_errno(ts, r);
  return Value::number(r);
}

// sin(pi*x), exact at integers (the reflection formula of gamma needs it).
double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r = 0;
  switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;  // not -sin(pi*(y-1)): that gives -0.0 at 1
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// CPython's own gamma: the Lanczos approximation with N=13 and
// g=6.024680040776729583740234375 (Boost's parameters), as a rational
// function, with a correction for the rounding of x+g-0.5. Libm's tgamma
// differs in the last bits, and the point is to print what CPython prints.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator, x*(x+1)*...*(x+N-2), by its coefficients.
constexpr double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  // Past 5 the sum is evaluated in 1/x, which avoids overflow.
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_tgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= 23) {  // exact factorials
      double f = 1.0;
      for (int i = 2; i < static_cast<int>(x); ++i) f *= i;
      return f;
    }
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // z: the rounding error of y, computed so that no term cancels exactly.
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -M_PI / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_lgamma(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

// The logarithms set EDOM at 0 and below, as CPython's m_log does.
template <double (*F)(double)>
double checked_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return F(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

// |v| as m * 2**e with m in [0.5, 1), rounded to 53 bits (_PyLong_Frexp).
double long_frexp(const Value& v, int64_t& e) {
  MpzView z(v);
  Mpz a;
  mpz_abs(a.z, z.get());
  int64_t bits = static_cast<int64_t>(mpz_sizeinbase(a.z, 2));
  // 55 bits plus a sticky bit round exactly once when converted.
  Mpz top;
  int64_t shift = bits - 55;
  mpz_tdiv_q_2exp(top.z, a.z, static_cast<mp_bitcnt_t>(shift));
  uint64_t q = mpz_get_ui(top.z);
  if (mpz_scan1(a.z, 0) < static_cast<mp_bitcnt_t>(shift)) q |= 1;
  double m = std::ldexp(static_cast<double>(q), -55);
  e = bits;
  if (m == 1.0) {
    m = 0.5;
    ++e;
  }
  return m;
}

// loghelper: ints of any size have a logarithm even past the float range.
template <double (*F)(double)>
double log_of(ThreadState& ts, const Value& v) {
  if (is_integer(v)) {
    MpzView z(v);
    if (mpz_sgn(z.get()) <= 0) domain_error(ts);
    if (is_long(v) && mpz_sizeinbase(z.get(), 2) > DBL_MAX_EXP) {
      int64_t e;
      double m = long_frexp(v, e);
      return F(m) + F(2.0) * static_cast<double>(e);
    }
    return F(is_long(v) ? int_to_double(ts, v) : static_cast<double>(v.as_int()));
  }
  double x = to_double(ts, v);
  errno = 0;
  double r = checked_log<F>(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) domain_error(ts);
  return r;
}

template <Name N, double (*F)(double)>
Value math_log_n(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 1, 1);
  return Value::number(log_of<F>(ts, args[0]));
}

Value math_log(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "log", kwnames);
  check_args(ts, "log", argc, 1, 2);
  double num = log_of<ln>(ts, args[0]);
  if (argc == 1) return Value::number(num);
  double den = log_of<ln>(ts, args[1]);
  if (den == 0.0) raise(ts, ts.rt.types.ZeroDivisionError, "float division by zero");
  return Value::number(num / den);
}

// ---- Functions of two floats (math_2) --------------------------------------------

template <Name N, double (*F)(double, double)>
Value math_2(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 2, 2);
  double x = to_double(ts, args[0]), y = to_double(ts, args[1]);
  double r = F(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error(ts);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) range_error(ts);
  return Value::number(r);
}

double m_atan2(double y, double x) { return std::atan2(y, x); }
double m_copysign(double x, double y) { return std::copysign(x, y); }
double m_remainder(double x, double y) { return std::remainder(x, y); }
double m_nextafter(double x, double y) { return std::nextafter(x, y); }

Value math_fmod(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "fmod", kwnames);
  check_args(ts, "fmod", argc, 2, 2);
  double x = to_double(ts, args[0]), y = to_double(ts, args[1]);
  if (std::isinf(y) && std::isfinite(x)) return Value::number(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error(ts);
  return Value::number(r);
}

// C99's pow with CPython's errors: the special values are settled first,
// so that libm is only asked about finite operands.
Value math_pow(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "pow", kwnames);
  check_args(ts, "pow", argc, 2, 2);
  double x = to_double(ts, args[0]), y = to_double(ts, args[1]);
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.)
        r = odd_y ? x : std::fabs(x);
      else if (y == 0.)
        r = 1.;
      else
        r = odd_y ? std::copysign(0., x) : 0.;
    } else {
      if (std::fabs(x) == 1.0)
        r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0)
        r = y;
      else if (y < 0. && std::fabs(x) < 1.0)
        r = -y;
      else
        r = 0.;
    }
    return Value::number(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) domain_error(ts);
  if (std::isinf(r)) {
    if (x == 0.) domain_error(ts);
    range_error(ts);
  }
  return Value::number(r);
}

// ---- Rounding and decomposition ---------------------------------------------------

template <Name N, double (*F)(double)>
Value math_round_to_int(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 1, 1);
  const Value& v = args[0];
  if (v.is_float()) return int_from_whole_double(ts, F(v.as_float()));
  if (is_integer(v)) return v.is_bool() ? Value::integer(v.as_int()) : v;
  std::string special = std::string("__") + N.text + "__";
  if (!is_str(v)) {
    Value r = call_special(ts, v, special);
    if (!r.is_empty()) return r;
  }
  return int_from_whole_double(ts, F(to_double(ts, v)));
}

double m_floor(double x) { return std::floor(x); }
double m_ceil(double x) { return std::ceil(x); }

Value math_trunc(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "trunc", kwnames);
  check_args(ts, "trunc", argc, 1, 1);
  const Value& v = args[0];
  if (v.is_float()) return int_from_whole_double(ts, std::trunc(v.as_float()));
  if (is_integer(v)) return v.is_bool() ? Value::integer(v.as_int()) : v;
  Value r = is_str(v) ? Value() : call_special(ts, v, "__trunc__");
  if (r.is_empty())
    raise(ts, ts.rt.types.TypeError, "type " + std::string(type_name(ts, v)) + " doesn't define __trunc__ method");
  return r;
}

Value math_frexp(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "frexp", kwnames);
  check_args(ts, "frexp", argc, 1, 1);
  double x = to_double(ts, args[0]);
  int e = 0;
  if (std::isfinite(x) && x != 0.0) x = std::frexp(x, &e);
  return make_tuple(ts, {Value::number(x), Value::integer(e)});
}

Value math_ldexp(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "ldexp", kwnames);
  check_args(ts, "ldexp", argc, 2, 2);
  double x = to_double(ts, args[0]);
  if (!is_integer(args[1]))
    raise(ts, ts.rt.types.TypeError, "Expected an int as second argument to ldexp.");
  MpzView e(args[1]);
  if (x == 0.0 || !std::isfinite(x)) return Value::number(x);
  if (mpz_cmp_si(e.get(), LONG_MAX) > 0) range_error(ts);
  if (mpz_cmp_si(e.get(), LONG_MIN) < 0) return Value::number(std::copysign(0., x));
  long exp = mpz_get_si(e.get());
  // Past the int range the result is already 0 or infinite.
  int ie = exp > INT_MAX ? INT_MAX : exp < INT_MIN ? INT_MIN : static_cast<int>(exp);
  double r = std::ldexp(x, ie);
  if (std::isinf(r)) range_error(ts);
  return Value::number(r);
}

Value math_modf(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "modf", kwnames);
  check_args(ts, "modf", argc, 1, 1);
  double x = to_double(ts, args[0]);
  if (std::isinf(x)) return make_tuple(ts, {Value::number(std::copysign(0., x)), Value::number(x)});
  if (std::isnan(x)) return make_tuple(ts, {Value::number(x), Value::number(x)});
  double whole;
  double frac = std::modf(x, &whole);
  return make_tuple(ts, {Value::number(frac), Value::number(whole)});
}

template <Name N, bool (*F)(double)>
Value math_predicate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  check_args(ts, N.text, argc, 1, 1);
  return Value::boolean(F(to_double(ts, args[0])));
}

bool is_finite(double x) { return std::isfinite(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_nan(double x) { return std::isnan(x); }

Value math_isclose(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[4];
  bind_arguments(ts, "isclose", args, argc, kwnames, {"a", "b", "rel_tol", "abs_tol"}, a);
  if (argc > 2) raise(ts, ts.rt.types.TypeError, "isclose() takes exactly 2 positional arguments (" + std::to_string(argc) + " given)");
  if (!a[0] || !a[1]) raise(ts, ts.rt.types.TypeError, std::string("isclose() missing required argument '") + (a[0] ? "b" : "a") + "' (pos " + (a[0] ? "2" : "1") + ")");
  double x = to_double(ts, *a[0]), y = to_double(ts, *a[1]);
  double rel_tol = a[2] ? to_double(ts, *a[2]) : 1e-9;
  double abs_tol = a[3] ? to_double(ts, *a[3]) : 0.0;
  if (rel_tol < 0.0 || abs_tol < 0.0) raise(ts, ts.rt.types.ValueError, "tolerances must be non-negative");
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double diff = std::fabs(y - x);
  return Value::boolean(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

Value math_ulp(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "ulp", kwnames);
  check_args(ts, "ulp", argc, 1, 1);
  double x = to_double(ts, args[0]);
  if (std::isnan(x) || std::isinf(x)) return Value::number(std::fabs(x));
  x = std::fabs(x);
  if (x == DBL_MAX) return Value::number(x - std::nextafter(x, 0.0));
  return Value::number(std::nextafter(x, HUGE_VAL) - x);
}

double to_degrees(double x) { return x * (180.0 / M_PI); }
double to_radians(double x) { return x * (M_PI / 180.0); }

// ---- Sums and norms -----------------------------------------------------------

// fsum: Shewchuk's exact partials, rounded once at the end with CPython's
// half-even correction across partials.
Value math_fsum(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "fsum", kwnames);
  check_args(ts, "fsum", argc, 1, 1);
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  Value it = get_iter(ts, args[0]);
  Value item;
  while (next_item(ts, it, item)) {
    double x = to_double(ts, item);
    double xsave = x;
    size_t i = 0;
    for (double y : p) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // An infinity or NaN among the items, or an overflow of the sum.
        if (std::isfinite(xsave)) raise(ts, ts.rt.types.OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) raise(ts, ts.rt.types.ValueError, "-inf + inf in fsum");
    return Value::number(special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return Value::number(hi);
}

// The Euclidean norm of [vec] (all finite, |x| <= max) as CPython 3.11's
// vector_norm computes it: scaled by a power of two, squares summed exactly
// in double-length arithmetic, then one correction step of the root.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || vec.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& x : vec) x /= DBL_MIN;  // subnormals to normals
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  auto add = [&](double hi, double lo) {
    double s = csum + hi;
    frac2 += hi - (s - csum);  // csum >= hi: the fast two-sum is exact
    csum = s;
    frac1 += lo;
  };
  for (double x : vec) {
    x *= scale;
    double sq = x * x;
    add(sq, std::fma(x, x, -sq));
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double sq = -h * h;
  add(sq, std::fma(-h, h, -sq));
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value math_hypot(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "hypot", kwnames);
  std::vector<double> vec;
  double max = 0.0;
  bool found_nan = false;
  for (int i = 0; i < argc; ++i) {
    double x = std::fabs(to_double(ts, args[i]));
    vec.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::number(vector_norm(vec, max, found_nan));
}

Value math_dist(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "dist", kwnames);
  check_args(ts, "dist", argc, 2, 2);
  std::vector<Value> p = collect(ts, args[0]), q = collect(ts, args[1]);
  if (p.size() != q.size())
    raise(ts, ts.rt.types.ValueError, "both points must have the same number of dimensions");
  std::vector<double> vec;
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    double x = std::fabs(to_double(ts, p[i]) - to_double(ts, q[i]));
    vec.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::number(vector_norm(vec, max, found_nan));
}

Value math_prod(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[2];
  bind_arguments(ts, "prod", args, argc, kwnames, {"iterable", "start"}, a);
  if (argc > 1) raise(ts, ts.rt.types.TypeError, "prod() takes exactly 1 positional argument (" + std::to_string(argc) + " given)");
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "prod() missing required argument 'iterable' (pos 1)");
  Value result = a[1] ? *a[1] : Value::integer(1);
  Value it = get_iter(ts, *a[0]);
  Value item;
  while (next_item(ts, it, item)) result = binary_op(ts, BinaryOp::Mul, result, item, false);
  return result;
}

// ---- Integer functions -------------------------------------------------------------

Value math_isqrt(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "isqrt", kwnames);
  check_args(ts, "isqrt", argc, 1, 1);
  Value n = to_index(ts, args[0]);
  MpzView z(n);
  if (mpz_sgn(z.get()) < 0) raise(ts, ts.rt.types.ValueError, "isqrt() argument must be nonnegative");
  Mpz r;
  mpz_sqrt(r.z, z.get());
  return int_from_mpz(ts, r.z);
}

Value math_factorial(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "factorial", kwnames);
  check_args(ts, "factorial", argc, 1, 1);
  Value n = to_index(ts, args[0]);
  MpzView z(n);
  if (mpz_cmp_si(z.get(), LONG_MAX) > 0)
    raise(ts, ts.rt.types.OverflowError, "factorial() argument should not exceed " + std::to_string(LONG_MAX));
  if (mpz_sgn(z.get()) < 0) raise(ts, ts.rt.types.ValueError, "factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r.z, mpz_get_ui(z.get()));
  return int_from_mpz(ts, r.z);
}

// n and k of comb and perm: non-negative ints.
void nonnegative(ThreadState& ts, mpz_srcptr z, const char* what) {
  if (mpz_sgn(z) < 0) raise(ts, ts.rt.types.ValueError, std::string(what) + " must be a non-negative integer");
}

Value math_comb(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "comb", kwnames);
  check_args(ts, "comb", argc, 2, 2);
  Value nv = to_index(ts, args[0]), kv = to_index(ts, args[1]);
  MpzView n(nv), k(kv);
  nonnegative(ts, n.get(), "n");
  nonnegative(ts, k.get(), "k");
  if (mpz_cmp(k.get(), n.get()) > 0) return Value::integer(0);
  Mpz small;  // min(k, n - k)
  mpz_sub(small.z, n.get(), k.get());
  if (mpz_cmp(k.get(), small.z) < 0) mpz_set(small.z, k.get());
  if (mpz_cmp_si(small.z, LLONG_MAX) > 0)
    raise(ts, ts.rt.types.OverflowError, "min(n - k, k) must not exceed " + std::to_string(LLONG_MAX));
  Mpz r;
  mpz_bin_ui(r.z, n.get(), mpz_get_ui(small.z));
  return int_from_mpz(ts, r.z);
}

Value math_perm(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "perm", kwnames);
  check_args(ts, "perm", argc, 1, 2);
  if (argc == 1 || args[1].is_none()) return math_factorial(ts, args, 1, nullptr);
  Value nv = to_index(ts, args[0]), kv = to_index(ts, args[1]);
  MpzView n(nv), k(kv);
  nonnegative(ts, n.get(), "n");
  nonnegative(ts, k.get(), "k");
  if (mpz_cmp(k.get(), n.get()) > 0) return Value::integer(0);
  if (mpz_cmp_si(k.get(), LLONG_MAX) > 0)
    raise(ts, ts.rt.types.OverflowError, "k must not exceed " + std::to_string(LLONG_MAX));
  unsigned long count = mpz_get_ui(k.get());
  Mpz r, factor;
  mpz_set_ui(r.z, 1);
  mpz_set(factor.z, n.get());
  for (unsigned long i = 0; i < count; ++i) {
    mpz_mul(r.z, r.z, factor.z);
    mpz_sub_ui(factor.z, factor.z, 1);
  }
  return int_from_mpz(ts, r.z);
}

template <Name N, void (*F)(mpz_ptr, mpz_srcptr, mpz_srcptr), int Empty>
Value math_gcd_lcm(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, N.text, kwnames);
  Mpz r;
  if (argc == 0) {
    mpz_set_si(r.z, Empty);
    return int_from_mpz(ts, r.z);
  }
  Value first = to_index(ts, args[0]);
  MpzView f(first);
  mpz_abs(r.z, f.get());
  for (int i = 1; i < argc; ++i) {
    Value v = to_index(ts, args[i]);
    MpzView z(v);
    F(r.z, r.z, z.get());
  }
  return int_from_mpz(ts, r.z);
}

// ---- The module -----------------------------------------------------------------------

Value make_math_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "math");
  Value module = Value::adopt(m);
  auto attr = [&](std::string_view name, Value v) { m->attrs.emplace_back(rt.intern(name), std::move(v)); };
  auto fn = [&](std::string_view name, NativeFn f, std::string_view keywords = {}) {
    attr(name, make_native(name, f, keywords));
  };
  attr("pi", Value::number(M_PI));
  attr("e", Value::number(M_E));
  attr("tau", Value::number(2 * M_PI));
  attr("inf", Value::number(HUGE_VAL));
  attr("nan", Value::number(NAN));
  using D = double (*)(double);
  fn("sqrt", math_1<"sqrt", static_cast<D>(std::sqrt), false>);
  fn("exp", math_1<"exp", static_cast<D>(std::exp), true>);
  fn("exp2", math_1<"exp2", static_cast<D>(std::exp2), true>);
  fn("expm1", math_1<"expm1", static_cast<D>(std::expm1), true>);
  fn("log1p", math_1<"log1p", static_cast<D>(std::log1p), false>);
  fn("fabs", math_1<"fabs", static_cast<D>(std::fabs), false>);
  fn("cbrt", math_1<"cbrt", static_cast<D>(std::cbrt), false>);
  fn("sin", math_1<"sin", static_cast<D>(std::sin), false>);
  fn("cos", math_1<"cos", static_cast<D>(std::cos), false>);
  fn("tan", math_1<"tan", static_cast<D>(std::tan), false>);
  fn("asin", math_1<"asin", static_cast<D>(std::asin), false>);
  fn("acos", math_1<"acos", static_cast<D>(std::acos), false>);
  fn("atan", math_1<"atan", static_cast<D>(std::atan), false>);
  fn("sinh", math_1<"sinh", static_cast<D>(std::sinh), true>);
  fn("cosh", math_1<"cosh", static_cast<D>(std::cosh), true>);
  fn("tanh", math_1<"tanh", static_cast<D>(std::tanh), false>);
  fn("asinh", math_1<"asinh", static_cast<D>(std::asinh), false>);
  fn("acosh", math_1<"acosh", static_cast<D>(std::acosh), false>);
  fn("atanh", math_1<"atanh", static_cast<D>(std::atanh), false>);
  fn("erf", math_1<"erf", static_cast<D>(std::erf), false>);
  fn("erfc", math_1<"erfc", static_cast<D>(std::erfc), false>);
  fn("degrees", math_1<"degrees", to_degrees, false>);
  fn("radians", math_1<"radians", to_radians, false>);
  fn("gamma", math_1a<"gamma", m_tgamma>);
  fn("lgamma", math_1a<"lgamma", m_lgamma>);
  fn("log", math_log);
  fn("log2", math_log_n<"log2", lg2>);
  fn("log10", math_log_n<"log10", lg10>);
  fn("atan2", math_2<"atan2", m_atan2>);
  fn("copysign", math_2<"copysign", m_copysign>);
  fn("remainder", math_2<"remainder", m_remainder>);
  fn("nextafter", math_2<"nextafter", m_nextafter>);
  fn("fmod", math_fmod);
  fn("pow", math_pow);
  fn("floor", math_round_to_int<"floor", m_floor>);
  fn("ceil", math_round_to_int<"ceil", m_ceil>);
  fn("trunc", math_trunc);
  fn("frexp", math_frexp);
  fn("ldexp", math_ldexp);
  fn("modf", math_modf);
  fn("isfinite", math_predicate<"isfinite", is_finite>);
  fn("isinf", math_predicate<"isinf", is_inf>);
  fn("isnan", math_predicate<"isnan", is_nan>);
  fn("isclose", math_isclose, "a b rel_tol abs_tol");
  fn("ulp", math_ulp);
  fn("fsum", math_fsum);
  fn("hypot", math_hypot);
  fn("dist", math_dist);
  fn("prod", math_prod, "iterable start");
  fn("isqrt", math_isqrt);
  fn("factorial", math_factorial);
  fn("comb", math_comb);
  fn("perm", math_perm);
  fn("gcd", math_gcd_lcm<"gcd", mpz_gcd, 0>);
  fn("lcm", math_gcd_lcm<"lcm", mpz_lcm, 1>);
  return module;
}

void install_math(Runtime& rt) { register_module(rt, "math", make_math_module); }

}  // namespace

RuntimeExtension math_extension() {
  RuntimeExtension e;
  e.install = install_math;
  return e;
}

}  // namespace gil
