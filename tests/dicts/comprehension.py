# Dict comprehensions, inversion, grouping, counting, nested dicts.
sq = {i: i * i for i in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
words = "apple avocado banana blueberry cherry cranberry date".split()
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
lens = {w: len(w) for w in words if len(w) > 5}
print(lens)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: kv[1]))
nested = {r: {c: r * c for c in range(3)} for r in range(3)}
print(nested, nested[2][1])
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2}, {x % 3: x for x in range(10)})
