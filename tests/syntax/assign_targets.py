# attribute, subscript and slice assignment targets
class Box:
    pass
b = Box()
b.a = 1
b.a, b.b = b.a + 1, 5
print(b.a, b.b)
lst = list(range(10))
lst[2:5] = ["x"]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
lst[-1:] = [9, 9, 9]
print(lst)
lst[:0] = "ab"
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
d = {}
d[1, 2] = "tuple key"
d[(3,)] = "one"
print(d)
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    m[i][i] = i + 1
print(m)
i = 0
lst2 = [0, 0, 0]
i, lst2[i] = 1, 7
print(i, lst2)
del lst[0:3]
print(lst)
