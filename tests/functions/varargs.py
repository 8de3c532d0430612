# *args and **kwargs: collection, forwarding, unpacking at call site, ordering of kwargs.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, a=3), f(*[1, 2], *(3,), **{"x": 1}, y=2))
def g(a, b, *rest, key="k", **extra):
    print("a", a, "b", b, "rest", rest, "key", key, "extra", extra)
g(1, 2)
g(1, 2, 3, 4, key="K", z=26, y=25)
g(*range(5), **{"key": "from dict", "q": 1})
def wrapper(*a, **k):
    return g(*a, **k)
wrapper("x", "y", "z", w=0)
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
args = (1, 2)
kw = {"c": 3}
def three(a, b, c):
    return a * 100 + b * 10 + c
print(three(*args, **kw), three(*"123"[:0], 1, *[2], c=3))
