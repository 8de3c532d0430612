# Tuple iteration, membership, min/max, conversion and the empty tuple singleton behaviour.
t = tuple(range(10, 0, -2))
print(t, min(t), max(t), sum(t), sorted(t), list(reversed(t)), t.index(6), t.count(7))
print(tuple(), () == tuple(), len(()), bool(()), bool((0,)), tuple(x * x for x in t))
print(t[1:4], t[-1], t[::2], t[::-3], (1, 2) + (), (0,) * 3)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    () + [1]
except TypeError as e:
    print("TypeError", e)
