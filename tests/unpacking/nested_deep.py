# deeply nested unpacking with stars at different levels
data = [1, [2, 3, [4, 5, 6]], 7]
a, [b, *c, [d, *e]], f = data
print(a, b, c, d, e, f)
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)
[[x, *y], *z] = [[1, 2, 3], 4, 5]
print(x, y, z)
for [a, [b, c]] in [[1, [2, 3]], [4, [5, 6]]]:
    print(a, b, c)
head, *tail = [[1, 2], [3, 4]]
print(head, tail)
*init, (last1, last2) = [0, 1, (2, 3)]
print(init, last1, last2)
