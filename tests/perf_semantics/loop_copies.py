# Typed loop copies (codegen/versioned.rs): while loops of plain arithmetic run in a
# typed copy that leaves for the generic code on overflow, division by zero, a global
# changing type, or a local holding another type. Results must not change.
import sys
import threading

LIMIT = 50


def mandel(cr, ci):
    zr = zi = tr = ti = 0.0
    i = 0
    while i < LIMIT and tr + ti <= 4.0:
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i += 1
    return i, tr + ti


print([mandel(x / 10, 0.3)[0] for x in range(-20, 6)])
print(mandel(0.0, 0.0))

# the limit becomes a big int, a float, a bool, then something unorderable
for limit in (2 ** 70, 7.5, True, 3):
    LIMIT = limit
    print(limit, mandel(0.3, 0.6))
LIMIT = "x"
try:
    mandel(0.0, 0.0)
except TypeError as e:
    print("TypeError:", e)
LIMIT = 50


def grow(n):
    # overflows the tagged range inside the loop: continues as a big int
    x = 1
    k = 0
    while k < n:
        x = x * 3 + 1
        k += 1
    return x


print(grow(10), grow(45), grow(100))


def neg_grow():
    x = -1
    k = 0
    while k < 70:
        x = x + x
        k = k + 1
    return x


print(neg_grow())


def bits(n):
    a = 0
    b = n
    while b:
        a = (a ^ b) | 1
        b = b & (b - 1)
    return a, b


print(bits(0b1011011), bits(0), bits(1 << 61))


def divide(xs0, d):
    x = xs0
    total = 0.0
    k = 0
    while k < 5:
        total = total + x / d
        d = d - 1.0
        k += 1
    return total


print(divide(1.0, 5.0))
try:
    print(divide(1.0, 2.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def mixed(n):
    # a float local that holds an int first, then a float
    s = 0
    k = 0
    while k < n:
        s = s + 0.5
        k = k + 1
    return s


print(mixed(0), mixed(1), mixed(7))


def nan_compare():
    x = float("nan")
    y = 1.0
    k = 0
    hits = 0
    while k < 4:
        if x != x:
            hits = hits + 1
        if x < y:
            hits = hits + 100
        if x == x:
            hits = hits + 1000
        k = k + 1
        x = x + 1.0
    return hits


print(nan_compare())


def truthy():
    f = 2.0
    n = 3
    c = 0
    while f:
        f = f - 0.5
        c = c + 1
    while n:
        n = n - 1
        c = c + 10
    return c, f, n


print(truthy())


def seen_by_frame():
    x = 0.25
    k = 0
    while k < 3:
        x = x * 2.0
        k = k + 1
    f = sys._getframe()
    return sorted((name, v) for name, v in f.f_locals.items() if name != "f")


print(seen_by_frame())


def spin(n):
    # long enough for the eval breaker to ask for the GIL: the other thread runs
    acc = 0
    k = 0
    while k < n:
        acc = (acc + k) & 0xFFFF
        k = k + 1
    return acc


done = []
t = threading.Thread(target=lambda: done.append(spin(100000)))
t.start()
r = spin(3000000)
t.join()
print(r, done)


def fails_late(n):
    x = 1.0
    k = 0
    while k < n:
        x = x * 1e300
        k = k + 1
    return x


print(fails_late(3))


def overflow_traceback():
    k = 0
    q = 1.0
    while k < 10:
        q = q / (5 - k)
        k = k + 1
    return q



# for-range loops over lists, with a small module function inlined
def weight(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def dot(v, n):
    total = 0.0
    for j in range(n):
        total += weight(3, j) * v[j]
    return total


def isum(xs, lo, hi, step):
    t = 0
    for k in range(lo, hi, step):
        t = t + xs[k] * k
    return t


floats = [0.5 * k for k in range(50)]
print(dot(floats, 50), dot(floats, 0))
ints = list(range(100))
print(isum(ints, 0, 100, 1), isum(ints, 99, -1, -3), isum(ints, 10, 20, 4))
# items that are not floats / ints, negative and out-of-range indexes
mixed_items = [1.5, 2, 3.25, True, 4.0]
print(dot(mixed_items, 5))
print(isum([1, 2.5, 3, -4, 10 ** 30], 0, 5, 1))
print(isum(ints, -5, 0, 1))
try:
    print(dot(floats, 51))
except IndexError as e:
    print("IndexError:", e)
try:
    print(isum((1, 2, 3), 0, 3, 1))
except TypeError as e:
    print("TypeError:", e)
print(isum(ints, 2 ** 62 - 3, 2 ** 62 + 2, 1) if False else isum([7] * 5, 0, 5, 1))


def big_range():
    t = 0
    for k in range(2 ** 62 - 3, 2 ** 62 + 3):
        t = t + k
    return t


print(big_range())

# rebinding the inlined function is seen at once
def scale(k):
    return k * 0.5


def scaled_sum(n):
    t = 0.0
    for j in range(n):
        t = t + scale(j)
    return t


def double(k):
    return k * 2.0


print(scaled_sum(4))
saved = scale
scale = double
print(scaled_sum(4))
scale = saved
print(scaled_sum(4))


def weight_zero(i, j):
    return 1.0 / (i - j)


def dot_zero(n):
    total = 0.0
    for j in range(n):
        total += weight_zero(4, j)
    return total


print(dot_zero(4))


def deep(k):
    if k:
        return deep(k - 1)
    return dot(floats, 10)


print(deep(50))
try:
    dot_zero(6)
except ZeroDivisionError:
    import traceback
    traceback.print_exc(file=sys.stdout)


overflow_traceback()
