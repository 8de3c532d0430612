# interval merging, sorting with keys and tuple comparisons
def merge(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [tuple(x) for x in out]
cases = [[(1, 3), (2, 6), (8, 10), (15, 18)], [(1, 4), (4, 5)], [], [(5, 7)], [(1, 10), (2, 3), (4, 8)], [(6, 8), (1, 9), (2, 4), (4, 7)]]
for c in cases:
    print(c, "->", merge(c))
def covered(iv):
    return sum(e - s for s, e in merge(iv))
print([covered(c) for c in cases])
def gaps(iv, lo, hi):
    pos = lo
    for s, e in merge(iv):
        if s > pos:
            yield (pos, s)
        pos = max(pos, e)
    if pos < hi:
        yield (pos, hi)
print(list(gaps(cases[0], 0, 20)), list(gaps([], 0, 5)))
