# Slice assignment and deletion on lists with steps, including from iterators and strings.
l = list(range(12))
l[1:4] = "xyz"
print(l)
l[::3] = range(4)
print(l)
l[2:2] = iter([100, 101])
print(l)
del l[1:10:2]
print(l)
l[:] = []
print(l)
m = [0, 1, 2, 3, 4, 5]
m[-1:-4:-1] = ["a", "b", "c"]
print(m)
m[len(m):] = [9]
print(m)
m[:0] = [-1]
print(m)
try:
    m[::-1] = [1]
except ValueError as e:
    print("ValueError", e)
