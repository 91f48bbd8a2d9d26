# A ZeroDivisionError three calls deep: the traceback lists every frame, outermost first.
def divide(a, b):
    return a / b
def average(values):
    total = sum(values)
    return divide(total, len(values))
def main():
    print("average of [2, 4]:", average([2, 4]))
    print("average of []:")
    print(average([]))
main()
