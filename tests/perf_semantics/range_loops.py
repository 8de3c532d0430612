# `for i in range(...)` advances range iterators inline in native code, and `not x` is
# inline for bools, None and small ints; the edge cases must match CPython.
import sys


def collect(r):
    out = []
    for i in r:
        out.append(i)
    return out


print(collect(range(5)), collect(range(5, 0, -2)), collect(range(0)), collect(range(3, 3)))
print(collect(range(-3, 3)), collect(range(10, -10, -7)))
# values around the tagged-int limit (2**62) and beyond the machine word
edge = 2**62
print(collect(range(edge - 2, edge + 2)))
print(collect(range(-edge - 2, -edge + 2)))
print(collect(range(2**64 - 2, 2**64 + 1)))
print(collect(range(sys.maxsize - 1, sys.maxsize + 2)))
print(collect(range(-sys.maxsize - 2, -sys.maxsize + 1)))
print(collect(range(0, 2**63, 2**61)))


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(total(100000), total(0), total(-5))

# one iterator shared between the inline loop and other consumers
it = iter(range(10))
for x in it:
    if x == 3:
        break
print(x, next(it), list(it), list(it))
it = iter(range(3))
for x in it:
    pass
print(x, list(it), next(it, "exhausted"))

# nested loops, break/continue/else, and the loop variable after the loop
found = []
for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > 2:
            break
        found.append((i, j))
    else:
        found.append(("else", i))
print(found, i, j)


# iterating other types through the same instruction
def kinds():
    r = []
    for v in [1, "a", None]:
        r.append(v)
    for v in (2, 3):
        r.append(v)
    for v in "xy":
        r.append(v)
    for v in {4: 0}:
        r.append(v)
    for v in (k * 2 for k in range(3)):
        r.append(v)
    return r


print(kinds())


class Bad:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("iteration failed")


try:
    for v in Bad():
        pass
except ValueError as e:
    print("ValueError:", e)


def gen_with_range(n):
    for i in range(n):
        yield i * i


print(list(gen_with_range(6)))


# `not`
class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Sized:
    def __len__(self):
        return 0


class Broken:
    def __bool__(self):
        raise RuntimeError("no truth")


class WrongBool:
    def __bool__(self):
        return 1


def neg(x):
    return not x


print([neg(v) for v in (True, False, None, 0, 1, -1, 2**62, 2**100, 0.0, 0.5, "", "a", [], [0], {}, Truthy(True), Truthy(False), Sized())])
for obj in (Broken(), WrongBool()):
    try:
        neg(obj)
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__ + ":", e)


def not_in_branch(xs):
    return [x for x in xs if not x]


print(not_in_branch([0, 1, None, "", "s", []]))
