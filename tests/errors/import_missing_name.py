# `from MODULE import NAME` where MODULE (a frozen one here) lacks NAME.
from string import digits
print(digits)
from string import no_such_name
