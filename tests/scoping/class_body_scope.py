# class bodies: names not visible in methods, comprehensions in class body, closures
x = "global x"
class A:
    x = "class x"
    y = x + "!"
    def m(self):
        return x
    lst = [x for _ in range(1)]
    def n(self):
        return A.x
print(A.y, A().m(), A.lst, A().n())
def f():
    v = "func v"
    class B:
        w = v
        def m(self):
            return v
    return B
B = f()
print(B.w, B().m())
def g():
    z = "outer z"
    class C:
        z = "class z"
        def m(self):
            return z
    return C().m(), C.z
print(g())
class D:
    a = 1
    b = [a for _ in range(2)] if False else 2
    c = (lambda: "lambda in class")()
print(D.b, D.c)
class E:
    items = [1, 2, 3]
    total = sum(items)
    first = items[0]
print(E.total, E.first)
