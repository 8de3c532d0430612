# functools: reduce, partial, lru_cache, wraps, total_ordering, cached_property.
from functools import (partial, reduce, lru_cache, wraps, total_ordering,
                       cached_property, cmp_to_key, update_wrapper)
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7), reduce(max, "hello"))
for bad in ["reduce(operator.add, [])", "reduce(operator.add)", "reduce(1, [1, 2])"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p.func is f, p.args, p.keywords, p(2, 3, d=6))
p2 = partial(p, 9, c=0)
print(p2(), p2.args, p2.keywords, p2.func is f)
print(repr(partial(max, 1, key=abs)))
class MyPartial(partial):
    pass
mp = MyPartial(pow, 2)
print(mp(10), type(mp).__name__)
try:
    partial()
except TypeError as e:
    print(e)
try:
    partial(1)
except TypeError as e:
    print(e)
p.attr = "x"; print(p.attr)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), sq.cache_info())

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Doc string."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(5))

@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2))

class Data:
    def __init__(self):
        self.calls = 0
    @cached_property
    def value(self):
        self.calls += 1
        return 42
d = Data()
print(d.value, d.value, d.calls)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
