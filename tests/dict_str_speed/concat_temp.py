# `a + b + c` on strs: the temporary `a + b` may be extended in place; every value that
# someone else can see must keep its text.


def chain(prev, w):
    return prev + "_" + w

words = ["ka", "lomi", "ne", "rusati", "", "é", "日本", "x" * 40]
seen = []
for p in words:
    for w in words:
        k = chain(p, w)
        seen.append(k)
        assert k == "%s_%s" % (p, w), (p, w, k)
print(len(seen), seen[:5], seen[-1][:10])
print(words)

# the left operand held by a variable is never modified
a = "ab"
b = a + "c"
c = a + "d" + "e"
print(a, b, c)
t = "q" * 3
u = (t + "r") + "s"
print(t, u)

# non-ASCII texts: lengths, indexing and case mapping after appending
s = ("é" + "a") + "ß"
print(s, len(s), s[0], s[-1], s.upper(), s.isascii())
s2 = ("abc" + "d") + "日"
print(s2, len(s2), s2[4], s2.isascii(), s2.encode())
s3 = ("日" + "a") + "b"
print(s3, len(s3), s3[1:], s3.isascii())

# hashes of the results agree with fresh equal strs
d = {}
for i in range(50):
    d[str(i) + "_" + str(i * 7)] = i
print(sum(d[str(i) + "_" + str(i * 7)] for i in range(50)), hash("3_21") == hash(str(3) + "_" + str(21)))
k = ("x" + "y") + "z"
print(k in {"xyz": 1}, {"xyz": 2}[("x" + "y") + "z"], k == "xyz")

# longer chains and texts beyond a block's slack or in a separate buffer
long = "a" * 30 + "b" + "c" + "d" * 5 + "e" * 100 + "f"
print(len(long), long[29:33], long[-3:])
big = "z" * 600 + "y" + "x"
print(len(big), big[-4:])
parts = ["p%d" % i for i in range(20)]
acc = parts[0] + parts[1] + parts[2] + parts[3] + parts[4] + parts[5] + parts[6] + parts[7]
print(acc, len(acc))
print(parts[:3])

# several references to one temporary through the stack
x = "m" + "n"
y = x + x + x
print(x, y)

# str subclasses keep their operators
class S(str):
    def __add__(self, other):
        return S("<" + str.__add__(self, other) + ">")
    def __radd__(self, other):
        return "R(" + other + "|" + str(self) + ")"

print(S("a") + "b" + "c", type(S("a") + "b").__name__)
print("a" + "b" + S("c"))
print(("a" + "b") + S("c") + "d")

# errors keep CPython's messages
try:
    ("a" + "b") + 1
except TypeError as e:
    print("TypeError:", e)
try:
    ("a" + "b") + None + "c"
except TypeError as e:
    print("TypeError:", e)

# in-place `+=` on a temporary and in a loop
s = ""
for w in ["ab", "cd", "é", "fg"]:
    s += w + "-"
print(s, len(s))
lst = ["a"]
lst[0] += "b" + "c"
print(lst)
