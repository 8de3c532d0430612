# decorators on methods, preserving self, memoization per instance
def logged(m):
    def w(self, *a):
        print(f"{type(self).__name__}.{m.__name__}{a}")
        return m(self, *a)
    return w
class Calc:
    def __init__(self, base):
        self.base = base
    @logged
    def add(self, x):
        return self.base + x
    @staticmethod
    @lambda f: (lambda *a: ("static", f(*a)))
    def s(x):
        return x
    @classmethod
    @logged
    def cm(cls, v):
        return cls.__name__ + str(v)
print(Calc(10).add(5))
print(Calc.s(3))
print(Calc.cm(1))
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
