# walrus inside comprehensions binds in the enclosing function scope
def f():
    data = [1, 5, 2, 8]
    big = [last := x for x in data if x > 1]
    return big, last
print(f())
def g():
    if any((found := x) > 4 for x in [1, 3, 7, 2]):
        return found
print(g())
class C:
    vals = [1, 2]
print([y := 5, y ** 2])
counter = 0
res = [(counter := counter + 1) for _ in range(3)]
print(res, counter)
