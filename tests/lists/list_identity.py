# Aliasing, copying and mutation through references, functions mutating lists.
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a is c, a == b, c == d)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
r = mutate(a)
print(a, r)
def add_default(x, acc=[]):
    acc.append(x)
    return acc
print(add_default(1), add_default(2), add_default(3, []), add_default(4))
m = [[]] * 2
m[0].append(1)
print(m, m[0] is m[1])
