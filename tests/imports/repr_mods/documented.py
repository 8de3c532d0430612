"""Module docstring."""
import math
A = 1
def f():
    pass
