# A user exception raised while handling another user exception, uncaught:
# both tracebacks joined by "During handling of the above exception, another
# exception occurred:", each printed with its own __str__.
class StorageError(Exception):
    def __str__(self):
        return "storage failed: " + self.args[0]

class CleanupError(Exception):
    pass

class Store:
    def __init__(self):
        self.items = []

    def save(self, item):
        if item is None:
            raise StorageError("None is not storable")
        self.items.append(item)

    def save_all(self, items):
        try:
            for item in items:
                self.save(item)
        except StorageError:
            self.rollback()

    def rollback(self):
        raise CleanupError("rollback left " + str(len(self.items)) + " items behind")

s = Store()
s.save_all([1, 2])
print("saved", s.items)
s.save_all([3, None, 4])
