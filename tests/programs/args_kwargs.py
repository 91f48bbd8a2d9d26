# Variable parameters and arguments: *args, **kwargs, keyword-only parameters
# (after * or after *args), calls spreading f(*xs, **kw), and the TypeError
# messages for each way a call can go wrong.
def collect(first, *args, **kwargs):
    return first, args, kwargs

print(collect(1))
print(collect(1, 2, 3))
print(collect(1, 2, x=3, y=4))
print(collect(first=0, z=1))

def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(5), total(1, 2, 3, 4))
nums = [10, 20, 30]
print(total(*nums), total(*nums, 1), total(0, *nums, *range(3)))

# Keyword-only parameters: after a bare * or after *args.
def connect(host, *, port=80, secure=False):
    return host + ":" + str(port) + (" (tls)" if secure else "")

print(connect("a"), connect("b", port=443, secure=True), connect(secure=True, host="c"))

def log(*parts, sep=" ", end="."):
    return sep.join([str(p) for p in parts]) + end

print(log(1, 2, 3), log("a", "b", sep="-"), log(end="!"))

def required_kw(*, name):
    return "hello " + name

print(required_kw(name="kw"))

# Spreading a dict into keyword arguments, and both at once.
opts = {"port": 8080, "secure": True}
print(connect("d", **opts))
args = ("e",)
print(connect(*args, **{"port": 1}))
def show(a, b, c=3, *rest, d, e=5, **extra):
    return [a, b, c, rest, d, e, sorted(extra.items())]
print(show(1, 2, d=4))
print(show(*[1, 2, 30, 40, 50], d=4, **{"e": 6, "f": 7, "g": 8}))
print(show(b=2, a=1, d=0, z=26))

# kwargs is a fresh dict each call; mutating it does not affect the caller.
def mutate(**kw):
    kw["added"] = True
    return kw

base = {"x": 1}
print(mutate(**base), base)

# Errors.
def f(a, b, *, c):
    return a + b + c

cases = [
    lambda: f(1, 2),
    lambda: f(1, 2, 3),
    lambda: f(1, c=3),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, 2, a=1, c=3),
    lambda: required_kw("positional"),
    lambda: f(*[1, 2], **{"c": 3, "a": 0}),
    lambda: total(**{"x": 1}),
    lambda: f(**{1: 2}),
    lambda: f(*5),
    lambda: f(1, **[2]),
]
for call in cases:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

# Duplicate keyword from two spreads.
try:
    connect("h", **{"port": 1}, **{"port": 2})
except TypeError as e:
    print("TypeError:", e)

# Lambdas take the same parameter forms.
lam = lambda *a, k=0, **kw: (a, k, sorted(kw))
print(lam(1, 2, k=3, z=4, y=5), lam())
