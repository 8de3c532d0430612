"""Edges of the str/dict fast paths (session 12): dict look-ups by exact str keys,
str subclass keys, keys whose __eq__ mutates the dict, str/non-str hash collisions,
concatenation, join, split, upper/lower of ASCII and non-ASCII text."""


# --- dict look-ups -------------------------------------------------------------
d = {}
for w in ["ka", "lo", "kalo", "é", "naïve", "日本", "", "a" * 20, "ab" * 9]:
    d[w] = len(w)
for w in ["k" + "a", "lo", "ka" + "lo", "\u00e9", "na" + "ïve", "日" + "本", "".join([]), "a" * 20, "ab" * 9]:
    print(repr(w), d[w], w in d, d.get(w, -1))
print("missing", d.get("zz", 0), "zz" in d, "e" in d, "ab" * 8 in d)
for k in range(40):
    d["key%d" % k] = k
print(sum(d["key%d" % k] for k in range(40)), d.get("key40"), "key39" in d)


class S(str):
    pass


class T(str):
    def __eq__(self, other):
        print("T.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


d2 = {"abc": 1, S("def"): 2}
print(d2[S("abc")], d2["def"], S("abc") in d2, type(list(d2)[1]).__name__)
d3 = {T("abc"): 1}
print("abc" in d3, d3.get("abc"), T("abc") in d3)


# a non-str key that collides with a str key's hash and claims equality
class Twin:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        return hash(self.s)

    def __eq__(self, other):
        print("Twin.__eq__", repr(other))
        return other == self.s


big = {("k%d" % i): i for i in range(20)}
big[Twin("zz")] = "twin"
print(big.get("zz"), "zz" in big, big["k3"])
small = {Twin("q"): 1}
print(small.get("q"), "q" in small)


# __eq__ that mutates the dict during the look-up
class Mut:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return hash("mut")

    def __eq__(self, other):
        print("Mut.__eq__ mutating")
        self.d.clear()
        return False


m = {}
m[Mut(m)] = 1
print("mut" in m, len(m))
m2 = {"x%d" % i: i for i in range(30)}
m2[Mut(m2)] = 1
print("mut" in m2, len(m2))

# int/str keys together, equal hash small ints
mix = {1: "one", "1": "str one", 1.0: "float", True: "bool"}
print(mix)
print(mix[1], mix["1"], mix.get(2), "1" in mix)

# counting idiom
counts = {}
for w in "a b c a b a é é ß".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
bigrams = {}
prev = ""
for w in "to be or not to be".split():
    if prev:
        key = prev + "_" + w
        if key in bigrams:
            bigrams[key] += 1
        else:
            bigrams[key] = 1
    prev = w
print(bigrams)

# --- concatenation -------------------------------------------------------------
parts = ["", "a", "é", "ab", "日本語", "x" * 7, "y" * 8, "z" * 16, "w" * 17, "q" * 600]
for a in parts:
    for b in parts:
        c = a + b
        assert len(c) == len(a) + len(b) and c[:len(a)] == a and c[len(a):] == b, (a, b)
print("concat ok", len("q" * 600 + "é"), ("a" + "é")[1], ("é" + "a")[1])
s = S("sub")
print(type(s + "").__name__, type("" + s).__name__, type(s + "x").__name__, s + "x")
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)

# --- join ----------------------------------------------------------------------
print(repr("".join([])), repr(" ".join(["a"])), repr("-".join(["a", "é", "日本"])))
print(repr(", ".join(("x", "", "y"))), repr("é".join(["a", "b"])), repr("".join(["abc", "defghijk", "l"])))
print(type("".join([S("one")])).__name__, type("-".join([S("a"), S("b")])).__name__, "-".join([S("a"), S("b")]))
print(len(";".join(["w%d" % i for i in range(500)])))
for bad in (["a", 1], ["a", b"b"], [None], ("a", "b", 3.5)):
    try:
        "-".join(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "".join(5)
except TypeError as e:
    print("TypeError:", e)
print("+".join(x for x in "abc"), "+".join({"k": 1, "j": 2}))

# --- split ---------------------------------------------------------------------
for text in ["a b  c", " a b ", "", " ", "a", "a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj",
             "é ß\u3000日本 x", "a\u00a0b", "a\x85b", "  lead", "trail  "]:
    print(repr(text), text.split(), text.split(None, 1), text.split(maxsplit=0), text.split(" "))
for text, sep in [("a,b,,c,", ","), (",", ","), ("", ","), ("é,ß,", ","), ("a--b--", "--"), ("日本日本", "本"), ("abc", "x")]:
    print(repr(text), text.split(sep), text.split(sep, 1), text.split(sep, 0), text.split(sep=sep, maxsplit=2))
for bad in [("",), (1,), (" ", "x")]:
    try:
        "a b".split(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print([type(x).__name__ for x in S("a b").split()], "a b c".rsplit(None, 1), "a,b,c".rsplit(",", 1))
w = "ab cd".split()[0]
print(len(w), w == "ab", hash(w) == hash("ab"), {w: 1}["ab"])

# --- upper / lower --------------------------------------------------------------
for t in ["", "a", "A", "Z", "ab", "Hello World 123 !", "ß", "straße", "ΣΑΣ", "ǅ", "İ", "ﬁ", "é", "x" * 40]:
    print(repr(t), repr(t.upper()), repr(t.lower()), len(t.upper()), len(t.lower()))
print(type(S("ab").upper()).__name__, type(S("ab").lower()).__name__)

# --- f-strings and int formatting ------------------------------------------------
for v in [0, 7, -7, 10, 12345678901234, -(2 ** 62), 2 ** 62 - 1, 2 ** 70, True, False]:
    print(f"{v}", f"[{v}]", f"{v}={v}")
print(f"{'é'}={1}", f"{S('s')}:{2}", f"{'x' * 600}"[-3:], f"")


class I(int):
    def __str__(self):
        return "I!"

    def __format__(self, spec):
        return "fmt" + spec


print(f"{I(3)}", f"{I(3):>4}", str(I(3)))


# __hash__ results that fit a hash are kept as they are (so hash(x) == hash(y) when
# x.__hash__ returns hash(y), for any str y); bigger ints are hashed
class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v


print(hash(H(2 ** 62)), hash(H(-2 ** 63)), hash(H(2 ** 64)), hash(H(-1)), hash(H(True)), hash(2 ** 62))
print(all(hash(H(hash(s))) == hash(s) for s in ["q", "qq", "abc", "zz", "hello world", "é", "日本語" * 5]))
