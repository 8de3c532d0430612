# Slicing built-in sequences with every kind of bound: None, small ints, negatives,
# out-of-range and huge (big-int) values, steps of both signs, and the errors.

BIG = 2 ** 100


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


seqs = [
    [0, 1, 2, 3, 4, 5, 6],
    (0, 1, 2, 3, 4, 5, 6),
    "abcdefg",
    "aé€😀xyz",
    b"abcdefg",
    bytearray(b"abcdefg"),
    range(0, 14, 2),
    [],
    "",
]

bounds = [None, 0, 1, 3, -1, -3, 7, 100, -100, BIG, -BIG]
steps = [None, 1, 2, 3, -1, -2, BIG, -BIG]

for s in seqs:
    print("==", repr(s))
    out = []
    for a in bounds:
        for b in bounds:
            out.append(repr(s[a:b]))
    print(" ".join(out))
    out = []
    for a in bounds:
        for st in steps:
            out.append(repr(s[a::st]))
            out.append(repr(s[:a:st]))
            out.append(repr(s[a:-2:st]))
    print(" ".join(out))
    print(repr(s[:]), repr(s[::]), repr(s[::-1]), repr(s[1:]), repr(s[:1]))
    show("step 0", lambda: s[::0])
    show("step 0 with bounds", lambda: s[1:2:0])
    show("str bound", lambda: s["a":])
    show("float bound", lambda: s[:1.5])
    show("float step", lambda: s[::1.0])
    show("bytes bound", lambda: s[b"":])


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        print("  __index__", self.v)
        return self.v


class BadIdx:
    def __index__(self):
        return "nope"


class RaisingIdx:
    def __index__(self):
        raise KeyError("from __index__")


for s in ([10, 20, 30, 40, 50], "vwxyz", (1, 2, 3, 4, 5), b"12345"):
    print(repr(s[Idx(1):Idx(-1)]), repr(s[Idx(4):Idx(0):Idx(-2)]))
    print(repr(s[True:]), repr(s[:False]), repr(s[::True]))
    show("BadIdx", lambda: s[BadIdx():])
    show("RaisingIdx", lambda: s[:RaisingIdx()])
    show("Idx step 0", lambda: s[::Idx(0)])

# evaluation order: object, start, stop, step, then the slicing
def trace(tag, v):
    print("  eval", tag)
    return v

print(trace("obj", [1, 2, 3, 4])[trace("start", 1):trace("stop", 3):trace("step", 1)])
print(trace("obj", "abcd")[trace("start", None):trace("stop", -1)])

# slicing inside expressions and loops (fast paths with computed bounds)
tokens = "a b c d e f g h i j k l m n o p q r s t u v w x y z".split()
lines = []
for i in range(0, len(tokens), 7):
    lines.append("-".join(tokens[i:i + 7]))
print(lines)
text = "hello world"
print([text[i:i + 3] for i in range(0, len(text), 2)])
print([text[-i:] for i in range(5)], [text[:i:-1] for i in range(-3, 3)])
t = tuple(range(10))
print(t[2:8:3], t[8:2:-3], t[::4], t[:] is t, t[0:10] is t, t[0:9] is t)
s = "immutable"
print(s[:] is s, s[0:] is s, s[0:100] is s)

# the copy is a new object, not aliased
a = [1, 2, 3]
b = a[:]
b.append(4)
print(a, b, a[:] is a)
ba = bytearray(b"xyz")
c = ba[:]
c[0] = 65
print(ba, c, type(ba[1:]).__name__, type(b"ab"[1:]).__name__)

# non-sliceable objects
for obj in (5, {1: 2}, {1}, None, 2.5):
    show(type(obj).__name__, lambda: obj[1:2])
    show(type(obj).__name__, lambda: obj[::2])
print(list[1:2], dict[::])
