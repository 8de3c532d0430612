"""N-queens: counts the solutions for board sizes 1..N and draws the first one for N.

Usage: nqueens [N]   (default 8)
"""
import sys


def solve(n):
    cols, diag1, diag2 = set(), set(), set()
    placement = []

    def place(row):
        if row == n:
            yield list(placement)
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c); diag1.add(row + c); diag2.add(row - c)
            placement.append(c)
            yield from place(row + 1)
            placement.pop()
            cols.discard(c); diag1.discard(row + c); diag2.discard(row - c)

    yield from place(0)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
for size in range(1, n + 1):
    count = sum(1 for _ in solve(size))
    print(f"{size:2} queens: {count} solutions")
first = next(solve(n), None)
if first:
    for c in first:
        print(" ".join("Q" if i == c else "." for i in range(n)))
