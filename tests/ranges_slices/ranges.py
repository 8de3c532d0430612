# range: start/stop/step, negatives, empty ranges, len, indexing, slicing, membership, repr.
for r in (range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -4)):
    print(r, list(r), len(r), bool(r))
r = range(0, 100, 7)
print(r[0], r[-1], r[3], r[2:5], r[::-1], r[::2][1], 49 in r, 50 in r, r.index(14), r.count(21))
print(range(10)[-3:], range(10)[::-3], list(range(10)[1:8:2]), range(3) == range(0, 3, 1), range(0) == range(5, 2))
print(sum(range(101)), max(range(7)), list(reversed(range(4))))
try:
    len(range(0, 10 ** 20, 3))
except OverflowError as e:
    print("OverflowError", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20), range(2, 2 ** 70, 2 ** 60)[3])
