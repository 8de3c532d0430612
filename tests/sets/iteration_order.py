# CPython's exact iteration order of int sets that is NOT ascending (hash = value, table size
# and linear probing decide it): printing such sets must match CPython byte for byte.
print({100, 8, 9, 10})
print({81, 25, 9}, {n * n for n in (1, 5, 2, 5, 3, 1, 9, 2) if n > 2})
print({0, 9, 3, 6}, {x for x in range(10) if x % 3 == 0})
print({-1, -2, 5}, {2 ** 40, 3, 1}, {64, 0, 32}, {33, 1, 65})
s = set()
for v in (50, 40, 30, 20, 10, 0):
    s.add(v)
    print(s)
s.discard(30)
s.add(31)
print(s, list(s), sorted(s))
t = set(range(0, 200, 9))
print(t)
t -= set(range(0, 200, 2))
print(t, len(t))
print(frozenset({1000, 10, 100}), {1.5, 0.5, 2.0}, {True, 2, 0})
