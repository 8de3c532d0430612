# Dict and set comprehensions with conditions, nested, from zip/enumerate.
print({k: v for k, v in enumerate("abc")}, {v: k for k, v in enumerate("abc")})
print({x % 5 for x in range(20)}, {(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
words = "one two three four five six".split()
print({w: len(w) for w in words if "e" in w}, {len(w) for w in words})
print({w[0]: [v for v in words if v[0] == w[0]] for w in words})
grid = {(r, c): r * 3 + c for r in range(2) for c in range(3)}
print(grid, sum(grid.values()), max(grid, key=grid.get))
