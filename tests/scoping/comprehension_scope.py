# comprehension variables do not leak; first iterable evaluated in enclosing scope
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
g = (y for y in range(3))
print(list(g))
try:
    y
except NameError as e:
    print(e)
def f():
    n = 5
    return [n * i for i in range(3)]
print(f())
class C:
    data = [1, 2, 3]
    doubled = [v * 2 for v in data]
    try:
        bad = [v * factor for v in data for factor in [2]]
    except NameError as e:
        err = str(e)
print(C.doubled, C.bad)
class D:
    k = 3
    try:
        r = [k * i for i in range(2)]
    except NameError as e:
        r = str(e)
print(D.r)
nested = [[(i, j) for j in range(i)] for i in range(3)]
print(nested)
print({i: [i * j for j in range(2)] for i in range(2)})
