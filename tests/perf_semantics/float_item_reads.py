# List items read as numbers by arithmetic and comparisons (`a[0] - b[0]`,
# `a[3] -= dx * bm`), and the both-unboxed shortcut of float operators: every kind of
# item must still give CPython's answer (ints, big ints, bools, float subclasses,
# other types), errors must be the same, and an item changed while the expression
# runs must not change the number already read.
import sys


class F(float):
    def __sub__(self, other):
        return "F.__sub__"

    def __lt__(self, other):
        return "F.__lt__"


class L(list):
    def __getitem__(self, i):
        return 2.5


def diff(a, b):
    return a[0] - b[0]


def mul_add(a, b):
    return a[1] * b[1] + a[0]


def less(a, b):
    return a[0] < b[0]


items = [1.5, -0.0, 0.0, 3, True, 2 ** 70, -(2 ** 62), float("inf"), float("nan"),
         F(1.25), 1 + 2j]
for x in items:
    for y in items:
        a, b = [x, y], [y, x]
        for f in (diff, mul_add, less):
            try:
                r = f(a, b)
            except TypeError as e:
                r = "TypeError: " + str(e)
            print(f.__name__, repr(x), repr(y), repr(r))

# strs and None: the operator's own errors
for bad in ("s", None, [1.0]):
    try:
        print(diff([1.0], [bad]))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(less([bad], [1.0]))
    except TypeError as e:
        print("TypeError:", e)

# other containers and indexes
print(diff((5.0, 1.0), (2.0,)), diff(L([0.0]), [1.0]), diff({0: 4.0}, [0.5]))
try:
    diff([1.0], [])
except IndexError as e:
    print("IndexError:", e)
v = [0.5, 1.5, 2.5]
print(v[-1] - v[-3], v[1] * v[-2], v[2] / v[0], v[0] <= v[1] < v[2])
w = [-0.0, 3, 2 ** 70, True, F(2.0), 1j]
print([-w[i] for i in range(len(w))], -v[0] * -v[1])
try:
    v[True] / (v[0] - v[0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# augmented item updates: shared items are not changed in place
shared = 1.0
a = [shared, shared, 2.0]
keep = a[2]
dx, bm = 0.5, 3.0
for _ in range(3):
    a[0] -= dx * bm
    a[2] += dx * bm
print(a, shared, keep)
a = [1, 2 ** 62, 2.0]
a[0] -= 1.5
a[1] += 2 ** 62
a[2] *= 10
print(a)


# an item replaced while the expression runs: the number read first is used
def clobber(v):
    v[0] = 100.0
    return 1.0


v = [5.0]
print(v[0] - clobber(v), v)
v = [5.0]
v[0] -= clobber(v)
print(v)


# the both-unboxed shortcut: zero division, NaN, infinities, signed zeros
def quick(x, y):
    a = x * 1.0
    b = y * 1.0
    out = [a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b]
    try:
        out.append(a / b)
    except ZeroDivisionError as e:
        out.append("ZeroDivisionError: " + str(e))
    return out


nan, inf = float("nan"), float("inf")
for x, y in [(1.5, 0.0), (1.5, -0.0), (nan, 1.0), (nan, nan), (inf, inf), (-inf, inf),
             (0.0, -0.0), (1e308, 1e308), (3.0, 2.0), (2 ** 60, 3)]:
    print(repr(x), repr(y), quick(x, y))


# a float local that becomes another type inside the loop
def drift(n):
    t = 0.0
    for i in range(n):
        t = t + 0.5
        if i == 2:
            t = 2 ** 80
        if i == 4:
            t = "s" if n < 0 else t
    return t


print(drift(6))


def locals_of_items(v):
    x = v[0] - v[1]
    y = x * v[2]
    return sorted(sys._getframe().f_locals.items())


print(locals_of_items([2.5, 0.5, 4.0]))
print(locals_of_items([2, 1, 4]))
