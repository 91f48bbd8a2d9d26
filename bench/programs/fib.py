# Function-call overhead: naive recursive Fibonacci.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 32


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(f"fib({N}) = {fib(N)}")
