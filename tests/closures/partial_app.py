# Hand-written partial application and currying via closures.
def partial(f, *pa, **pk):
    def p(*a, **k):
        kw = dict(pk)
        kw.update(k)
        return f(*pa, *a, **kw)
    return p
def greet(greeting, name, punct="!"):
    return f"{greeting}, {name}{punct}"
hi = partial(greet, "Hi")
print(hi("Ann"), hi("Bob", punct="?"), partial(greet, punct=".")("Yo", "Cy"))
def curry(f, n):
    def c(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: c(*args, *more)
    return c
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
