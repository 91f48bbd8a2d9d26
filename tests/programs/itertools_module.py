# itertools: the infinite iterators, the terminating ones and the
# combinatoric ones, each as CPython's.
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(next(count(7)), list(zip("abc", count(1))))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat("x", 3)), list(zip(range(3), repeat(0))), list(repeat(1, 0)), list(repeat(1, -2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress("ab", [1])))
print(list(dropwhile(lambda v: v < 3, [1, 2, 3, 1, 5])), list(takewhile(lambda v: v < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda v: v % 2, range(8))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "banana", "cherry", "cranberry"]), key=lambda w: w[0])])
groups = groupby([1, 1, 2, 3, 3])
keys = [k for k, g in groups]
print(keys)
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 3)), list(islice(range(10), 1, 8, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, zip("ab", "cd"))))
a, b = tee([1, 2, 3])
print(list(a), list(b), len(tee("x", 3)))
print(list(zip_longest("abc", "x", fillvalue="-")), list(zip_longest([1], [2, 3])), list(zip_longest()))
print(list(product("ab", [0, 1])), list(product([1, 2], repeat=2)), list(product()), len(list(product(range(3), repeat=3))))
print(list(permutations([1, 2, 3])), list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 1)))
print(list(pairwise("abcd")), list(pairwise([1])))
print(sum(1 for _ in combinations(range(10), 4)), repr(count(3)), repr(repeat("a", 2)))
print(list(map(lambda t: "".join(t), product("01", repeat=3))))
