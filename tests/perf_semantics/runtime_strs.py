# str objects with their text in the object's own block (short) or an adopted buffer
# (long): construction paths, concatenation, join, hashing, interning, subclasses.
import sys

parts = ["ka", "lo", "é", "中文", "", "x" * 600, "🐍"]
for a in parts:
    for b in parts:
        s = a + b
        assert len(s) == len(a) + len(b)
        assert s[:len(a)] == a and s[len(a):] == b
        assert hash(s) == hash("".join([a, b]))
        assert s == "%s%s" % (a, b) == f"{a}{b}"
print("concat ok")

for sep in ["", " ", "_", "é", "--"]:
    for n in [0, 1, 2, 10, 300]:
        items = [parts[i % len(parts)] for i in range(n)]
        j = sep.join(items)
        assert j == (sep.join(items[:-1]) + sep + items[-1] if n > 1 else (items[0] if n else ""))
        assert len(j) == sum(map(len, items)) + len(sep) * max(n - 1, 0)
        if sep and n and not any(sep in it for it in items):
            assert j.split(sep) == items
print("join ok")

# hashing: equal text, equal hash, whatever the object; dict/set look-ups by value
words = ["w%d" % i for i in range(1000)]
d = {w: i for i, w in enumerate(words)}
rebuilt = ["".join(["w", str(i)]) for i in range(1000)]
assert all(d[w] == i for i, w in enumerate(rebuilt))
assert all(hash(a) == hash(b) for a, b in zip(words, rebuilt))
print(len(set(words) | set(rebuilt)), hash("") == 0)


class S(str):
    pass


s = S("hello")
s.extra = 1
print(s, type(s).__name__, hash(s) == hash("hello"), s + "!", len(s), s.extra, {s: 1}["hello"])
long_sub = S("y" * 1000)
print(len(long_sub), long_sub[500:503], long_sub == "y" * 1000)

# long results (buffer adopted) behave like short ones
big = "ab" * 400
print(len(big), big[:6], big[-3:], big.upper()[:4], big.count("ab"), hash(big) == hash("ab" * 400))
non_ascii = "é" * 700
print(len(non_ascii), non_ascii[699], non_ascii.encode()[:4], (non_ascii + "x")[-2:])
huge = " ".join(["word"] * 10000)
print(len(huge), huge[:9], huge.split()[-1], len(huge.split()))

# interning: identifiers from different sources are the same object
print(sys.intern("abc" + "def") is sys.intern("abcdef"), getattr(s, "extra"))
name = "".join(["ex", "tra"])
print(getattr(s, name), hasattr(s, name + "x"))

# sizes and methods on both layouts
for t in ["", "a", "abc", "é", "x" * 513, "é" * 513]:
    assert t.__sizeof__() > 0
    assert t == t[:] == str(t) == t.__str__()
    assert t.lower().upper() == t.upper()
    assert t.replace("a", "b").count("b") >= t.count("b")
print(repr("a\nb"), repr("x" * 3 + "'"), ascii("é"), str(b"ab", "ascii"))

try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "-".join(["a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "".join(5)
except TypeError as e:
    print("TypeError:", e)
