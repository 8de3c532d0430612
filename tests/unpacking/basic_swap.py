# tuple packing/unpacking, swaps and rotations
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
x = 1, 2, 3
print(x, type(x).__name__)
(p,) = [9]
print(p)
[q] = "z"
print(q)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i, j = 0, 1
lst[i], lst[j] = lst[j], lst[i]
print(lst)
