# Passing iterables and generator expressions as arguments; sum/min/max over generators.
def stats(it):
    xs = list(it)
    return len(xs), sum(xs), min(xs), max(xs)
print(stats(x * x for x in range(10)))
print(stats(range(5)), stats([3, 1, 2]), stats({5: 0, 7: 0}))
print(sum(i for i in range(1000) if i % 3 == 0 or i % 5 == 0))
print(max((len(w), w) for w in "a bb ccc dd".split()), "".join(c for c in "a1b2" if c.isalpha()))
