import _import_cycle_b

A_VALUE = "a"


def from_b():
    return _import_cycle_b.B_VALUE
