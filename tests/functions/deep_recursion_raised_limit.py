# deep recursion with a raised recursion limit runs like CPython (no C-stack overflow)
import sys
sys.setrecursionlimit(100000)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
for n in (1000, 5000, 20000, 60000):
    try:
        print(n, f(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
