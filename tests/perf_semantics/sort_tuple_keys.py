# Sorting by tuples of small ints and exact strs takes a comparison path without
# Python code; anything else (mixed kinds, floats, bools, subclasses, big ints, user
# objects) must keep CPython's behaviour: errors, stability, __lt__ calls.

words = ["kalo", "mi", "ne", "ru", "sa", "kalo", "ti", "é", "\U0001F600", "z\u00e9", "ka", ""]
counts = {}
for i, w in enumerate(words * 3):
    counts[w] = counts.get(w, 0) + (i % 4)
print(sorted(counts.items()))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(counts.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
# stability: equal keys keep their order
recs = [("b", 1, "first"), ("a", 2, "x"), ("b", 1, "second"), ("a", 2, "y"), ("b", 0, "z")]
print(sorted(recs, key=lambda r: (r[0], r[1])))
print(sorted(recs, key=lambda r: (r[1],), reverse=True))
# tuples of different lengths, empty tuples, negative and large small ints
print(sorted([(1, 2), (1,), (), (1, 2, 3), (0, 5), (-(2 ** 40), "a"), (2 ** 60,)]))
print(sorted([("a", "b"), ("a",), ("a", "a", "z"), ("",)]))
# astral and non-ASCII ordering (code point order)
print(sorted([("\U0001F600", 1), ("\uffff", 2), ("é", 3), ("e", 4), ("\ud7ff", 5)]))
# mixed kinds at one position: CPython's TypeError
for bad in ([(1, "a"), ("a", 1)], [(1, 2), (1, "x")], [("a",), (1,)]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
# bools, floats, big ints, None and nested tuples go the general way
print(sorted([(True, "b"), (0, "a"), (1, "a"), (False, "c")]))
print(sorted([(1.5, "a"), (1, "b"), (float("nan"), "c"), (0.5, "d")]))
print(sorted([(10 ** 30, "a"), (5, "b"), (-(10 ** 30), "c")]))
print(sorted([((1, 2), "a"), ((1,), "b"), ((0, 9), "c")]))
try:
    sorted([(None, 1), (None, 2)])
except TypeError as e:
    print("TypeError:", e)
print(sorted([(None, 1)]))


class S(str):
    def __lt__(self, other):
        print("S.__lt__", str(self), str(other))
        return str.__lt__(self, other)


print(sorted([(S("b"), 1), (S("a"), 2), (S("c"), 0)]))


class T(tuple):
    pass


print(sorted([T((2, "a")), T((1, "b"))]))


# key functions: generators of keys that raise, mutate the list, rebind their code
def boom(x):
    if x == 3:
        raise ValueError("key failed at 3")
    return (x, "k")


lst = [5, 1, 3, 2]
try:
    lst.sort(key=boom)
except ValueError as e:
    print("ValueError:", e, lst)

victim = [3, 1, 2]


def mutate(x):
    victim.append(x)
    return (x,)


try:
    victim.sort(key=mutate)
except ValueError as e:
    print("ValueError:", e)


def k1(x):
    k1.__code__ = k2.__code__
    return (x, "one")


def k2(x):
    return (-x, "two")


print(sorted([1, 2, 3], key=k1))
print(sorted([1, 2, 3], key=k1))
print(sorted(range(5), key=lambda x, y=10: (y - x,)))


class Key:
    def __init__(self, v):
        self.v = v

    def __call__(self, x):
        return (x % self.v, x)


print(sorted(range(10), key=Key(3)))
print(sorted(["b", "a"], key=str.upper), sorted([3, 1, 2], key=lambda v: (v,), reverse=True))


def deep(n):
    return deep(n + 1)


try:
    sorted([1, 2], key=deep)
except RecursionError:
    print("RecursionError")
# lone surrogates sort by code point (below U+E000), not by their stored form
print(ascii(sorted([("\U0001F600", 1), ("\ud800", 2), ("\ue000", 3), ("a", 4), ("\udfff", 5)])))
print(ascii(sorted([(1, "\U0001F600"), (1, "\ud800x"), (1, "\ue000"), (0, "\udc80")])))
# long common prefixes, NUL characters, prefixes of one another
long_keys = [("abcdefghij" + c, i) for i, c in enumerate("zyxa")] + [("abcdefgh", 9), ("abcdefgh\x00", 8), ("abcdefg", 7), ("", 6), ("\x00", 5)]
print(sorted(long_keys))
print(sorted(long_keys, key=lambda t: (t[1] % 3, t[0])))
print(sorted([(-5, "b"), (-(2 ** 62), "a"), (2 ** 62 - 1, "c"), (0, "d"), (-1, "e")]))
