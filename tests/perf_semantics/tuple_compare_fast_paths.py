"""Edges of tuple comparison's fast paths (session 12): small ints and exact strs are
ordered without the protocol, everything else keeps CPython's rules (identity implies
equality, __eq__ runs for every common item even when lengths differ, the deciding
item's own result is returned), and sorting with tuple keys."""


class E:
    def __init__(self, name, eq=True):
        self.name = name
        self.eq = eq

    def __eq__(self, other):
        print("E.__eq__", self.name, getattr(other, "name", other))
        return self.eq

    def __lt__(self, other):
        print("E.__lt__", self.name)
        return "lt-result"

    __hash__ = object.__hash__


print((1, "a") < (1, "b"), (1, "b") < (1, "a"), (2,) < (1, 5), (1,) < (1, 0), () < (0,), (0,) < ())
print((1, "a") == (1, "a"), ("a", 1) != ("a", 2), ("é", 1) < ("z", 0), ("z", 1) < ("é", 0))
print(("ab", 1) <= ("ab", 1), ("ab", 1) >= ("ab", 2), ("abc",) > ("ab",), (-1,) < (0,), (2 ** 70,) > (1,))
print((1, 2.5) < (1, 3), (1.0, "x") == (1, "x"), (float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), [n] == [n], (n, 1) < (n, 2))
a, b = E("a"), E("b")
print((a, 1) == (b, 1))
print((a,) == (b, 1))
print((E("x", False),) == (E("y"),))
print((E("p", False), 1) < (E("q"), 2))
print((a,) < (a, 1), (a, 2) < (a, 1))
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    (1, None) < (1, None)
except TypeError as e:
    print("TypeError:", e)
print((1, None) == (1, None), (1, None) < (2, None))

words = {"ka": 3, "lo": 5, "mi": 3, "é": 5, "ab": 1, "ß": 3}
print(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(words.items()))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1, "a", 0), (1,)]))
print(sorted([(1, 2.5), (1, 2), (0, 3.5), (1, -1)]))
print(sorted([("b", (1, 2)), ("b", (1, 1)), ("a", (9,))], reverse=True))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return "K(%d)" % self.v


print(sorted([(1, K(1)), (1, K(3)), (0, K(2))]))
print(max([(1, "a"), (1, "b")]), min([(2, 1), (1, 9)]))
