# operator: the operators as functions, itemgetter, attrgetter (dotted),
# methodcaller, and their reprs.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(32, 2), operator.invert(5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.concat([1], [2]))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(operator.getitem(d, "b"), d)
operator.delitem(d, "a")
print(d, operator.index(7), operator.length_hint([1, 2, 3]), operator.length_hint(object(), 5))
x = [1]
print(operator.iadd(x, [2]), x, operator.imul(3, 4), operator.call(max, 1, 5))

rows = [("bob", 25, "b"), ("ann", 31, "a"), ("cid", 25, "c")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("xyz"), itemgetter(0, 2)("xyz"), itemgetter("k")({"k": 9}), itemgetter(slice(1, None))([1, 2, 3]))
print(list(map(itemgetter(0), rows)))


class Address:
    def __init__(self, city):
        self.city = city


class Person:
    def __init__(self, name, city):
        self.name = name
        self.address = Address(city)

    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct


people = [Person("zoe", "oslo"), Person("al", "rome")]
print([attrgetter("name")(p) for p in people], attrgetter("address.city")(people[0]), attrgetter("name", "address.city")(people[1]))
print(sorted(p.name for p in sorted(people, key=attrgetter("address.city"))))
print(methodcaller("greet", "hi")(people[0]), methodcaller("greet", "yo", punct="?")(people[1]), methodcaller("upper")("abc"))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("x.y")), repr(methodcaller("f", 1, k=2)))
try:
    attrgetter("missing")(people[0])
except AttributeError as e:
    print("AttributeError:", e)
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
