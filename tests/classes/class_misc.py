# Class objects as values, dynamic class attributes, methods added at runtime, type() names, __class__.
class A:
    def hi(self):
        return "A.hi"
def extra(self):
    return "extra on " + type(self).__name__
A.extra = extra
a = A()
print(a.hi(), a.extra(), A.__name__, A.__qualname__, A.__module__)
klasses = [int, str, list, A]
print([k.__name__ for k in klasses], [type(k).__name__ for k in klasses])
B = type("B", (A,), {"x": 5, "hi": lambda self: "B.hi"})
b = B()
print(b.hi(), b.extra(), b.x, isinstance(b, A), B.__bases__[0].__name__, B.__mro__[1].__name__)
def factory(n):
    class Local:
        val = n
        def get(self):
            return self.val * 2
    return Local
L3 = factory(3)
print(L3().get(), factory(10)().get(), L3.__qualname__)
print(type(a) == A, type(a).__mro__[-1].__name__, a.__class__ is A, isinstance(A, type))
