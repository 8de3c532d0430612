import sys
sys.setrecursionlimit(10**6)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError", e)
def g(n):
    return 0 if n == 0 else 1 + g(n - 1)
print(g(200000))
