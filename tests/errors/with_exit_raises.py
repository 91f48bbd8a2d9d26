# An exception raised by __exit__ while the with body's exception is being
# handled, uncaught: the body's error, then "During handling ...", then the
# error from __exit__.
class Transaction:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("begin", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("rolling back", self.name)
            raise RuntimeError("rollback of " + self.name + " failed")
        print("commit", self.name)
        return False

with Transaction("first"):
    print("all good")

with Transaction("second") as t:
    values = [1, 2, 3]
    print(values[len(values)])
