# RecursionError through mutually recursive functions is catchable; program continues
import sys
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError as e:
    print("caught", type(e).__name__, e)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
print(sys.getrecursionlimit())
def deep_then_fail(n):
    if n == 0:
        raise ValueError("bottom")
    return deep_then_fail(n - 1)
deep_then_fail(3)
