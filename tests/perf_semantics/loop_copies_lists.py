# Typed loop copies over list iterators (codegen/versioned.rs): `for a, b in pairs`
# unpacks tuples of lists into locals, reads and updates their float or int items in
# place, calls math functions, and leaves for the generic code whenever an item, a
# tuple, a list or a value is not what the copy expects. Results must not change.
import math
import sys


def step(pairs, dt):
    for a, b in pairs:
        dx = a[0] - b[0]
        d2 = dx * dx + 1.0
        mag = dt / (d2 * math.sqrt(d2))
        a[1] -= dx * mag
        b[1] += dx * mag


def bodies():
    return [[1.0, 0.5], [2.5, -0.25], [-3.0, 1.5]]


bs = bodies()
pairs = [(bs[i], bs[j]) for i in range(3) for j in range(i + 1, 3)]
for _ in range(1000):
    step(pairs, 0.01)
print(bs)

# an int step (a number local taken as a float), a big int one, a bool
for dt in (1, 2 ** 60 + 1, 2 ** 80, True, 0.5):
    bs = bodies()
    step([(bs[0], bs[1])], dt)
    print(repr(dt)[:12], bs)

# a float shared with another name is not overwritten in place
bs = bodies()
kept = bs[0][1]
step([(bs[0], bs[1])] * 3, 0.1)
print(kept, bs[0][1], kept is bs[0][1])

# items of other shapes: a list pair, a 3-tuple, a tuple row, an int item
for bad in ([bs[0], bs[1]], (bs[0], bs[1], bs[2]), ((1.0, 2.0), bs[1]), ([1, 2], bs[1])):
    try:
        step([(bs[0], bs[2]), bad, (bs[1], bs[2])], 0.1)
        print("ok", bs)
    except Exception as e:
        print(type(e).__name__, e)


def roots(rows):
    out = 0.0
    for r, in rows:
        out += math.sqrt(r[0])
    return out


print(roots([([4.0],), ([9.0],)]))
try:
    roots([([4.0],), ([-9.0],), ([16.0],)])
except ValueError as e:
    print("ValueError", e)
print(roots([([float("inf")],)]), roots([([float("nan")],)]))
print(roots([([16],), ([2 ** 80],)]))

# math.sqrt replaced, then math itself rebound
real = math.sqrt
math.sqrt = lambda x: 100.0
print(roots([([4.0],)]))
math.sqrt = real
saved = math


class FakeMath:
    @staticmethod
    def sqrt(x):
        return -1.0


math = FakeMath()
print(roots([([4.0],)]))
math = saved
print(roots([([4.0],)]))

# division by zero inside the copy: CPython's traceback line
try:
    bs = [[0.0, 1.0], [0.0, 2.0]]
    step([(bs[0], bs[1])], 0.1)
    print(bs)
    def norm(rows):
        for a, b in rows:
            a[0] = a[1] / b[0]
    norm([([1.0, 2.0], [4.0]), ([1.0, 3.0], [0.0])])
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, e.__traceback__.tb_next.tb_lineno)


# int items updated in place, negative and out-of-range indexes, big ints
def rotate(perm, r):
    first = perm[0]
    for i in range(r):
        perm[i] = perm[i + 1]
    perm[r] = first


p = list(range(8))
for r in range(1, 8):
    rotate(p, r)
print(p)
p = [1, 2 ** 70, 3, -4, 5]
rotate(p, 4)
print(p)
p = [1.5, 2, "x", None, 5]
rotate(p, 4)
print(p)
try:
    rotate([1, 2, 3], 3)
except IndexError as e:
    print("IndexError", e)


def count_down(count, r):
    while r != 1:
        count[r - 1] = r
        r -= 1
    return count


print(count_down([0] * 6, 6), count_down([None] * 4, 4), count_down([0.5] * 3, 3))


# list locals bound by the loop: their old values, list subclasses, tuples
class Row(list):
    def __getitem__(self, i):
        return 10.0


class Noisy:
    def __del__(self):
        print("del Noisy")


def sums(rows):
    a = Noisy()
    total = 0.0
    for a in rows:
        total += a[0] * 2.0
    print("after loop", a)
    return total


print(sums([[1.0], [2.0], Row([3.0]), [4.0]]))
try:
    sums([[1.0], (2.0,), "x"])
except TypeError as e:
    print("TypeError", e)


def sum_ints(items):
    s = 0
    for x in items:
        s += x
    return s


print(sum_ints(list(range(100))), sum_ints([1, 2, 2 ** 65, 3]), sum_ints([1, 2.5, 3]))
print(sum_ints([sys.maxsize] * 4), sum_ints([]))


def scale_all(rows, f):
    for row in rows:
        row[0] *= f
        row[1] += row[0]
    return rows


print(scale_all([[1.0, 2.0], [3.0, 4.0]], 2), scale_all([[1.0, 2.0], [3, 4]], 0.5))
shared = 7.5
rows = [[shared, 1.0], [shared, 2.0]]
print(scale_all(rows, 2.0), shared)


# the list iterated changes under the loop's feet: a row is the list itself
def self_ref():
    rows = [[1.0, 2.0]]
    rows.append(rows)
    try:
        for r in rows:
            r[0] += 1.0
    except TypeError as e:
        print("TypeError", e)
    print(rows[0])


self_ref()


def frame_locals(pairs):
    for a, b in pairs:
        d = a[0] - b[0]
    return sorted(k for k in locals()), a, b, d


print(frame_locals([([1.0], [2.0]), ([5.0], [3.0])]))


# `p[:k + 1] = p[k::-1]` reverses a prefix in place; other bounds resize the list
def flips(p):
    n = 0
    k = p[0]
    while k != 0:
        p[:k + 1] = p[k::-1]
        n += 1
        k = p[0]
    return n, p


print(flips([3, 1, 2, 0]), flips([2, 0, 1]), flips([0, 5]), flips([1, 0, 2 ** 70]))
print(flips([6, 0, 1]))
try:
    print(flips([-2, 4, 0, 1]))
except Exception as e:
    print(type(e).__name__, e)


def grow_prefix(p, j):
    k = 2
    while k > 0:
        p[:j] = p[k::-1]
        k -= 1
    return p


print(grow_prefix([1, 2, 3, 4, 5], 1), grow_prefix([1, 2, 3, 4, 5], 5), grow_prefix([1.5, "a", None], 3))
