# del of names (local and global), list items, dict entries, nested subscripts and multiple targets.
x = 5
print(x)
del x
try:
    print(x)
except NameError as e:
    print("after del:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d, "b" in d)
try:
    del d["zzz"]
except KeyError as e:
    print("del missing key:", e)
try:
    del lst[10]
except IndexError as e:
    print("del bad index:", e)
a = 1
b = 2
del a, b
try:
    print(a)
except NameError as e:
    print(e)
nested = {"outer": {"inner": 1, "keep": 2}}
del nested["outer"]["inner"]
print(nested)
grid = [[1, 2], [3, 4]]
del grid[0][1]
print(grid)
def remove_evens(xs):
    i = 0
    while i < len(xs):
        if xs[i] % 2 == 0:
            del xs[i]
        else:
            i += 1
    return xs
print(remove_evens([1, 2, 4, 5, 6, 7, 8]))
def local_del():
    y = "temp"
    del y
    y = "again"
    return y
print(local_del())
g = "global value"
def del_global():
    global g
    del g
del_global()
try:
    print(g)
except NameError as e:
    print(e)
t = {(1, 2): "p", (3, 4): "q"}
del t[(1, 2)]
print(t)
