# A bare raise inside except re-raises the original exception with its original traceback.
def risky(n):
    return [1, 2, 3][n]
def wrapper(n):
    try:
        return risky(n)
    except IndexError:
        print("wrapper saw an IndexError, re-raising")
        raise
print(wrapper(1))
print(wrapper(5))
