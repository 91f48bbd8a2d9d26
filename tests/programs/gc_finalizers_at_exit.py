# At exit, as CPython's finalisation: garbage cycles are collected first,
# then __main__'s variables go in the order they were bound, each running
# its __del__.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = A(1)
b = A(2)
_c = A(3)
l = A(4)
l.self = l
del l
z = A(5)
print("end")
