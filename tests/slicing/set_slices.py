# Slice assignment and deletion: lists (step 1 grow/shrink, extended slices, every kind
# of right-hand side, the list itself), bytearray, immutable targets, and the errors.

BIG = 2 ** 80


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


def assign(base, a, b, c, v):
    x = list(base)
    x[a:b:c] = v
    return x


def assign2(base, a, b, v):
    x = list(base)
    x[a:b] = v
    return x


base = list(range(8))
for a, b in [(None, None), (0, 0), (2, 5), (5, 2), (-3, None), (None, -3), (100, 200), (-BIG, BIG), (3, 3)]:
    for v in ([], [9], [9, 9, 9], (7, 7), "xy", range(3), iter([5, 6]), (i * i for i in range(4)), {1: 0, 2: 0}):
        show(f"[{a}:{b}] = {type(v).__name__}", lambda: assign2(base, a, b, v))

for a, b, c in [(None, None, 2), (None, None, -1), (1, 7, 3), (-1, 0, -2), (None, None, -3), (BIG, None, -BIG), (1, 2, 5)]:
    for v in ([], [1], [1, 2], [1, 2, 3, 4], (5, 6, 7, 8), "abcd", range(4), iter("xyz"), (i for i in range(3))):
        show(f"[{a}:{b}:{c}] = {type(v).__name__} of {len(list(v)) if isinstance(v, (list, tuple, str, range)) else '?'}",
             lambda: assign(base, a, b, c, v))

show("step 0", lambda: assign(base, None, None, 0, []))
show("non-iterable step 1", lambda: assign2(base, 1, 2, 5))
show("non-iterable extended", lambda: assign(base, None, None, 2, 5))
show("None value", lambda: assign2(base, 1, 2, None))
show("str bound", lambda: assign2(base, "a", 2, []))
show("float step", lambda: assign(base, None, None, 1.0, []))

# the list itself on the right
for a, b, c in [(None, None, None), (1, 3, None), (None, None, -1), (None, None, 2), (2, None, None), (None, 0, None)]:
    x = list(range(6))
    try:
        x[a:b:c] = x
    except ValueError as e:
        print("self", a, b, c, "->", e)
    else:
        print("self", a, b, c, "->", x)

# fannkuch-style in-place reversal of a prefix by a temporary
perm = [3, 0, 2, 1, 4]
flips = 0
k = perm[0]
while k != 0:
    perm[:k + 1] = perm[k::-1]
    flips += 1
    k = perm[0]
print(perm, flips)

# the right-hand list survives unchanged when it has other references
src = [7, 8, 9]
dst = [0, 0, 0, 0]
dst[1:] = src
dst[:2] = src
print(dst, src)
holder = {"v": [4, 5, 6]}
dst[::2] = holder["v"]
print(dst, holder)


def fresh():
    return [1, 2, 3]


dst[:] = fresh()
print(dst)
a, b = [0], [0]
a[:] = b[:] = [1, 2]
a[0] = 9
print(a, b)
x = b[1:] = [3, 4]
x.append(5)
print(x, b)

# subclasses of list and tuple on the right, iterables that change the target
class L(list):
    def __iter__(self):
        return iter([0])


class T(tuple):
    pass


x = [1, 2, 3]
x[1:] = L([8, 9])
print(x)
x = [1, 2, 3, 4]
x[::2] = T((5, 6))
print(x)
x[1:3] = L([7])
print(x, list(L([1, 2])), [9] + L([3]))
x.extend(L([4, 4]))
x += L([5, 5])
print(x)


def grow_then_yield():
    x.append(100)
    yield "g"


x[0:1] = grow_then_yield()
print(x)

# deletion
for a, b, c in [(None, None, None), (1, 3, None), (None, None, 2), (None, None, -2), (5, 1, -1), (-BIG, BIG, None), (3, 1, None)]:
    x = list(range(7))
    del x[a:b:c]
    print("del", a, b, c, x)
x = list(range(4))
show("del step 0", lambda: x.__delitem__(slice(None, None, 0)))

# finalizer order of replaced items
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("  del", self.n)


y = [D(1), D(2), D(3), D(4)]
print("replace step 1 same size")
y[1:3] = [None, None]
print("replace step 1 shrink")
y[:] = [0]
y = [D(5), D(6), D(7), D(8)]
print("replace extended")
y[::2] = [0, 0]
print("replace from temporary reversed")
y[:] = y[::-1]
print(y[0].n, y[2].n)
print("delete")
del y[:]
print("done")

# bytearray and immutable targets
ba = bytearray(b"abcdef")
ba[1:3] = b"XYZ"
print(ba)
ba[::2] = b"1234"
print(ba)
ba[:] = ba
print(ba)
ba[2:4] = [65, 66, 67]
print(ba)
show("bytearray extended mismatch", lambda: ba.__setitem__(slice(None, None, 2), b"1"))
show("bytearray int value", lambda: ba.__setitem__(slice(0, 1), 5))
t = (1, 2, 3)
s = "abc"
r = range(5)
b = b"abc"
for obj in (t, s, r, b):
    def st():
        obj[0:1] = [1]
    def dl():
        del obj[0:1]
    show(type(obj).__name__ + " store", st)
    show(type(obj).__name__ + " del", dl)

# augmented assignment on a slice keeps its meaning
x = [1, 2, 3, 4]
x[1:3] += [9]
print(x)
x[::2] *= 1
print(x)
def aug_str():
    s = "abcd"
    s[1:2] += "z"
show("aug str", aug_str)
def aug_bad():
    x = [1, 2, 3]
    x[::2] += [7]
show("aug extended mismatch", aug_bad)

# evaluation order of a slice store: value, object, start, stop, step
def trace(tag, v):
    print("  eval", tag)
    return v

trace("obj", [1, 2, 3])[trace("start", 0):trace("stop", 1):trace("step", 1)] = trace("value", [5])
z = [1, 2, 3]
z[trace("start", 0):trace("stop", 2)], w = trace("value", ([7], 8))
print(z, w)
for z[1:2] in ([10], (20, 21)):
    print(z)
