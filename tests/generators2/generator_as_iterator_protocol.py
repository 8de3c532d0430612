# generators satisfy the iterator protocol and work with builtins
def g(n):
    yield from range(n)
print(sum(g(5)), max(g(5)), sorted(g(3), reverse=True), list(zip(g(3), g(4))))
print(dict(zip(g(3), "abc")), set(g(4)) == {0, 1, 2, 3}, tuple(g(2)))
print(any(x > 3 for x in g(5)), all(g(0)), list(map(str, g(3))), "".join(map(str, g(4))))
it = g(3)
print(next(it), list(enumerate(it)))
print(list(filter(None, g(4))), min(g(3), default=-1), min(g(0), default=-1))
print(list(reversed(list(g(3)))))
try:
    reversed(g(3))
except TypeError as e:
    print(e)
try:
    len(g(3))
except TypeError as e:
    print(e)
try:
    g(3)[0]
except TypeError as e:
    print(e)
