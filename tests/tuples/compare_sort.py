# Tuple comparison is lexicographic; sorting records by tuple keys.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, "b") > (1, "a"))
recs = [("bob", 25, 3.5), ("ann", 25, 3.9), ("cid", 30, 3.1), ("dee", 22, 3.9)]
print(sorted(recs))
print(sorted(recs, key=lambda r: (r[1], r[0])))
print(sorted(recs, key=lambda r: (-r[2], r[0])))
print(max(recs, key=lambda r: r[2]), min(recs))
print(tuple(sorted((3, 1, 2))), (1, 2) == [1, 2], (1, 2) == (1.0, 2.0))
