import _import_cycle_a

# _import_cycle_a is partly initialised here: A_VALUE is not bound yet.
print("cycle b: a has A_VALUE?", hasattr(_import_cycle_a, "A_VALUE"))
B_VALUE = "b"
