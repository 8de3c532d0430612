# starred and nested assignment targets
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), (c, *d) = [(1, 2), "xyz"]
print(a, b, c, d)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
print(a, b, c, d)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
first, *_ = iter(range(100, 105))
print(first, _)
