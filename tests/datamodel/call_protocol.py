# __call__ on instances and classes; callable()
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder), callable(5))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
class Counter:
    calls = 0
    def __call__(self):
        Counter.calls += 1
        return self
c = Counter()
c()()()
print(Counter.calls)
print(list(map(Adder(100), [1, 2])))
class Meth:
    def m(self): return "m"
print(callable(Meth.m), callable(Meth().m))
try:
    five = 5
    five()
except TypeError as e:
    print(e)
try:
    s = "str"
    s()
except TypeError as e:
    print(e)
