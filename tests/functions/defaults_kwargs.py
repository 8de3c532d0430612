# Default arguments, keyword arguments, evaluation time of defaults, mutable default pitfalls.
def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c="C"), f(c=0, a=9), f(1, 2, 3), f(a=1, b=None))
counter = 10
def g(x=counter):
    return x
counter = 20
print(g(), g(5))
def h(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(h(1), h(2), h(3, [0]))
def acc(x, store={}):
    store[x] = store.get(x, 0) + 1
    return dict(store)
print(acc("a"), acc("b"), acc("a"))
print(f.__name__, f.__defaults__, g.__defaults__, h.__code__.co_argcount if hasattr(h, "__code__") else 2)
