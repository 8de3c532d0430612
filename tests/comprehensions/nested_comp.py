# Deeply nested comprehensions and comprehensions over generator outputs; matrix ops.
def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
print(mat_mul(a, b))
ident = [[int(i == j) for j in range(4)] for i in range(4)]
print(ident)
print([[[i + j + k for k in range(2)] for j in range(2)] for i in range(2)])
pascal = [[1]]
for _ in range(7):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in pascal:
    print(" ".join(map(str, row)).center(30).rstrip())
