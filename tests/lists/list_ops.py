# List operators: + * += *= in, comparisons, min/max/sum, list() of iterables, unpacking.
a = [1, 2]
b = a * 3
print(b, a + [3], [0] * 0, [] * 5, 2 * [None])
a *= 2; print(a)
print(2 in a, 5 in a, [1, 2] in [[1, 2]], a == [1, 2, 1, 2], a != [1, 2], a < [1, 3], [2] > [1, 100])
print(sum([1, 2, 3]), sum([[1], [2]], []), min([4, 2, 8]), max([4, 2, 8]))
first, *rest = [1, 2, 3, 4]
*init, last = [1, 2, 3, 4]
x, (y, z), w = [1, [2, 3], 4]
print(first, rest, init, last, x, y, z, w)
print(list({1: 2, 3: 4}), list((5, 6)), list(map(str, [1, 2])), [*"ab", *[1], *range(2)])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    print([1] + (2,))
except TypeError as e:
    print("TypeError", e)
