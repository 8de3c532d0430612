# `d[k]`, `d[k] = v`, `k in d` / `k not in d` on an exact dict call the dict directly;
# subclasses (__missing__, overridden __getitem__/__setitem__/__contains__), user keys'
# __hash__/__eq__, unhashable keys and non-dict containers must behave as in CPython.

counts = {}
bigrams = {}
prev = ""
for w in "ka lo ka mi lo ka é \U0001F600 é".split():
    counts[w] = counts.get(w, 0) + 1
    if prev:
        key = prev + "_" + w
        if key in bigrams:
            bigrams[key] += 1
        else:
            bigrams[key] = 1
    prev = w
print(counts, bigrams)
print("ka" in counts, "zz" in counts, "ka" not in counts, "zz" not in counts)
d = {1: "one", (1, 2): "pair", None: "none", 2.0: "two"}
print(d[1], d[(1, 2)], d[None], d[2], d[True], 2 in d, 1.0 in d)
for missing in ["x", (3, 4), 99, (1,)]:
    try:
        d[missing]
    except KeyError as e:
        print("KeyError", repr(e), e.args)
for bad in [[1], {1: 2}, {3}]:
    for op in ("get", "set", "in"):
        try:
            if op == "get":
                d[bad]
            elif op == "set":
                d[bad] = 1
            else:
                bad in d
        except TypeError as e:
            print(op, "TypeError:", e)


class Missing(dict):
    def __missing__(self, k):
        return ("missing", k)


m = Missing(a=1)
print(m["a"], m["b"], "b" in m, len(m))


class Logged(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return dict.__getitem__(self, k)

    def __setitem__(self, k, v):
        print("setitem", k, v)
        dict.__setitem__(self, k, v)

    def __contains__(self, k):
        print("contains", k)
        return dict.__contains__(self, k)


lg = Logged()
lg["x"] = 1
lg["x"] += 1
print(lg["x"], "x" in lg, "y" not in lg)


class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        print("hash", self.name)
        return self.h

    def __eq__(self, other):
        print("eq", self.name, getattr(other, "name", other))
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "Key(%s)" % self.name


uk = {}
a, b, c = Key("a", 1), Key("b", 1), Key("a", 1)
uk[a] = 1
uk[b] = 2
uk[c] = 3
print(uk[c], c in uk, Key("z", 1) in uk, len(uk))


class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash")


for op in ("get", "set", "in"):
    try:
        if op == "get":
            uk[BadHash()]
        elif op == "set":
            uk[BadHash()] = 0
        else:
            BadHash() in uk
    except RuntimeError as e:
        print(op, "RuntimeError:", e)


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 7

    def __eq__(self, other):
        self.target.clear()
        return False


def mutating_dict():
    k = Mutator(None)
    dd = {k: 1}
    k.target = dd
    return dd


t = mutating_dict()
print(Mutator(None) in t, len(t))
t2 = mutating_dict()
try:
    t2[Mutator(None)]
except KeyError:
    print("KeyError after mutation", len(t2))
t3 = mutating_dict()
t3[Mutator(None)] = 5
print(len(t3), list(t3.values()))
# non-dict containers keep their own behaviour
print("a" in "cat", 3 in [1, 2, 3], 3 in {3}, "k" in {"k": 0}.keys(), [1, 2][1], "xyz"[1])
lst = [0, 0]
lst[1] = "set"
print(lst)
try:
    5 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    {}["k"] = [].x
except AttributeError as e:
    print("AttributeError:", e)
# value kept alive by the dict after the store's temporaries are gone
store = {}
for i in range(3):
    store["k%d" % i] = [i] * 2
print(store, store["k1"] is store["k1"])
