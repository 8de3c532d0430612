# `for i in range(...)` whose iterator native code builds in its own stack memory
# (codegen/known.rs lower_range_loop_call): every way the call can differ from the
# built-in with small-int bounds must behave as CPython does.
import sys
import builtins


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


def span(a, b):
    out = []
    for i in range(a, b):
        out.append(i)
    return out


print(total(10), total(0), total(-5), total(1))
print(span(3, 8), span(8, 3), span(-3, 2), span(5, 5))

# bounds near and beyond the tagged-int range take the general path
big = 2 ** 62
print(span(big - 3, big), span(2 ** 70, 2 ** 70 + 2))
print(span(-big - 1, -big + 1))

# non-int bounds: bool works, float raises
print(span(False, True), total(True))
try:
    total(2.5)
except TypeError as e:
    print("TypeError:", e)


class Idx:
    def __index__(self):
        return 3


print(span(0, Idx()), total(Idx()))


# break, continue, return and exceptions inside the loop; the site runs again
def first_even_square_over(limit):
    for i in range(limit * 2):
        if i % 2:
            continue
        if i * i > limit:
            return i
    return None


print([first_even_square_over(k) for k in range(6)])


def nested(n):
    pairs = 0
    for i in range(n):
        for j in range(i, n):
            if j - i > 2:
                break
            pairs += 1
    return pairs


print(nested(6), nested(0))


def raising(n):
    try:
        for i in range(n):
            if i == 3:
                raise ValueError(i)
    except ValueError as e:
        return "caught %s" % e
    return "none"


print(raising(10), raising(2))


# recursion: each level has its own loop
def walk(depth):
    if depth == 0:
        return 1
    count = 0
    for _ in range(2):
        count += walk(depth - 1)
    return count


print(walk(8))

# the global `range` rebound, then restored; builtins.range replaced
real = range


def fake_range(*args):
    return [100, 200]


range = fake_range
print(total(5), span(1, 3))
del range
print(total(5))
builtins.range = fake_range
print(total(5))
builtins.range = real
print(total(5))


# range is final: no subclass can take its place
try:
    class Sub(real):
        pass
except TypeError as e:
    print("TypeError:", e)


# the loop variable and a generator over the same function stay independent
def gen(n):
    for i in range(n):
        yield i * i


print(list(gen(5)), sum(i for i in range(5)), [i for i in range(3)])
