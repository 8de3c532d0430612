# complex literals and constant folding in the compiler.
a = 1j
b = 10J
c = 1.5e3j
d = 0j
e = -1j
f = 3 + 4j
g = -(0j)
h = 1_000j
k = .5j
print(a, b, c, d, e, f, g, h, k)
print(type(a).__name__, 2j * 3, 1j + 1j == 2j, (1j,) * 2)
def fn(x=2j):
    return x * 1j
print(fn(), fn(1), [1j for _ in range(2)], {1j, 2j} == {2j, 1j})
print(eval('3j'), eval('-2j'), eval('1+1j') == 1+1j)
