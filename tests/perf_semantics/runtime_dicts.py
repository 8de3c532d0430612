# Dict index (open addressing, unindexed small tables): order, deletes, resizes,
# colliding and unhashable keys, keys whose __eq__ mutates the dict.

d = {}
for i in range(100):
    d[i] = i * i
for i in range(0, 100, 3):
    del d[i]
for i in range(200, 150, -1):
    d[i] = -i
print(len(d), list(d)[:10], list(d)[-5:])
print(sum(d.values()), d.get(4), d.get(3), 150 in d, 151 in d)

# grow through every size, delete back to empty, grow again: order is insertion order
d = {}
for n in (1, 7, 8, 9, 16, 17, 100, 1000):
    for i in range(n):
        d["k%d" % i] = i
    keys = list(d)
    assert keys == ["k%d" % i for i in range(n)], n
    for i in range(n):
        del d["k%d" % i]
    assert d == {} and len(d) == 0
d["a"] = 1
print(d, list(d.items()))

# many deletes and reinserts of the same keys (dummy slots must not fill the index)
d = {i: i for i in range(20)}
for r in range(5000):
    k = r % 20
    del d[k]
    d[k] = r
print(len(d), list(d)[:5], d[19])

# popitem order, setdefault, pop, update after deletes
d = dict.fromkeys("abcdefghijkl", 0)
del d["c"], d["f"]
print(d.popitem(), d.pop("a"), d.setdefault("z", 5), list(d))
d.update({"c": 3, "b": 9})
print(d)


class H:
    """Equal hashes, distinct keys: every look-up walks the collision chain."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v

    def __repr__(self):
        return "H(%d)" % self.v


d = {H(i): i for i in range(30)}
print(len(d), d[H(17)], H(30) in d, list(d)[:3])
for i in range(0, 30, 2):
    del d[H(i)]
print(len(d), list(d)[:3], d.get(H(2)), d[H(29)])

# -1 and -2 hash alike; 1, 1.0 and True are one key
d = {-1: "a", -2: "b", 1: "c"}
d[1.0] = "d"
d[True] = "e"
print(d, hash(-1) == hash(-2))

try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError:", e)


class Mutator:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.d.clear()
        return False


d = {}
d[Mutator(d)] = 1
print(Mutator(d) in d, len(d))

# str keys: equal text, different objects
a = "".join(["ab", "cd"])
b = "abc" + "d"
d = {a: 1}
d[b] += 1
print(d, a is b)
big = {str(i) * 3: i for i in range(50000)}
print(len(big), big["777"], big["499994999949999"], "x" in big)
for i in range(0, 50000, 2):
    del big[str(i) * 3]
print(len(big), list(big)[:3], big["999"])
