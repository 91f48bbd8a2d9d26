# Instances of module-level classes travel to children and back as pickle
# carries them: the class by name, then the instance's __dict__ (no
# __init__ on the receiving side); classes deriving from built-ins; user
# exceptions raised in a worker; local classes refused.
import multiprocessing


class Point:
    inits = 0

    def __init__(self, x, y):
        Point.inits += 1
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Tree:
    def __init__(self, value, children):
        self.value = value
        self.children = children


class Pair(tuple):
    pass


class Tagged(list):
    pass


class Env(dict):
    pass


class Name(str):
    pass


class Bag(set):
    pass


class TaskError(Exception):
    pass


class CodedError(Exception):
    def __init__(self, code):
        super().__init__("code " + str(code))
        self.code = code


class Stateful:
    def __init__(self):
        self.secret = 1
        self.cache = "big"

    def __getstate__(self):
        return {"secret": self.secret}

    def __setstate__(self, state):
        self.secret = state["secret"] * 100
        self.restored = True


def shift(p):
    # Runs in the child: __init__ did not run there for p.
    return Point(p.x + 1, p.y + 1), Point.inits


def total(t):
    return t.value + sum([total(c) for c in t.children])


def describe(v):
    extra = sorted(v.__dict__.items()) if hasattr(v, "__dict__") else None
    return type(v).__name__, v, extra


def fail(n):
    if n == 2:
        raise TaskError("bad task", n)
    if n == 3:
        raise CodedError(7)
    return n


def local_class():
    class Inner:
        pass
    return Inner


def roundtrip(q, v):
    q.put(v)
    return q.get()


def child(q):
    p = q.get()
    p.seen_by = multiprocessing.current_process().name
    q2 = q
    q2.put(p)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    pts = [Point(1, 2), Point(-3, 4)]
    with multiprocessing.Pool(1) as one:
        # One worker, so its count of __init__ calls is the program's.
        print(one.map(shift, pts))
    with multiprocessing.Pool(2) as pool:
        print(pool.apply(total, (Tree(1, [Tree(2, []), Tree(3, [Tree(4, [])])]),)))

        p = Pair((1, 2))
        p.label = "p"
        t = Tagged([1, 2])
        t.tag = "t"
        e = Env(a=1)
        e.origin = "env"
        n = Name("ada")
        n.title = "Lady"
        b = Bag([3, 1])
        b.kind = "ints"
        for kind, value, extra in pool.map(describe, [p, t, e, n, b, Point(0, 0)]):
            print(kind, value, extra)

        s = pool.apply(describe, (Stateful(),))
        print(s[0], s[2], type(s[1]).__name__, s[1].secret, sorted(s[1].__dict__))

        for n in [1, 2, 3]:
            try:
                print(pool.apply(fail, (n,)))
            except TaskError as err:
                print("TaskError:", err, err.args, type(err) is TaskError)
            except CodedError as err:
                print("CodedError:", err, err.code)
        try:
            pool.map(fail, [1, 3, 4])
        except Exception as err:
            print(type(err).__name__, err, err.code)

        Inner = local_class()
        for v in [Inner(), Inner, [Inner()]]:
            try:
                pool.map(describe, [v])
            except AttributeError as err:
                print("AttributeError:", err)
        print("pool still usable:", pool.map(describe, [Pair((5,))]))

    q = multiprocessing.Queue()
    proc = multiprocessing.Process(target=child, args=(q,))
    proc.start()
    q.put(Point(5, 6))
    proc.join()
    back = q.get()
    print(back, back.seen_by, sorted(back.__dict__))

    a, b = multiprocessing.Pipe()
    a.send([Point(7, 8), Tagged([9])])
    got = b.recv()
    print(got, type(got[1]).__name__, Point.inits)
