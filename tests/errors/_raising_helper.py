# Imported by import_error_in_module.py: its top level fails.
print("helper starts")


def divide(a, b):
    return a / b


RESULT = divide(1, 0)
