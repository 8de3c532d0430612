# Stores of float results into list items (`a[i] -= x`, `a[i] = x * y`): native code may
# reuse the old item when nothing else references it; every other case must behave as
# CPython: shared items stay unchanged, subclasses, other containers, errors.
import sys


class F(float):
    pass


class L(list):
    def __setitem__(self, i, v):
        print("L.__setitem__", i, v)
        super().__setitem__(i, v)


def step(bodies, dt):
    for a, b in bodies:
        dx = a[0] - b[0]
        a[1] -= dx * dt
        b[1] += dx * dt
        a[2] = dx * dt * 2.0


def shared():
    x = 1.5
    a = [x, 2.5, 0.0]
    a[0] -= 0.25
    print(x, a)
    y = a[1]
    a[1] *= 2.0
    print(y, a)
    c = [0.5, 0.25]
    d = c
    c[0] += 1.0
    print(c, d, c is d)
    e = [0.5]
    f = [e[0]]
    e[0] += 1.0
    print(e, f)


def kinds():
    a = [F(1.5), 7, "s", None, 2.0]
    a[0] += 0.5
    a[1] += 0.5
    a[4] /= 4.0
    print(a, type(a[0]).__name__, type(a[1]).__name__)
    l = L([1.0, 2.0])
    l[0] -= 0.5
    print(l)
    d = {"k": 1.0}
    d["k"] *= 3.0
    print(d)
    t = [1.0, 2.0]
    t[-1] -= 0.5
    t[-2] += 0.25
    print(t)
    try:
        t[5] += 1.0
    except IndexError as e:
        print("IndexError", e)
    try:
        t[-3] -= 1.0
    except IndexError as e:
        print("IndexError", e)
    try:
        t["x"] = 1.0 * 2.0
    except TypeError as e:
        print("TypeError", e)
    big = [10 ** 30]
    big[0] *= 1.5
    print(big)
    z = [1e308]
    z[0] *= 10.0
    print(z)
    try:
        q = [1.0]
        q[0] /= 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, q)


def ids():
    a = [1.0, 2.0]
    keep = a[0]
    for _ in range(3):
        a[0] += 1.0
        a[1] += 1.0
    print(a, keep, a[0] is keep)


bodies = [([1.0, 0.5, 0.0], [0.25, 1.5, 0.0]), ([3.0, -1.0, 0.0], [1.0, 2.0, 0.0])]
for _ in range(1000):
    step(bodies, 0.001)
print(bodies)
shared()
kinds()
ids()
print(sys.getrefcount(bodies[0][0][1]) >= 2)
