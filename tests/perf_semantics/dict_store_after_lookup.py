"""A dict store right after a look-up of the same key (`d[k] += 1`,
`d[k] = d.get(k, 0) + 1`) reuses the position the look-up found when the table is
unchanged: the edges where it must not."""

# the usual patterns, small int and str keys (fresh equal strs included)
d = {}
for i in range(300):
    try:
        d[i % 17] += 1
    except KeyError:
        d[i % 17] = 1
print(sorted(d.items()))
words = "a bb a ccc bb a dddd".split() * 5
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
for w in "".join(words[:4]).replace("bb", " bb ").split():
    counts[w + ""] = counts.get(w[:], 0) + 100
print(counts)

# look-up in one dict, store into another at the same position
a = {"x": 1, "y": 2, "z": 3}
b = {"p": 1, "q": 2, "r": 3}
for k1, k2 in [("y", "q"), ("z", "z"), ("x", "p")]:
    a.get(k1)
    b[k2] = a.get(k1, 0) * 10
print(a, b)

# keys whose hashes collide: -1 and -2 (both hash to -2), 1 / 1.0 / True
c = {-1: "m1", -2: "m2", 1: "one"}
c[-2] = c[-1] + "!"
c[-1] = c[-2] + "?"
c[1.0] = c[1] + "f"
c[True] = c[1.0] + "t"
print(c)


# the value's __add__ changes the dict between the look-up and the store
class Meddler:
    def __init__(self, d, action):
        self.d, self.action = d, action

    def __add__(self, other):
        self.action(self.d)
        return "added"


def drop_and_refill(d):
    keys = list(d)
    d.clear()
    for k in reversed(keys):
        d[k] = 0


def delete_key(d):
    del d["k"]


def add_many(d):
    for i in range(40):
        d[("t", i)] = i


for act in (drop_and_refill, delete_key, add_many):
    d = {"a": 1, "k": None, "z": 2}
    d["k"] = Meddler(d, act)
    d["k"] += 1
    print(act.__name__, len(d), d["k"], list(d)[:4])


# a key with Python __eq__ whose answer changes, colliding with an int key
class Chameleon:
    equal = False

    def __hash__(self):
        return 5

    def __eq__(self, other):
        return Chameleon.equal


class Flip:
    def __add__(self, other):
        Chameleon.equal = True
        return "flipped"


w = Chameleon()
d = {w: "w", 5: Flip()}
d[5] += 1  # the look-up found 5's entry; the store looks it up again
print(d[w], Chameleon.equal)
Chameleon.equal = False
print(sorted(type(v).__name__ for v in d.values()))
# the same with the int key inserted first: the look-up meets it before the Chameleon
Chameleon.equal = False
d = {5: Flip(), w: "w"}
d[5] += 1
print(d[5], d[w], Chameleon.equal)
Chameleon.equal = False

# str subclass keys and equal strs made at run time
class S(str):
    pass


e = {"key": 1}
e[S("key")] = e["key"] + 1
e["".join(["k", "e", "y"])] += 1
print(e, type(list(e)[0]).__name__)
