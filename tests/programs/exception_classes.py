# User-defined exception classes: args, str() and repr() with zero, one and
# several arguments, an overridden __str__, extra attributes, catching through
# a base class, and exceptions as ordinary objects.
class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem

    def __str__(self):
        return "config key " + repr(self.key) + ": " + self.problem

class RetryError(AppError):
    def __init__(self, attempts):
        super().__init__("gave up after " + str(attempts) + " attempts")
        self.attempts = attempts

for e in [AppError(), AppError("one"), AppError("two", 2), AppError(("tuple",))]:
    print(repr(str(e)), repr(e), e.args, len(e.args))

e = ConfigError("port", "must be a number")
print(str(e), "|", repr(e), "|", e.args, e.key)
r = RetryError(3)
print(str(r), "|", repr(r), "|", r.attempts)

def load(kind):
    if kind == 1:
        raise ConfigError("host", "missing")
    if kind == 2:
        raise RetryError(5)
    if kind == 3:
        raise AppError("generic")
    if kind == 4:
        raise ValueError("not ours")
    return "loaded"

for kind in range(5):
    try:
        print(load(kind))
    except ConfigError as err:
        print("ConfigError handler:", err)
    except AppError as err:
        print("AppError handler:", type(err).__name__, err)
    except Exception as err:
        print("Exception handler:", type(err).__name__, err)

# Raising the class instead of an instance creates the instance.
try:
    raise AppError
except AppError as err:
    print("raised class:", repr(err), err.args)

# The hierarchy of the user classes.
print([c.__name__ for c in ConfigError.__mro__])
print(issubclass(RetryError, Exception), issubclass(AppError, ConfigError), isinstance(r, AppError))

# Exceptions are objects: kept in lists, compared by identity, attributes added.
caught = []
for kind in [1, 2, 3]:
    try:
        load(kind)
    except AppError as err:
        err.note = "kind " + str(kind)
        caught.append(err)
print([type(c).__name__ + "/" + c.note for c in caught])
print(AppError("x") == AppError("x"), caught[0] is caught[0])

# args can be replaced.
err = AppError("a", "b")
err.args = ("changed",)
print(str(err), repr(err))

# An exception class with a class attribute and a custom method.
class HttpError(Exception):
    code = 500

    def describe(self):
        return str(self.code) + " " + str(self)

class NotFound(HttpError):
    code = 404

for cls in [HttpError, NotFound]:
    try:
        raise cls("for /index")
    except HttpError as err:
        print(err.describe())

# Only BaseException subclasses can be raised.
class NotAnError:
    pass

try:
    raise NotAnError()
except TypeError as err:
    print("TypeError:", err)
try:
    raise "text"
except TypeError as err:
    print("TypeError:", err)
