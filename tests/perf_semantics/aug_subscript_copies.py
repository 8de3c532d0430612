# `a[k] op= v`: the container's copy made for the read takes no reference of its own
# (the original below it on the stack keeps the container alive). Errors at every step,
# containers that exist only on the stack, `__getitem__`/`__setitem__` that rebind or
# drop the name, and finalizers must behave as in CPython.
import gc
import sys


class Noisy(list):
    def __del__(self):
        print("Noisy freed", list(self))


class Rebinder(list):
    def __getitem__(self, k):
        global g
        g = None  # drops the global's reference while the statement runs
        return list.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("setitem", k, v)
        list.__setitem__(self, k, v)


class BadSet(list):
    def __setitem__(self, k, v):
        raise RuntimeError("no stores")


def boom():
    raise ValueError("boom")


def make():
    return Noisy([1.0, 2.0])


def run():
    a = [1.0, 2, 2 ** 63, "s", 0.5]
    a[0] += 0.25
    a[1] -= 3
    a[2] *= 2
    a[3] += "t"
    a[-1] /= 0.25
    print(a)
    try:
        a[9] += 1.0
    except IndexError as e:
        print("IndexError:", e)
    try:
        a[0] += boom()
    except ValueError as e:
        print("ValueError:", e, a[0])
    try:
        a[0] /= 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, a[0])
    try:
        a[3] -= 1.0
    except TypeError as e:
        print("TypeError:", e)
    # a container that only the stack holds
    make()[0] += 1.0
    print("after temporary")
    global g
    g = Rebinder([1.0, 2.0])
    g[1] += 0.5
    print(g)
    b = BadSet([1.0])
    try:
        b[0] += 1.0
    except RuntimeError as e:
        print("RuntimeError:", e, b)
    d = {"x": 1.5}
    d["x"] += 1.0
    try:
        d["y"] += 1.0
    except KeyError as e:
        print("KeyError:", e)
    print(d)
    t = (1.0,)
    try:
        t[0] += 1.0
    except TypeError as e:
        print("TypeError:", e)
    n = Noisy([0.0])
    for i in range(3):
        n[0] += i
    m = n
    del n
    r0 = sys.getrefcount(m)
    m[0] -= 1.0
    m[0] *= 1.0
    print(sys.getrefcount(m) - r0, m)
    del m


run()
gc.collect()
print("done")
