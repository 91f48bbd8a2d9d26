# One method reads and writes attributes of instances of many classes, more
# than the attribute cache keeps at once, with their dicts laid out in
# different orders, class attributes, properties and classes changed while
# the loop runs: every access must still find what python3 finds.
class Base:
    label = "base"

    def describe(self):
        self.count = getattr(self, "count", 0) + 1
        return self.label + ":" + str(self.value) + ":" + str(self.count)


def make_class(i):
    class Sub(Base):
        def __init__(self, value):
            if i % 2:
                self.value = value
                self.extra = i
            else:
                self.extra = -i
                self.value = value

    Sub.__name__ = "Sub" + str(i)
    if i % 3 == 0:
        Sub.label = "sub" + str(i)
    return Sub


classes = [make_class(i) for i in range(7)]


class WithProperty(Base):
    @property
    def value(self):
        return "computed"


objects = [cls(n) for n, cls in enumerate(classes)] + [WithProperty()]
for round_ in range(3):
    print([o.describe() for o in objects])
    if round_ == 0:
        Base.label = "renamed"
    if round_ == 1:
        classes[2].label = "late"
        del objects[1].value
        objects[1].value = "again"
total = 0
for step in range(200):
    o = objects[(step * 5) % len(objects)]
    total += o.count + len(o.label)
print(total)
