# Tuple packing/unpacking: swap, star targets, nested, in for loops, returning tuples.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
head, *tail = (1, 2, 3)
print(head, tail)
(a, b), c = (1, 2), 3
print(a, b, c)
a, *mid, z = range(6)
print(a, mid, z)
*_, last = "hello"
print(last)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([3, 9, 1])
print(lo, hi, minmax("hello"))
x = y = z = 0
x += 1
print(x, y, z)
l = [0, 0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
