# default values referencing earlier globals, None sentinels, and evaluation time
LIMIT = 3
def f(x, limit=LIMIT, items=None, sentinel=object()):
    items = [] if items is None else items
    items.append(min(x, limit))
    return items
LIMIT = 100
print(f(5), f(1), f(7, 10), f(2, items=[0]))
print(f.__defaults__[0], len(f.__defaults__))
def g(a, b=None, *, c=None):
    return a if b is None else (a, b) if c is None else (a, b, c)
print(g(1), g(1, 2), g(1, 2, c=3), g(1, c=3))
