# a backtracking 4x4 sudoku solver with generators
PUZZLE = [
    [1, 0, 0, 0],
    [0, 0, 3, 0],
    [0, 4, 0, 0],
    [0, 0, 0, 2],
]
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(4)}
    br, bc = r // 2 * 2, c // 2 * 2
    used |= {g[i][j] for i in range(br, br + 2) for j in range(bc, bc + 2)}
    return [v for v in range(1, 5) if v not in used]
def solve(g):
    for r in range(4):
        for c in range(4):
            if g[r][c] == 0:
                for v in candidates(g, r, c):
                    g[r][c] = v
                    yield from solve(g)
                g[r][c] = 0
                return
    yield [row[:] for row in g]
sols = list(solve(PUZZLE))
print(len(sols))
for s in sols[:2]:
    for row in s:
        print(" ".join(map(str, row)))
    print()
print(PUZZLE)
