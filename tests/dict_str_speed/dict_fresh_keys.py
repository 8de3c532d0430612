# Dict look-ups of freshly built str keys (hash computed on first use) next to keys with
# their own __hash__/__eq__, colliding hashes, __missing__ and mutation during look-up.
counts = {}
bigrams = {}
text = "ka lo mi ka lo ka é 日本 é ka lo mi"
prev = ""
for w in text.upper().lower().split():
    counts[w] = counts.get(w, 0) + 1
    if prev:
        key = prev + "_" + w
        if key in bigrams:
            bigrams[key] += 1
        else:
            bigrams[key] = 1
    prev = w
print(sorted(counts.items()))
print(sorted(bigrams.items()))
print(bigrams.get("ka" + "_" + "lo"), ("é" + "_" + "日本") in bigrams, counts["日" + "本"])

# a str subclass with its own hash and equality
class CI(str):
    def __hash__(self):
        return hash(self.lower())
    def __eq__(self, other):
        print("  CI.__eq__", repr(str(self)), repr(str(other)))
        return isinstance(other, str) and self.lower() == other.lower()
    __ne__ = str.__ne__

d = {"abc": 1}
print(d.get(CI("abc")), CI("ABC") in d, CI("abc") in d)
d[CI("X")] = 5
print(d.get("x"), d.get("X"), "x" in d, d.get("x" + ""), d)

# keys whose hashes collide
class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return isinstance(other, K) and self.n == other.n
    def __repr__(self):
        return "K(%d)" % self.n

c = {K(i): i for i in range(20)}
c["s" + "t"] = "str"
print(c[K(7)], c.get(K(19)), K(20) in c, c["st"], len(c))
print(hash(-1) == hash(-2), {-1: "a", -2: "b"}[-1])
e = {}
for i in range(30):
    e[str(i) + "k"] = i
    e[i] = -i
print(e["29" + "k"], e[29], sum(e[str(i) + "k"] for i in range(30)))

# __missing__ on a dict subclass
class Counter(dict):
    def __missing__(self, key):
        print("  missing", repr(key))
        return 0

ct = Counter()
for w in "a b a c".split():
    ct[w] = ct[w] + 1
print(sorted(ct.items()), ct.get("z" + "z"), "a" in ct)

# mutation during a look-up: __eq__ clears the dict
class Evil:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return hash("evil")
    def __eq__(self, other):
        self.d.clear()
        return False

stored = Evil(None)
m = {stored: 1}
stored.d = m
probe = Evil(m)
try:
    print(m.get(probe), len(m))
except RuntimeError as ex:
    print("RuntimeError", ex)

# unhashable keys
try:
    {}.get([1])
except TypeError as ex:
    print("TypeError", ex)
try:
    [] in {}
except TypeError as ex:
    print("TypeError", ex)

# unicode keys hash alike however they were built
u = {"Straße": 1, "日本語": 2, "é": 3}
print(u["Stra" + "ße"], u["日本" + "語"], u[chr(233)], u.get("e\u0301"), "STRASSE".lower() in u)
big = {("w" + str(i)) + "_" + str(i % 7): i for i in range(2000)}
print(len(big), big["w1999_" + str(1999 % 7)], sum(1 for i in range(2000) if ("w" + str(i) + "_" + str(i % 7)) in big))
