# RecursionError through register-argument calls happens at CPython's depth, and an
# uncaught one prints CPython's traceback (frames folded with "Previous line repeated").
import sys


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


sys.setrecursionlimit(120)
print(depth(0))
print(depth(0))


def two(a, b):
    return two(b, a + 1) if a < 10**6 else a


def outer():
    return two(0, 0)


sys.setrecursionlimit(80)
try:
    outer()
except RecursionError as e:
    print("RecursionError:", e)


def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


ping(0)
