# __qualname__ and __name__ of nested functions, classes, lambdas
def f():
    def g():
        pass
    class K:
        def m(self):
            pass
    return g, K, lambda: 0
g, K, lam = f()
print(f.__qualname__, g.__qualname__, K.__qualname__, K.m.__qualname__, lam.__qualname__)
class Outer:
    class Inner:
        def meth(self):
            def local():
                pass
            return local
    def m(self):
        return [lambda: 1][0]
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner().meth().__qualname__)
print(Outer().m().__qualname__, Outer.m.__name__)
print([(lambda: 0) for _ in range(1)][0].__qualname__)
print(Outer.__module__, f.__module__)
