# Sets of small ints: add/remove/discard/pop, union/intersection/difference/symmetric, subset tests.
s = {3, 1, 2}
s.add(5); s.add(1)
print(s, len(s), 2 in s, 9 not in s)
s.discard(9); s.remove(3)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([4, 8]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}))
c = set(a)
c |= {10}; c &= {1, 10, 2}; c -= {2}; c ^= {11}
print(c, a)
print(set(), set([1, 1, 2]), set("aaa"), frozenset({1, 2}), set(range(5)) == set([4, 3, 2, 1, 0]))
print(sorted({5, -1, 3}), sum({1, 2, 3}), max({4, 9}), min({4, 9}))
e = {0}
print(e.pop(), e)
try:
    set().pop()
except KeyError as err:
    print("KeyError", err)
