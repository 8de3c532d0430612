# Nested lists: aliasing with *, 2-D grids, deep copy by hand, equality of nested.
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid], [grid[i][i] for i in range(3)])
t = [list(col) for col in zip(*grid)]
print(t)
def deep(x):
    return [deep(e) for e in x] if isinstance(x, list) else x
d = deep([1, [2, [3, [4]]]])
d2 = deep(d)
d2[1][1][1][0] = 99
print(d, d2, d == deep(d), d is deep(d))
flat = [x for row in grid for x in row]
print(flat, sum(flat), max(map(max, grid)))
l = [1]
l.append(l)
print(l, len(l))
