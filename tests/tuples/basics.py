# Tuples: creation, single-element, immutability error, count/index, concatenation, nesting, hashing.
t = (1, 2, 3)
print(t, (1,), (), tuple("ab"), tuple([1, 2]), tuple(range(3)), 1, (1))
print(t + (4,), t * 2, t[1:], t[::-1], len(t), t.count(2), t.index(3), 2 in t)
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested == ((1, 2), (3, (4, 5))))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)], hash((1, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
tl = (1, [2])
tl[1].append(3)
print(tl)
try:
    tl[1] += [4]
except TypeError as e:
    print("TypeError", e, tl)
