# copy: shallow and deep copies of built-in containers and instances,
# shared references kept by the memo, cycles, __copy__ and __deepcopy__.
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 2)) is not None)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0], cc is not cyc)
print(copy.copy({1, 2}), copy.deepcopy({"a": (1, [2])}), copy.copy(5), copy.deepcopy("s"))


class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __repr__(self):
        return "Node(%r, %r)" % (self.value, self.children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[0].value = 20
print(shallow, deep, shallow.children is tree.children, type(deep).__name__)


class Counted:
    def __init__(self, n):
        self.n = n

    def __copy__(self):
        print("__copy__ called")
        return Counted(self.n + 1)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called with memo", type(memo).__name__)
        return Counted(self.n + 100)


c = Counted(1)
print(copy.copy(c).n, copy.deepcopy(c).n, copy.deepcopy([c, c])[0].n)
memo = {}
x = [1, 2]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y, y)
from collections import deque, defaultdict, namedtuple
dq = deque([[1], [2]])
print(copy.copy(dq), copy.deepcopy(dq)[0] is dq[0], copy.copy(dq)[0] is dq[0])
dd = defaultdict(list, {"a": [1]})
dd2 = copy.deepcopy(dd)
dd2["b"].append(2)
print(dd, dd2, copy.copy(dd))
P = namedtuple("P", "x y")
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])))
