# The math module: constants, libm functions with CPython's results,
# CPython's own gamma/lgamma, the exact integer functions on big ints,
# fsum, hypot/dist, and the values at the edges.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
xs = [0.0, 0.5, 1.0, 2.0, 3.7, 10.0, 100.5, 1e-300, 1e300]
for x in xs:
    print(x, math.sqrt(x), math.exp(min(x, 700)), math.log1p(x), math.expm1(min(x, 700)))
    print("  trig", math.sin(x), math.cos(x), math.tan(x), math.atan(x))
    print("  hyp", math.sinh(min(x, 700)), math.cosh(min(x, 700)), math.tanh(x), math.asinh(x))
    print("  erf", math.erf(x), math.erfc(x))
for x in [0.5, 1.0, 1.5, 2.5, 5.0, 10.0, 23.0, 24.0, 30.5, 100.0, 170.5, -0.5, -1.5, -2.5, 1e-25]:
    print("gamma", x, math.gamma(x), math.lgamma(x))
for x in [-1.0, -0.5, 0.0, 0.5, 1.0]:
    print("inverse", x, math.asin(x), math.acos(x), math.atanh(x) if abs(x) < 1 else None)
print(math.acosh(1.0), math.acosh(10.0), math.cbrt(27.0), math.cbrt(-8.0), math.exp2(10), math.exp2(0.5))

# Logarithms, with a base, and of ints past the float range.
for x in [1, 2, 10, 1000, 0.001, 2.5, 10**20, 2**1000, 2**2000, 10**400, 3**5000]:
    print("log", math.log(x), math.log2(x), math.log10(x))
print(math.log(8, 2), math.log(100, 10), math.log(2**3000, 2), math.log(81, 3), math.log(10, 0.5))

# Rounding to int.
for x in [2.5, -2.5, 3.9999, -0.1, 1e20, -1e20, 7, -7, True, 2**100]:
    print("round", math.floor(x), math.ceil(x), math.trunc(x))
print(type(math.floor(2.5)).__name__, math.floor(1e300) == int(1e300))

class Money:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
print(math.floor(Money()), math.ceil(Money()), math.trunc(Money()))

# Decomposition and float bits.
for x in [0.0, -0.0, 1.0, 0.1, -3.75, 1e300, 5e-324, math.inf, -math.inf]:
    print("parts", math.frexp(x), math.modf(x), math.fabs(x), math.copysign(1.0, x))
print(math.ldexp(0.5, 3), math.ldexp(1.0, -1074), math.ldexp(1.0, -1080), math.ldexp(3.0, 2**70 * -1))
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(5.0, math.inf), math.remainder(7.5, 2), math.remainder(-7, 3))
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(-8, 1 / 3) if False else None, math.pow(math.inf, 0), math.pow(0.5, math.inf))
print(math.pow(-2.0, 3), math.pow(1.0, math.nan), math.pow(math.nan, 0), math.pow(-math.inf, 3), math.pow(-math.inf, -3))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(math.inf, math.inf))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45.5))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1), math.isinf(10**300))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(1e10, 1.00001e10, rel_tol=1e-4), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(1e300), math.ulp(0.0))

# Exact sums and norms.
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.fsum([1, 2, 3.5]), math.fsum(x / 7 for x in range(100)), math.fsum([1e308, -1e308, 1.0]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -1.0]), math.fsum([math.nan, 1.0]))
print(math.fsum([0.3, 0.3, 0.3, -0.9, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 1.0]), math.fsum([2.0 ** 53, -1.0, 0.5]))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3, 4), math.hypot(1e-320, 1e-320))
print(math.hypot(1e308, 1e308), math.hypot(0.1, 0.2, 0.3), math.hypot(math.inf, math.nan), math.hypot(1.5, math.nan))
print(math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, -3.5], [0.1, 0.2, 0.3]), math.dist((), ()))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 30)), math.prod([1.5, 2]), math.prod([2, 3], start=10))
print(math.prod(["ab", 3]))

# Integer functions, exact for big ints.
print(math.factorial(0), math.factorial(20), math.factorial(25), len(str(math.factorial(500))))
print(math.isqrt(0), math.isqrt(99), math.isqrt(100), math.isqrt(10**40), math.isqrt(2**127 - 1), math.isqrt(True))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.comb(100, 50), math.comb(10**20, 2), math.comb(7, 0))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 5), math.perm(30, 20), math.perm(10**18, 2))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 27), math.gcd(0, 0), math.gcd(2**100, 6**50))
print(math.lcm(), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2, 3, 4, 5), math.lcm(2**64, 3**40))

# CPython's errors.
tries = [
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-2.5), lambda: math.log(0, 10),
    lambda: math.log(10, 1), lambda: math.exp(1000), lambda: math.cosh(1000), lambda: math.acos(2),
    lambda: math.gamma(0), lambda: math.gamma(-3), lambda: math.gamma(180), lambda: math.lgamma(-2),
    lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1), lambda: math.remainder(1, 0), lambda: math.pow(0, -1),
    lambda: math.pow(-8, 1 / 3), lambda: math.pow(10, 400), lambda: math.ldexp(1.0, 10000),
    lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.isqrt(-4), lambda: math.comb(-1, 2),
    lambda: math.comb(3, -1), lambda: math.perm(-2, 1), lambda: math.gcd(1.5), lambda: math.sqrt("x"),
    lambda: math.floor("x"), lambda: math.trunc("x"), lambda: math.floor(math.inf), lambda: math.ceil(math.nan),
    lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([math.inf, -math.inf]), lambda: math.dist((1, 2), (1,)),
    lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.ldexp(1.0, 2.0), lambda: math.log(-(10**400)),
    lambda: math.factorial(10**20), lambda: math.exp(10**400),
]
for i, t in enumerate(tries):
    try:
        print(i, "ok", t())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(i, type(e).__name__, e)
