# random after seeding: the Mersenne Twister and CPython's seeding, so the
# same seed gives the same numbers as python3 (ints of any size and sign,
# str and bytes through SHA-512, floats through their hash).
import random

for seed in [0, 1, 42, 12345, -7, 2**32, 2**32 - 1, 2**64 + 1, 10**40, -(3**100)]:
    random.seed(seed)
    print(seed, [random.random() for i in range(3)])
    print("  bits", random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33),
          random.getrandbits(64), random.getrandbits(100), random.getrandbits(0))
for seed in ["hello", "", "a longer seed string that spans blocks " * 5, b"bytes seed", 3.5, -0.25, True]:
    random.seed(seed)
    print(repr(seed)[:30], random.random(), random.randint(1, 6))

random.seed(2024)
print([random.randint(1, 6) for i in range(20)])
print([random.randrange(10) for i in range(15)])
print([random.randrange(5, 50, 5) for i in range(10)], [random.randrange(100, 0, -7) for i in range(10)])
print([random.randrange(-10, 10) for i in range(10)], random.randrange(2**70), random.randint(-(2**80), 2**80))
print(random.randrange(1, 10**30, 7))
print([random.choice("abcdefg") for i in range(12)], random.choice([10, 20, 30]), random.choice(range(1000)))

items = list(range(20))
random.shuffle(items)
print(items)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
random.shuffle(words)
print(words)
print(random.sample(range(100), 10), random.sample("abcdefghij", 4), random.sample(range(10**6), 8))
print(random.sample(items, 20) == sorted(items), sorted(random.sample(items, 20)) == sorted(items))
print(random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample(range(30), k=25))
print(random.choices("abc", k=10), random.choices([1, 2, 3], weights=[10, 1, 1], k=8))
print(random.choices("xyz", cum_weights=[1, 5, 6], k=8), random.choices(range(4), [0.1, 0.2, 0.3, 0.4]))
print(random.uniform(1, 2), random.uniform(10, -10), random.triangular(), random.triangular(0, 10, 8))
print(random.triangular(5, 5, 5), random.gauss(), random.gauss(100, 15), random.gauss(0, 1))
print(random.normalvariate(), random.normalvariate(10, 2), random.expovariate(1.5), random.lognormvariate(0, 0.5))
print(random.betavariate(2, 3), random.betavariate(0.5, 0.5), random.gammavariate(0.5, 1), random.gammavariate(1, 2))
print(random.gammavariate(5, 1), random.paretovariate(3), random.weibullvariate(1, 1.5), random.vonmisesvariate(1, 4))
print(random.randbytes(10), random.vonmisesvariate(0, 0))

# Random instances keep their own state; getstate/setstate round-trip.
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), [r1.randint(0, 9) for i in range(5)], [r2.randint(0, 9) for i in range(5)])
state = r1.getstate()
print(len(state), state[0], len(state[1]), state[1][-1], state[2])
first = [r1.random() for i in range(5)]
r1.setstate(state)
print(first == [r1.random() for i in range(5)])
r1.gauss()
saved = r1.getstate()
print(saved[2] is not None, r1.gauss() == (r1.setstate(saved) or r1.gauss()))
r3 = random.Random()
r3.seed(5)
random.seed(5)
print(r3.random() == random.random(), type(r3).__name__, isinstance(r3, random.Random))

errors = [
    lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
    lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample(range(3), 5),
    lambda: random.choices("ab", weights=[1], k=2), lambda: random.getrandbits(-1), lambda: random.randrange(1, 2, 0),
    lambda: random.choices("ab", cum_weights=[1, 2], weights=[1, 1]), lambda: random.choices("ab", [0, 0]),
    lambda: random.sample({1, 2, 3}, 2), lambda: random.gammavariate(-1, 1), lambda: random.seed([1, 2]),
]
for i, e in enumerate(errors):
    try:
        print(i, e())
    except (ValueError, TypeError, IndexError) as exc:
        print(i, type(exc).__name__, exc)
