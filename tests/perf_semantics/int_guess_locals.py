"""`s = i + j` of two unknown values is guessed a float (an f64 home for `s`) unless `s`
is also used as an int (`s + 1`, `s // 2`, `s & 1`): then it stays an object
(codegen/unboxed.rs `Kind::Guess`, `int_use`). Every kind of value must still work."""
import sys


def f(i, j):
    s = i + j
    return s * (s + 1) // 2 + i + 1


for args in [(1, 2), (2**62, 2**62), (-(2**63), -1), (1.5, 2.25), (True, 2), (10**40, 1)]:
    print(f(*args))


def g(i, j):
    s = i + j
    t = s + 1
    return s, t, sorted(sys._getframe().f_locals.items())


print(g(1, 2))
print(g(0.5, 0.25))
print(g(2**63, 1))
try:
    print(g("a", "b"))
except TypeError as e:
    print("TypeError", e)


def h(a, b):
    d = a - b
    m = d & 3
    return d, m


print(h(10, 3))
try:
    h(1.5, 0.5)
except TypeError as e:
    print("TypeError", e)


def k(xs, ys):
    acc = 0.0
    for x, y in zip(xs, ys):
        p = x * y
        acc += p
        q = p % 7
        acc -= q
    return acc


print(k([1, 2.5, 3], [4, 5, 6.5]))


def z(i, j):
    s = i - j
    return 1.0 / s


print(z(3, 1))
try:
    z(2, 2)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def w(a, b):
    c = a * b
    c = c + 0.5
    return c * 2, c + 1


print(w(3, 4), w(1.5, 2))
