# Sets with tuples and mixed numbers; membership tests; errors on unhashable.
pts = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(pts), sorted(pts), (1, 2) in pts, (3, 3) in pts)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError", e)
try:
    set([[1]])
except TypeError as e:
    print("TypeError", e)
try:
    {1} + {2}
except TypeError as e:
    print("TypeError", e)
print(set() == set(), set() == frozenset(), {1} != {2}, repr(set()), repr(frozenset()))
