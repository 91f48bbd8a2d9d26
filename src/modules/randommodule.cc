#include "gil/modules/randommodule.h"

#include <gmp.h>
#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>

#include "gil/modules/sha512.h"
#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

// ---- The generator (_randommodule.c) ---------------------------------------------

constexpr int kN = 624;
constexpr int kM = 397;

// One Mersenne Twister: MT19937 as Matsumoto and Nishimura wrote it, which
// is what CPython runs. Guarded by the GIL, like CPython's.
struct RandomObj : ObjOpaque {
  using ObjOpaque::ObjOpaque;
  uint32_t mt[kN];
  int index = kN + 1;
  // Random.gauss's second value, kept for the next call.
  bool has_gauss_next = false;
  double gauss_next = 0.0;

  void init_genrand(uint32_t s) {
    mt[0] = s;
    for (int i = 1; i < kN; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
    index = kN;
  }

  void init_by_array(const std::vector<uint32_t>& key) {
    init_genrand(19650218U);
    size_t i = 1, j = 0;
    for (size_t k = std::max<size_t>(kN, key.size()); k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
      i++, j++;
      if (i >= kN) {
        mt[0] = mt[kN - 1];
        i = 1;
      }
      if (j >= key.size()) j = 0;
    }
    for (size_t k = kN - 1; k; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
      i++;
      if (i >= kN) {
        mt[0] = mt[kN - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000U;  // assures a non-zero state
  }

  uint32_t next32() {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    if (index >= kN) {
      int kk;
      uint32_t y;
      for (kk = 0; kk < kN - kM; kk++) {
        y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      for (; kk < kN - 1; kk++) {
        y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
        mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1U];
      }
      y = (mt[kN - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
      mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
      index = 0;
    }
    uint32_t y = mt[index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
  }

  // A double in [0, 1) with 53 random bits (genrand_res53).
  double next_double() {
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // getrandbits(k) for 0 < k <= 64: the words least significant first,
  // the last one cut to the bits still wanted.
  uint64_t bits64(int k) {
    if (k <= 32) return next32() >> (32 - k);
    uint64_t low = next32();
    uint64_t high = next32() >> (64 - k);
    return low | (high << 32);
  }
};

Value random_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames);

// The generator of a method's self: a Random, or an instance of a class
// deriving from it (which inherits its tp_new).
RandomObj* self_of(ThreadState& ts, const Value& v) {
  if (!is_kind(v, ObjKind::Opaque) || type_of(ts, v)->tp_new != random_new)
    raise(ts, ts.rt.types.TypeError, "descriptor requires a 'random.Random' object");
  return as<RandomObj>(v);
}

// getrandbits(k) for any k >= 0.
Value random_bits(ThreadState& ts, RandomObj* r, uint64_t k) {
  if (k == 0) return Value::integer(0);
  if (k <= 63) return Value::integer(static_cast<int64_t>(r->bits64(static_cast<int>(k))));
  std::vector<uint32_t> words((k - 1) / 32 + 1);
  for (auto& w : words) {
    uint32_t v = r->next32();
    if (k < 32) v >>= (32 - k);
    w = v;
    k -= std::min<uint64_t>(k, 32);
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
  Value out = int_from_mpz(ts, z);
  mpz_clear(z);
  return out;
}

// _randbelow_with_getrandbits for n > 0 in int64.
int64_t below(RandomObj* r, int64_t n) {
  int k = 64 - __builtin_clzll(static_cast<uint64_t>(n));
  uint64_t v = r->bits64(k);
  while (v >= static_cast<uint64_t>(n)) v = r->bits64(k);
  return static_cast<int64_t>(v);
}

// The same for an int of any size.
Value below_any(ThreadState& ts, RandomObj* r, const Value& n) {
  if (n.is_int()) return Value::integer(below(r, n.as_int()));
  uint64_t k = static_cast<uint64_t>(int_bit_length(n));
  Value v = random_bits(ts, r, k);
  while (int_compare(v, n) >= 0) v = random_bits(ts, r, k);
  return v;
}

// Seeds from the absolute value of an int, as 32-bit words least
// significant first (random_seed in _randommodule.c).
void seed_from_int(RandomObj* r, const Value& v) {
  MpzView z(v);
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, z.get());
  size_t count = 0;
  std::vector<uint32_t> key((mpz_sizeinbase(a, 2) + 31) / 32 + 1);
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, a);
  key.resize(count ? count : 1);
  if (!count) key[0] = 0;
  mpz_clear(a);
  r->init_by_array(key);
}

void seed_from_urandom(RandomObj* r) {
  std::vector<uint32_t> key(kN);
  size_t got = 0;
  auto* bytes = reinterpret_cast<char*>(key.data());
  while (got < key.size() * sizeof(uint32_t)) {
    ssize_t n = getrandom(bytes + got, key.size() * sizeof(uint32_t) - got, 0);
    if (n > 0) got += static_cast<size_t>(n);
  }
  r->init_by_array(key);
}

// Random.seed(a=None, version=2) of Lib/random.py, then the C seed.
void seed(ThreadState& ts, RandomObj* r, const Value& a, int64_t version) {
  r->has_gauss_next = false;
  if (a.is_none() || a.is_empty()) return seed_from_urandom(r);
  if (is_integer(a)) return seed_from_int(r, a);
  if (is_str(a) || is_bytes(a)) {
    const std::string& text = is_str(a) ? as<ObjStr>(a)->text : as<ObjBytes>(a)->data;
    if (version == 2) {
      // int.from_bytes(a + sha512(a).digest()), big-endian.
      std::string all = text + sha512_digest(text);
      return seed_from_int(r, int_from_bytes(ts, all, false, false));
    }
    raise(ts, ts.rt.types.ValueError, "MiniPy's random.seed supports version 2 only for str and bytes");
  }
  if (a.is_float()) {
    // CPython seeds other hashables from hash(a), read as an unsigned size_t.
    uint64_t h = hash_value(ts, a);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 1, -1, sizeof h, 0, 0, &h);
    Value n = int_from_mpz(ts, z);
    mpz_clear(z);
    return seed_from_int(r, n);
  }
  raise(ts, ts.rt.types.TypeError,
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

// ---- Arguments --------------------------------------------------------------------

double to_double(ThreadState& ts, const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.is_intlike()) return static_cast<double>(v.as_int());
  if (is_long(v)) return int_to_double(ts, v);
  raise(ts, ts.rt.types.TypeError, "must be real number, not " + std::string(type_name(ts, v)));
}

// randrange's operands: ints, or floats with an integral value (which
// CPython 3.11 still accepts, with a DeprecationWarning).
Value randrange_int(ThreadState& ts, const Value& v, const char* which) {
  if (is_integer(v)) return v.is_bool() ? Value::integer(v.as_int()) : v;
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isfinite(d) && d == std::floor(d)) return int_from_double(ts, d);
    raise(ts, ts.rt.types.ValueError, std::string("non-integer ") + which + " for randrange()");
  }
  raise(ts, ts.rt.types.TypeError,
        "'" + std::string(type_name(ts, v)) + "' object cannot be interpreted as an integer");
}

// Python-level arithmetic, for the methods whose results keep the
// operands' types (uniform, randrange over big ints).
Value add(ThreadState& ts, const Value& a, const Value& b) { return binary_op(ts, BinaryOp::Add, a, b, false); }
Value sub(ThreadState& ts, const Value& a, const Value& b) { return binary_op(ts, BinaryOp::Sub, a, b, false); }
Value mul(ThreadState& ts, const Value& a, const Value& b) { return binary_op(ts, BinaryOp::Mul, a, b, false); }

bool is_positive(const Value& v) { return int_compare(v, Value::integer(0)) > 0; }

// ---- Methods -------------------------------------------------------------------------

Value m_seed(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  RandomObj* r = self_of(ts, args[0]);
  const Value* a[2];
  bind_arguments(ts, "seed", args + 1, argc - 1, kwnames, {"a", "version"}, a);
  seed(ts, r, a[0] ? *a[0] : Value::none(), a[1] ? expect_int(ts, *a[1], "version") : 2);
  return Value::none();
}

Value m_random(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "random", argc - 1, 0, 0);
  return Value::number(self_of(ts, args[0])->next_double());
}

Value m_getrandbits(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getrandbits", argc - 1, 1, 1);
  int64_t k = expect_int(ts, args[1], "getrandbits");
  if (k < 0) raise(ts, ts.rt.types.ValueError, "number of bits must be non-negative");
  return random_bits(ts, self_of(ts, args[0]), static_cast<uint64_t>(k));
}

Value m_randbytes(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "randbytes", argc - 1, 1, 1);
  int64_t n = expect_int(ts, args[1], "randbytes");
  if (n < 0) raise(ts, ts.rt.types.ValueError, "negative argument not allowed");
  Value bits = random_bits(ts, self_of(ts, args[0]), static_cast<uint64_t>(n) * 8);
  return make_bytes(int_to_bytes(ts, bits, n, true, false));
}

Value randrange(ThreadState& ts, RandomObj* r, const Value& start, const Value* stop, const Value* step) {
  Value istart = randrange_int(ts, start, "arg 1");
  if (!stop || stop->is_none()) {
    if (step && !(step->is_int() && step->as_int() == 1))
      raise(ts, ts.rt.types.TypeError, "Missing a non-None stop argument");
    if (is_positive(istart)) return below_any(ts, r, istart);
    raise(ts, ts.rt.types.ValueError, "empty range for randrange()");
  }
  Value istop = randrange_int(ts, *stop, "stop");
  Value istep = step ? randrange_int(ts, *step, "step") : Value::integer(1);
  // The common case, randint over int64, without boxing.
  int64_t width64;
  if (istart.is_int() && istop.is_int() && istep.is_int() && istep.as_int() == 1 &&
      !__builtin_sub_overflow(istop.as_int(), istart.as_int(), &width64)) {
    if (width64 > 0) return Value::integer(istart.as_int() + below(r, width64));
    raise(ts, ts.rt.types.ValueError,
          "empty range for randrange() (" + std::to_string(istart.as_int()) + ", " +
              std::to_string(istop.as_int()) + ", " + std::to_string(width64) + ")");
  }
  Value width = sub(ts, istop, istart);
  int step_sign = int_compare(istep, Value::integer(0));
  if (step_sign > 0 && int_compare(istep, Value::integer(1)) == 0) {
    if (is_positive(width)) return add(ts, istart, below_any(ts, r, width));
    raise(ts, ts.rt.types.ValueError,
          "empty range for randrange() (" + str(ts, istart) + ", " + str(ts, istop) + ", " + str(ts, width) + ")");
  }
  if (step_sign == 0) raise(ts, ts.rt.types.ValueError, "zero step for randrange()");
  Value adjust = add(ts, istep, Value::integer(step_sign > 0 ? -1 : 1));
  Value n = binary_op(ts, BinaryOp::FloorDiv, add(ts, width, adjust), istep, false);
  if (!is_positive(n)) raise(ts, ts.rt.types.ValueError, "empty range for randrange()");
  return add(ts, istart, mul(ts, istep, below_any(ts, r, n)));
}

Value m_randrange(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[3];
  bind_arguments(ts, "randrange", args + 1, argc - 1, kwnames, {"start", "stop", "step"}, a);
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "Random.randrange() missing 1 required positional argument: 'start'");
  return randrange(ts, self_of(ts, args[0]), *a[0], a[1], a[2]);
}

Value m_randint(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[2];
  bind_arguments(ts, "randint", args + 1, argc - 1, kwnames, {"a", "b"}, a);
  if (!a[0] || !a[1])
    raise(ts, ts.rt.types.TypeError,
          std::string("Random.randint() missing ") + (a[0] ? "1 required positional argument: 'b'"
                                                          : "2 required positional arguments: 'a' and 'b'"));
  Value stop = add(ts, *a[1], Value::integer(1));
  return randrange(ts, self_of(ts, args[0]), *a[0], &stop, nullptr);
}

Value m_choice(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "choice", argc - 1, 1, 1);
  RandomObj* r = self_of(ts, args[0]);
  int64_t n = length(ts, args[1]);
  if (n == 0) raise(ts, ts.rt.types.IndexError, "Cannot choose from an empty sequence");
  return get_item(ts, args[1], Value::integer(below(r, n)));
}

Value m_shuffle(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "shuffle", argc - 1, 1, 1);
  RandomObj* r = self_of(ts, args[0]);
  const Value& x = args[1];
  for (int64_t i = length(ts, x) - 1; i > 0; --i) {
    int64_t j = below(r, i + 1);
    if (is_list(x) && static_cast<size_t>(i) < as<ObjList>(x)->items.size()) {
      auto& items = as<ObjList>(x)->items;
      std::swap(items[static_cast<size_t>(i)], items[static_cast<size_t>(j)]);
      continue;
    }
    Value vi = Value::integer(i), vj = Value::integer(j);
    Value a = get_item(ts, x, vi), b = get_item(ts, x, vj);
    set_item(ts, x, vi, b);
    set_item(ts, x, vj, a);
  }
  return Value::none();
}

// The indices sample(range(n), k) picks, by the same two strategies as
// random.py: a shrinking pool for small populations, else rejection of
// repeats.
std::vector<int64_t> sample_indices(ThreadState& ts, RandomObj* r, int64_t n, int64_t k) {
  if (k < 0 || k > n) raise(ts, ts.rt.types.ValueError, "Sample larger than population or is negative");
  std::vector<int64_t> result(static_cast<size_t>(k));
  int64_t setsize = 21;
  if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    std::vector<int64_t> pool(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) pool[static_cast<size_t>(i)] = i;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = below(r, n - i);
      result[static_cast<size_t>(i)] = pool[static_cast<size_t>(j)];
      pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
    }
  } else {
    std::vector<int64_t> selected;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = below(r, n);
      while (std::find(selected.begin(), selected.end(), j) != selected.end()) j = below(r, n);
      selected.push_back(j);
      result[static_cast<size_t>(i)] = j;
    }
  }
  return result;
}

// Running sums of [values] with Python's +, as itertools.accumulate.
std::vector<Value> accumulate(ThreadState& ts, const Value& values) {
  std::vector<Value> sums = collect(ts, values);
  for (size_t i = 1; i < sums.size(); ++i) sums[i] = add(ts, sums[i - 1], sums[i]);
  return sums;
}

// bisect.bisect_right(a, x, 0, hi).
size_t bisect_right(ThreadState& ts, const std::vector<Value>& a, const Value& x, size_t hi) {
  size_t lo = 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (less_than(ts, x, a[mid]))
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

Value m_sample(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[3];
  bind_arguments(ts, "sample", args + 1, argc - 1, kwnames, {"population", "k", "counts"}, a);
  RandomObj* r = self_of(ts, args[0]);
  if (!a[0] || !a[1])
    raise(ts, ts.rt.types.TypeError, std::string("Random.sample() missing 1 required positional argument: '") +
                                         (a[0] ? "k" : "population") + "'");
  const Value& population = *a[0];
  if (is_dict(population) || is_kind(population, ObjKind::Set) || is_kind(population, ObjKind::FrozenSet))
    raise(ts, ts.rt.types.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t n = length(ts, population);
  int64_t k = expect_int(ts, *a[1], "sample");
  std::vector<Value> out;
  if (a[2] && !a[2]->is_none()) {
    std::vector<Value> cum = accumulate(ts, *a[2]);
    if (static_cast<int64_t>(cum.size()) != n)
      raise(ts, ts.rt.types.ValueError, "The number of counts does not match the population");
    Value total = cum.back();
    cum.pop_back();
    if (!is_integer(total)) raise(ts, ts.rt.types.TypeError, "Counts must be integers");
    if (!is_positive(total)) raise(ts, ts.rt.types.ValueError, "Total of counts must be greater than zero");
    if (!total.is_int()) raise(ts, ts.rt.types.OverflowError, "MiniPy's sample() counts must total below 2**63");
    for (int64_t s : sample_indices(ts, r, total.as_int(), k))
      out.push_back(get_item(ts, population, Value::integer(static_cast<int64_t>(
                                                 bisect_right(ts, cum, Value::integer(s), cum.size())))));
    return make_list(ts, std::move(out));
  }
  for (int64_t j : sample_indices(ts, r, n, k)) out.push_back(get_item(ts, population, Value::integer(j)));
  return make_list(ts, std::move(out));
}

Value m_choices(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[4];
  bind_arguments(ts, "choices", args + 1, argc - 1, kwnames, {"population", "weights", "cum_weights", "k"}, a);
  if (argc - 1 > 2)
    raise(ts, ts.rt.types.TypeError,
          "Random.choices() takes from 2 to 3 positional arguments but " + std::to_string(argc) + " were given");
  if (!a[0]) raise(ts, ts.rt.types.TypeError, "Random.choices() missing 1 required positional argument: 'population'");
  RandomObj* r = self_of(ts, args[0]);
  const Value& population = *a[0];
  int64_t n = length(ts, population);
  int64_t k = a[3] ? expect_int(ts, *a[3], "choices") : 1;
  bool has_weights = a[1] && !a[1]->is_none(), has_cum = a[2] && !a[2]->is_none();
  std::vector<Value> out;
  if (!has_cum) {
    if (!has_weights) {
      double nf = static_cast<double>(n);
      for (int64_t i = 0; i < k; ++i)
        out.push_back(get_item(ts, population, Value::integer(static_cast<int64_t>(std::floor(r->next_double() * nf)))));
      return make_list(ts, std::move(out));
    }
    if (is_integer(*a[1]))
      raise(ts, ts.rt.types.TypeError,
            "The number of choices must be a keyword argument: k=" + str(ts, *a[1]));
  } else if (has_weights) {
    raise(ts, ts.rt.types.TypeError, "Cannot specify both weights and cumulative weights");
  }
  std::vector<Value> cum = has_cum ? collect(ts, *a[2]) : accumulate(ts, *a[1]);
  if (static_cast<int64_t>(cum.size()) != n)
    raise(ts, ts.rt.types.ValueError, "The number of weights does not match the population");
  double total = to_double(ts, add(ts, cum.back(), Value::number(0.0)));
  if (total <= 0.0) raise(ts, ts.rt.types.ValueError, "Total of weights must be greater than zero");
  if (!std::isfinite(total)) raise(ts, ts.rt.types.ValueError, "Total of weights must be finite");
  size_t hi = static_cast<size_t>(n - 1);
  for (int64_t i = 0; i < k; ++i) {
    size_t j = bisect_right(ts, cum, Value::number(r->next_double() * total), hi);
    out.push_back(get_item(ts, population, Value::integer(static_cast<int64_t>(j))));
  }
  return make_list(ts, std::move(out));
}

// Binds the float parameters [names] of a distribution, with [defaults]
// (NaN: required).
template <size_t N>
std::array<double, N> float_params(ThreadState& ts, const char* fn, Value* args, int argc, ObjTuple* kwnames,
                                   std::initializer_list<std::string_view> names, std::array<double, N> defaults) {
  const Value* a[N];
  bind_arguments(ts, fn, args + 1, argc - 1, kwnames, names, a);
  std::array<double, N> out;
  for (size_t i = 0; i < N; ++i) {
    if (!a[i] && std::isnan(defaults[i]))
      raise(ts, ts.rt.types.TypeError, std::string("Random.") + fn + "() missing 1 required positional argument: '" +
                                           std::string(names.begin()[i]) + "'");
    out[i] = a[i] ? to_double(ts, *a[i]) : defaults[i];
  }
  return out;
}

Value m_uniform(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[2];
  bind_arguments(ts, "uniform", args + 1, argc - 1, kwnames, {"a", "b"}, a);
  if (!a[0] || !a[1]) raise(ts, ts.rt.types.TypeError, "Random.uniform() missing required positional arguments");
  double u = self_of(ts, args[0])->next_double();
  return add(ts, *a[0], mul(ts, sub(ts, *a[1], *a[0]), Value::number(u)));
}

Value m_triangular(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  const Value* a[3];
  bind_arguments(ts, "triangular", args + 1, argc - 1, kwnames, {"low", "high", "mode"}, a);
  RandomObj* r = self_of(ts, args[0]);
  Value low = a[0] ? *a[0] : Value::number(0.0), high = a[1] ? *a[1] : Value::number(1.0);
  double u = r->next_double();
  double lo = to_double(ts, low), hi = to_double(ts, high);
  double c = 0.5;
  if (a[2] && !a[2]->is_none()) {
    if (hi - lo == 0.0) return low;  // CPython's ZeroDivisionError branch
    c = (to_double(ts, *a[2]) - lo) / (hi - lo);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(lo, hi);
  }
  return Value::number(lo + (hi - lo) * std::sqrt(u * c));
}

constexpr double kTwoPi = 2.0 * M_PI;
// 4 * exp(-0.5) / sqrt(2.0), as random.py computes it.
const double kNvMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);

double normalvariate(RandomObj* r, double mu, double sigma) {
  double z;
  for (;;) {
    double u1 = r->next_double();
    double u2 = 1.0 - r->next_double();
    z = kNvMagic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

Value m_normalvariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "normalvariate", args, argc, kwnames, {"mu", "sigma"}, {0.0, 1.0});
  return Value::number(normalvariate(self_of(ts, args[0]), p[0], p[1]));
}

Value m_lognormvariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "lognormvariate", args, argc, kwnames, {"mu", "sigma"}, {NAN, NAN});
  return Value::number(std::exp(normalvariate(self_of(ts, args[0]), p[0], p[1])));
}

Value m_gauss(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "gauss", args, argc, kwnames, {"mu", "sigma"}, {0.0, 1.0});
  RandomObj* r = self_of(ts, args[0]);
  double z;
  if (r->has_gauss_next) {
    z = r->gauss_next;
    r->has_gauss_next = false;
  } else {
    double x2pi = r->next_double() * kTwoPi;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->next_double()));
    z = std::cos(x2pi) * g2rad;
    r->gauss_next = std::sin(x2pi) * g2rad;
    r->has_gauss_next = true;
  }
  return Value::number(p[0] + z * p[1]);
}

[[noreturn]] void float_division_by_zero(ThreadState& ts) {
  raise(ts, ts.rt.types.ZeroDivisionError, "float division by zero");
}

Value m_expovariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<1>(ts, "expovariate", args, argc, kwnames, {"lambd"}, {NAN});
  double u = self_of(ts, args[0])->next_double();
  if (p[0] == 0.0) float_division_by_zero(ts);
  return Value::number(-std::log(1.0 - u) / p[0]);
}

double gammavariate(ThreadState& ts, RandomObj* r, double alpha, double beta) {
  if (alpha <= 0.0 || beta <= 0.0) raise(ts, ts.rt.types.ValueError, "gammavariate: alpha and beta must be > 0.0");
  if (alpha > 1.0) {
    // Cheng's algorithm, with random.py's constants.
    const double log4 = std::log(4.0), sg_magic = 1.0 + std::log(4.5);
    double ainv = std::sqrt(2.0 * alpha - 1.0), bbb = alpha - log4, ccc = alpha + ainv;
    for (;;) {
      double u1 = r->next_double();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - r->next_double();
      double v = std::log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * std::exp(v);
      double z = u1 * u1 * u2;
      double rr = bbb + ccc * v - x;
      if (rr + sg_magic - 4.5 * z >= 0.0 || rr >= std::log(z)) return x * beta;
    }
  }
  if (alpha == 1.0) return -std::log(1.0 - r->next_double()) * beta;
  double x;
  for (;;) {
    double u = r->next_double();
    double b = (M_E + alpha) / M_E;
    double p = b * u;
    x = p <= 1.0 ? std::pow(p, 1.0 / alpha) : -std::log((b - p) / alpha);
    double u1 = r->next_double();
    if (p > 1.0) {
      if (u1 <= std::pow(x, alpha - 1.0)) break;
    } else if (u1 <= std::exp(-x)) {
      break;
    }
  }
  return x * beta;
}

Value m_gammavariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "gammavariate", args, argc, kwnames, {"alpha", "beta"}, {NAN, NAN});
  return Value::number(gammavariate(ts, self_of(ts, args[0]), p[0], p[1]));
}

Value m_betavariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "betavariate", args, argc, kwnames, {"alpha", "beta"}, {NAN, NAN});
  RandomObj* r = self_of(ts, args[0]);
  double y = gammavariate(ts, r, p[0], 1.0);
  if (y == 0.0) return Value::number(0.0);
  return Value::number(y / (y + gammavariate(ts, r, p[1], 1.0)));
}

Value m_paretovariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<1>(ts, "paretovariate", args, argc, kwnames, {"alpha"}, {NAN});
  double u = 1.0 - self_of(ts, args[0])->next_double();
  if (p[0] == 0.0) float_division_by_zero(ts);
  return Value::number(std::pow(u, -1.0 / p[0]));
}

Value m_weibullvariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "weibullvariate", args, argc, kwnames, {"alpha", "beta"}, {NAN, NAN});
  double u = 1.0 - self_of(ts, args[0])->next_double();
  if (p[1] == 0.0) float_division_by_zero(ts);
  return Value::number(p[0] * std::pow(-std::log(u), 1.0 / p[1]));
}

// Python's float %: the result takes the divisor's sign.
double py_fmod(double a, double b) {
  double m = std::fmod(a, b);
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = std::copysign(0.0, b);
  }
  return m;
}

Value m_vonmisesvariate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  auto p = float_params<2>(ts, "vonmisesvariate", args, argc, kwnames, {"mu", "kappa"}, {NAN, NAN});
  RandomObj* r = self_of(ts, args[0]);
  double mu = p[0], kappa = p[1];
  if (kappa <= 1e-6) return Value::number(kTwoPi * r->next_double());
  double s = 0.5 / kappa;
  double rr = s + std::sqrt(1.0 + s * s);
  double z;
  for (;;) {
    double u1 = r->next_double();
    z = std::cos(M_PI * u1);
    double d = z / (rr + z);
    double u2 = r->next_double();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
  }
  double q = 1.0 / rr;
  double f = (q + z) / (1.0 + q * z);
  double u3 = r->next_double();
  return Value::number(u3 > 0.5 ? py_fmod(mu + std::acos(f), kTwoPi) : py_fmod(mu - std::acos(f), kTwoPi));
}

// (3, (the 624 words and the position), gauss_next), as random.py's
// VERSION 3 state.
Value m_getstate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "getstate", argc - 1, 0, 0);
  RandomObj* r = self_of(ts, args[0]);
  std::vector<Value> words;
  words.reserve(kN + 1);
  for (uint32_t w : r->mt) words.push_back(Value::integer(w));
  words.push_back(Value::integer(r->index));
  Value gauss = r->has_gauss_next ? Value::number(r->gauss_next) : Value::none();
  return make_tuple(ts, {Value::integer(3), make_tuple(ts, std::move(words)), gauss});
}

Value m_setstate(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "setstate", argc - 1, 1, 1);
  RandomObj* r = self_of(ts, args[0]);
  std::vector<Value> state = collect(ts, args[1]);
  if (state.empty() || !is_integer(state[0]) || !state[0].is_int() || state[0].as_int() != 3)
    raise(ts, ts.rt.types.ValueError,
          "state with version " + (state.empty() ? std::string("?") : str(ts, state[0])) +
              " passed to Random.setstate() of version 3");
  if (state.size() != 3) raise(ts, ts.rt.types.ValueError, "too many values to unpack (expected 3)");
  if (!is_tuple(state[1])) raise(ts, ts.rt.types.TypeError, "state vector must be a tuple");
  const auto& words = as<ObjTuple>(state[1])->items;
  if (words.size() != kN + 1) raise(ts, ts.rt.types.ValueError, "state vector is the wrong size");
  for (int i = 0; i < kN; ++i) {
    const Value& w = words[static_cast<size_t>(i)];
    if (!w.is_int() || w.as_int() < 0 || w.as_int() > 0xffffffffLL)
      raise(ts, ts.rt.types.OverflowError, "Python int too large to convert to C unsigned long");
    r->mt[i] = static_cast<uint32_t>(w.as_int());
  }
  int64_t index = expect_int(ts, words[kN], "setstate");
  if (index < 0 || index > kN) raise(ts, ts.rt.types.ValueError, "invalid state");
  r->index = static_cast<int>(index);
  r->has_gauss_next = !state[2].is_none();
  if (r->has_gauss_next) r->gauss_next = to_double(ts, state[2]);
  return Value::none();
}

// ---- The class and the module ------------------------------------------------------

// Random(x=None): a generator seeded with x.
Value random_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "Random", kwnames);
  if (argc > 1) raise(ts, ts.rt.types.TypeError, "Random() takes at most 1 argument (" + std::to_string(argc) + " given)");
  Value obj = make<RandomObj>(ts, type);
  seed(ts, as<RandomObj>(obj), argc ? args[0] : Value::none(), 2);
  return obj;
}

void random_init(ThreadState&, const Value&, Value*, int, ObjTuple*) {}

// The Random type, made with the module: nothing else needs it.
ObjType* make_random_type(Runtime& rt) {
  ObjType* t = new_type(rt, "Random", rt.types.object);
  t->tp_new = random_new;
  t->tp_init = random_init;
  t->tp_traverse = opaque_traverse;
  t->tp_clear = opaque_clear;
  add_method(rt, t, "seed", m_seed, "a version");
  add_method(rt, t, "random", m_random);
  add_method(rt, t, "getrandbits", m_getrandbits);
  add_method(rt, t, "randbytes", m_randbytes);
  add_method(rt, t, "randrange", m_randrange, "start stop step");
  add_method(rt, t, "randint", m_randint, "a b");
  add_method(rt, t, "choice", m_choice);
  add_method(rt, t, "choices", m_choices, "population weights cum_weights k");
  add_method(rt, t, "shuffle", m_shuffle);
  add_method(rt, t, "sample", m_sample, "population k counts");
  add_method(rt, t, "uniform", m_uniform, "a b");
  add_method(rt, t, "triangular", m_triangular, "low high mode");
  add_method(rt, t, "normalvariate", m_normalvariate, "mu sigma");
  add_method(rt, t, "lognormvariate", m_lognormvariate, "mu sigma");
  add_method(rt, t, "gauss", m_gauss, "mu sigma");
  add_method(rt, t, "expovariate", m_expovariate, "lambd");
  add_method(rt, t, "gammavariate", m_gammavariate, "alpha beta");
  add_method(rt, t, "betavariate", m_betavariate, "alpha beta");
  add_method(rt, t, "paretovariate", m_paretovariate, "alpha");
  add_method(rt, t, "weibullvariate", m_weibullvariate, "alpha beta");
  add_method(rt, t, "vonmisesvariate", m_vonmisesvariate, "mu kappa");
  add_method(rt, t, "getstate", m_getstate);
  add_method(rt, t, "setstate", m_setstate);
  return t;
}

constexpr const char* kMethodNames[] = {
    "seed",          "random",         "getrandbits",  "randbytes",       "randrange",    "randint",
    "choice",        "choices",        "shuffle",      "sample",          "uniform",      "triangular",
    "normalvariate", "lognormvariate", "gauss",        "expovariate",     "gammavariate", "betavariate",
    "paretovariate", "weibullvariate", "vonmisesvariate", "getstate",     "setstate"};

Value make_random_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  ObjType* type = make_random_type(rt);
  auto* m = new_object<ObjModule>(ts, "random");
  Value module = Value::adopt(m);
  m->attrs.emplace_back(rt.intern("Random"), Value::borrow(type));
  // The module's functions are the bound methods of one hidden instance,
  // as random.py's _inst.
  Value inst = random_new(ts, type, nullptr, 0, nullptr);
  m->attrs.emplace_back(rt.intern("_inst"), inst);
  for (const char* name : kMethodNames) m->attrs.emplace_back(rt.intern(name), get_attr(ts, inst, rt.intern(name)));
  return module;
}

void install_random(Runtime& rt) { register_module(rt, "random", make_random_module); }

}  // namespace

RuntimeExtension random_extension() {
  RuntimeExtension e;
  e.install = install_random;
  return e;
}

}  // namespace gil
