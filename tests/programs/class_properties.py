# property: getter, setter with validation, deleter, read-only properties,
# computed properties, the property() call form, and properties in subclasses.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        print("  (get balance)")
        return self._balance

    @balance.setter
    def balance(self, value):
        print("  (set balance", value, ")")
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @balance.deleter
    def balance(self):
        print("  (delete balance)")
        del self._balance

    @property
    def summary(self):
        return self.owner + ": " + str(self._balance)

acct = Account("ann", 10)
print(acct.balance)
acct.balance = 25
print(acct.summary)
try:
    acct.balance = -5
except ValueError as e:
    print("ValueError:", e)
print(acct.summary)
del acct.balance
print(hasattr(acct, "_balance"))
try:
    acct.balance
except AttributeError as e:
    print("AttributeError:", e)

# A property without a setter is read-only.
try:
    acct.summary = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    del acct.summary
except AttributeError as e:
    print("AttributeError:", e)

# Through the class, the property object itself is returned.
print(type(Account.balance).__name__, isinstance(Account.summary, property))
print(Account.balance.fget.__name__, Account.summary.fset is None)

# property() called directly.
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def get_area(self):
        return self.w * self.h

    def set_area(self, a):
        self.h = a // self.w

    area = property(get_area, set_area, None, "width times height")

r = Rect(3, 4)
print(r.area)
r.area = 30
print(r.w, r.h, r.area, Rect.area.__doc__)

# Computed properties update with the data behind them.
class Circle:
    def __init__(self, r):
        self.r = r

    @property
    def diameter(self):
        return 2 * self.r

    @diameter.setter
    def diameter(self, d):
        self.r = d / 2

c = Circle(5)
print(c.diameter)
c.diameter = 3
print(c.r, c.diameter)

# A property on the class wins over the instance __dict__.
c.__dict__["diameter"] = 999
print(c.diameter, c.__dict__)

# Subclasses inherit properties and can override them.
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

    @property
    def area(self):
        return "square of " + str(self.w * self.h)

print(Square(4).area, Rect(2, 5).area)
