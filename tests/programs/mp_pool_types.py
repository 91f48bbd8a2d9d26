# Types travel to Pool workers by name, as pickle sends them: a built-in type
# as a builtin, a class of __main__ by its name.
import multiprocessing
class P:
    pass
def kind(c): return c.__name__
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(str, [1, 2, 3]))
        print(pool.map(kind, [int, P, dict]))
